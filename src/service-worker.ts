/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
import type {
	RouteHandlerCallbackOptions,
	RouteMatchCallbackOptions,
	WorkboxPlugin
} from 'workbox-core';
import { CacheExpiration, ExpirationPlugin } from 'workbox-expiration';
import { cleanupOutdatedCaches, matchPrecache, precacheAndRoute } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { NetworkFirst, NetworkOnly } from 'workbox-strategies';
import {
	CACHED_AT_HEADER,
	bannerText,
	dataPage,
	pageLocale,
	withBanner,
	type OfflineCopy
} from '$lib/sw/offline-banner';
import { notificationTarget, readPush } from '$lib/sw/push';

declare let self: ServiceWorkerGlobalScope;

// The app shell (scripts, styles, icons, the offline page) comes from the cache.
precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();

// Pages of a flat the user has seen, so the board still reads on the stairs without signal.
// They hold neighbours' names and posts: bounded here, and all gone at logout.
const PAGES_CACHE = 'burenbord-pages';
const EXPIRY = { maxEntries: 60, maxAgeSeconds: 14 * 24 * 60 * 60 };

/**
 * Keeps only plain 200 answers, stamped with the moment they were saved for the banner. Kit's
 * `no-store` on data speaks to the HTTP cache; this copy is the app's own, cleared at logout.
 */
const stampCopies: WorkboxPlugin = {
	cacheWillUpdate: async ({ response }) => {
		if (response.status !== 200 || response.redirected) return null;
		const headers = new Headers(response.headers);
		headers.set(CACHED_AT_HEADER, String(Date.now()));
		return new Response(response.body, {
			status: response.status,
			statusText: response.statusText,
			headers
		});
	}
};

// On a slow line the saved copy shows after 4 s; the network answer still refreshes the cache.
const flatPages = new NetworkFirst({
	cacheName: PAGES_CACHE,
	networkTimeoutSeconds: 4,
	plugins: [stampCopies, new ExpirationPlugin({ ...EXPIRY, purgeOnQuotaError: true })]
});

/**
 * A flat's pages (board, calendar, posts, welcome page, map) and Kit's data for them. Login,
 * logout, admin and setup live outside /f/ and are never kept; `.ics` files are downloads.
 */
function isFlatPage({ request, url, sameOrigin }: RouteMatchCallbackOptions): boolean {
	return (
		sameOrigin &&
		url.pathname.startsWith('/f/') &&
		!url.pathname.endsWith('.ics') &&
		(request.mode === 'navigate' || url.pathname.endsWith('/__data.json'))
	);
}

async function offlinePage(): Promise<Response> {
	return (await matchPrecache('/offline')) ?? Response.error();
}

/** A saved page, with the banner that says it is old, in the page's own language. */
async function bannered(response: Response, cachedAt: number): Promise<Response> {
	if (!response.headers.get('content-type')?.includes('text/html')) return response;
	const html = await response.text();
	const headers = new Headers(response.headers);
	headers.delete('content-length');
	return new Response(withBanner(html, bannerText(pageLocale(html), new Date(cachedAt))), {
		status: response.status,
		statusText: response.statusText,
		headers
	});
}

/** Saved data has no HTML to carry the banner: the page shows it when told. */
async function announced(
	response: Response,
	cachedAt: number,
	{ event, url }: RouteHandlerCallbackOptions
): Promise<Response> {
	const clientId = 'clientId' in event ? (event as FetchEvent).clientId : '';
	const client = clientId ? await self.clients.get(clientId) : undefined;
	const message: OfflineCopy = { type: 'offline-copy', page: dataPage(url), cachedAt };
	client?.postMessage(message);
	return response;
}

registerRoute(isFlatPage, async (options) => {
	const navigation = options.request.mode === 'navigate';
	try {
		const response = await flatPages.handle(options);
		// Only the saved copy carries the stamp: a fresh answer goes through untouched.
		const cachedAt = Number(response.headers.get(CACHED_AT_HEADER));
		if (!cachedAt) return response;
		return navigation
			? await bannered(response, cachedAt)
			: await announced(response, cachedAt, options);
	} catch {
		// Nothing saved: a page says so kindly; for data, Kit then loads the page itself, which lands here.
		return navigation ? offlinePage() : Response.error();
	}
});

// Other pages always come from the server; without a network, the offline page says so kindly.
const pages = new NetworkOnly();
registerRoute(
	new NavigationRoute(async (options) => {
		try {
			return await pages.handle(options);
		} catch {
			return offlinePage();
		}
	})
);

async function forgetPages(): Promise<void> {
	await self.caches.delete(PAGES_CACHE);
	await new CacheExpiration(PAGES_CACHE, EXPIRY).delete();
}

/** Posting to these ends one person's session or starts another's on this phone. */
function changesWhoIsHere(url: URL): boolean {
	return (
		url.pathname === '/logout' ||
		url.pathname === '/settings/privacy' ||
		url.pathname === '/login' ||
		url.pathname === '/code' ||
		url.pathname.startsWith('/join/')
	);
}

// Logging out (or someone else logging in) forgets the saved pages. This sees the form's POST
// even when the page runs no script; the page's `logout` message is a second way.
self.addEventListener('fetch', (event) => {
	const url = new URL(event.request.url);
	if (
		event.request.method === 'POST' &&
		url.origin === self.location.origin &&
		changesWhoIsHere(url)
	)
		event.waitUntil(forgetPages());
});

self.addEventListener('message', (event) => {
	const type = (event.data as { type?: unknown } | null)?.type;
	// A new version waits until the user says "Reload", so a half-typed form is never lost.
	if (type === 'SKIP_WAITING') void self.skipWaiting();
	else if (type === 'logout') event.waitUntil(forgetPages());
});

// A new version's scripts and styles have new names: saved pages would point at the old ones.
self.addEventListener('activate', (event) => {
	event.waitUntil(Promise.all([self.clients.claim(), forgetPages()]));
});

self.addEventListener('push', (event) => {
	const push = readPush(event.data?.text());
	event.waitUntil(
		self.registration.showNotification(push.title, {
			body: push.body,
			icon: '/icons/icon-192.png',
			badge: '/icons/badge-96.png',
			tag: push.tag,
			data: { url: push.url }
		})
	);
});

/** Opens the page in a window of ours that is already open, or else in a new one. */
async function openPage(url: string): Promise<void> {
	const windows = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
	const open = windows.find((w) => new URL(w.url).origin === self.location.origin);
	if (open) {
		try {
			const focused = await open.focus();
			await focused.navigate(url);
			return;
		} catch {
			// A window this worker does not control cannot be sent elsewhere: open a new one.
		}
	}
	await self.clients.openWindow(url);
}

self.addEventListener('notificationclick', (event) => {
	event.notification.close();
	const data = event.notification.data as { url?: unknown } | null;
	const target = notificationTarget(data?.url, self.location.origin);
	event.waitUntil(openPage(new URL(target, self.location.origin).href));
});
