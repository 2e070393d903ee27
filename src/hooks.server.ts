import type { Handle, ServerInit } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { AsyncLocalStorage } from 'node:async_hooks';
import cluster from 'node:cluster';
import path from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { building } from '$app/environment';
import {
	extractLocaleFromRequest,
	getLocale,
	getTextDirection,
	overwriteServerAsyncLocalStorage,
	type Locale
} from '$lib/paraglide/runtime';
import { dataDir, getDb } from '$lib/server/db';
import { START_FAILURE_EXIT, startFailureMessage } from '$lib/server/db/upgrade';
import { startJobs } from '$lib/server/jobs';
import { fillNameSkeletons } from '$lib/server/members/backfill';
import { startPushWorker } from '$lib/server/push';
import { vapidKeys } from '$lib/server/push/vapid';
import { keepLimitsIn } from '$lib/server/auth/rate-limit';
import * as cookies from '$lib/server/auth/cookies';
import * as session from '$lib/server/auth/session';
import { crossSiteRefusal, isCrossSiteForm } from '$lib/server/cross-site';
import { pageScriptTag } from '$lib/server/page-script';

/**
 * Migrate at start, so the first request does not wait for it and a bad migration fails loudly.
 * A start that cannot go on with its data (a failed migration, a damaged file, a directory it
 * may not write, a full disk) stops the server with a message that says what to do, and no
 * stack trace: those are for bugs, which still throw.
 * With several server processes (WORKERS, scripts/start.js) one of them is the leader: it runs
 * the clock and sends pushes, which must happen once, and it starts before the others, so the
 * migration, the copy before it and the push keys are made once. A single process leads.
 */
export const init: ServerInit = () => {
	if (building) return;
	try {
		const db = getDb();
		keepLimitsIn(db);
		if (!isLeader()) return;
		// Accounts from before confusable skeletons get theirs before anyone can join next to them.
		fillNameSkeletons(db);
		// Made now, before other processes start: each would otherwise make a pair of its own.
		vapidKeys();
		startJobs(db);
		startPushWorker(db);
	} catch (error) {
		const message = startFailureMessage(error, path.join(dataDir(), 'burenbord.db'));
		if (!message) throw error;
		console.error(message);
		process.exit(START_FAILURE_EXIT);
	}
};

/** Not one of several server processes, or the one scripts/start.js made the leader. */
function isLeader(): boolean {
	return !cluster.isWorker || process.env.BURENBORD_LEADER === '1';
}

/** Where Paraglide's `getLocale()` finds the language of the request being answered. */
const requestLocale = new AsyncLocalStorage<{ locale?: Locale; origin?: string }>();
overwriteServerAsyncLocalStorage(requestLocale);

/**
 * Language and direction are set on the server, so Arabic is right-to-left before any script.
 * The language comes from the cookie, else the browser's languages, else Dutch (the strategies
 * in package.json's `i18n`). Paraglide's own middleware does the same and more that this app
 * does not use: it copies every request (body included, for URLs with a language in them) and
 * notes every text shown (for its experimental splitting); that was a tenth of a post's time.
 * The app's page script comes with its texts in the same language (src/lib/server/page-script.ts).
 */
const i18n: Handle = ({ event, resolve }) => {
	const locale = extractLocaleFromRequest(event.request);
	return requestLocale.run({ locale, origin: event.url.origin }, () =>
		resolve(event, {
			transformPageChunk: ({ html }) =>
				html
					.replace('%paraglide.lang%', locale)
					.replace('%paraglide.dir%', getTextDirection(locale))
					.replace('%burenbord.page-script%', pageScriptTag(locale))
		})
	);
};

/**
 * A form posted from another site is refused before anything reads it: Kit's own check,
 * turned off in svelte.config.js, made here so the refusal is in the reader's language.
 */
const crossSite: Handle = ({ event, resolve }) =>
	isCrossSiteForm(event.request, event.url)
		? crossSiteRefusal(event.request, getLocale())
		: resolve(event);

/** Fills locals from the session cookie. It never authorises: every load and action does. */
const auth: Handle = ({ event, resolve }) => {
	event.locals.user = null;
	event.locals.session = null;
	const token = event.cookies.get(session.SESSION_COOKIE);
	if (token && !building) {
		const found = session.validate(getDb(), token);
		if (!found) cookies.clearSession(event);
		else {
			event.locals.user = found.user;
			event.locals.session = found.session;
			if (found.renewed) cookies.setSession(event, token, found.session.expiresAt);
		}
	}
	return resolve(event);
};

/**
 * `?/default` names Kit's reserved action and makes it throw (a 500); it is never a link of
 * ours, so it is refused as the bad request it is.
 */
const reservedAction: Handle = ({ event, resolve }) => {
	if (event.request.method === 'POST' && event.url.searchParams.has('/default'))
		return new Response('Bad request', { status: 400 });
	return resolve(event);
};

/**
 * Headers every answer carries: no framing, no sniffing, no referrer beyond this site, no
 * camera or location, and HSTS once the site is reached over https.
 */
const securityHeaders: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	const set = (name: string, value: string) => {
		if (!response.headers.has(name)) response.headers.set(name, value);
	};
	set('X-Content-Type-Options', 'nosniff');
	set('X-Frame-Options', 'DENY');
	set('Referrer-Policy', 'same-origin');
	set('Permissions-Policy', 'camera=(), microphone=(), geolocation=(), payment=(), usb=()');
	set('Cross-Origin-Opener-Policy', 'same-origin');
	if (event.url.protocol === 'https:')
		set('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
	return response;
};

/**
 * What a logged-in person is shown holds neighbours' names and posts: a shared cache (a proxy,
 * a CDN in front of a flat's server) must not keep it, and the browser asks again (with the
 * ETag) before it shows a kept copy. Not `no-store`: the browser's back button and the service
 * worker's copies for reading offline (the Cache API, which ignores this) stay. A route that
 * says what it wants (a calendar feed) keeps it; pages seen logged out are as before.
 */
const privateCache: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	if (event.locals.user && !response.headers.has('Cache-Control'))
		response.headers.set('Cache-Control', 'private, no-cache');
	return response;
};

/** Pages, their data and feeds: text that shrinks to a fifth. Files are precompressed already. */
const COMPRESSIBLE = /^(text\/(html|calendar|plain)|application\/json)\b/;

/**
 * Compresses what the server renders (brotli, else gzip), as the static files are: a board
 * page of 35 KB travels as about 6 KB to a phone on a slow connection. The ETag stays the
 * page's own, so a revisit still gets its 304.
 */
const compress: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	const accepted = event.request.headers.get('accept-encoding') ?? '';
	const brotli = /\bbr\b/.test(accepted);
	if (
		!response.body ||
		event.request.method === 'HEAD' ||
		response.headers.has('content-encoding') ||
		!COMPRESSIBLE.test(response.headers.get('content-type') ?? '') ||
		!(brotli || /\bgzip\b/.test(accepted))
	)
		return response;
	const body = Buffer.from(await response.arrayBuffer());
	const headers = new Headers(response.headers);
	headers.append('Vary', 'Accept-Encoding');
	if (body.length < 1024) return new Response(body, { status: response.status, headers });
	headers.set('Content-Encoding', brotli ? 'br' : 'gzip');
	headers.delete('Content-Length');
	const packed = brotli
		? brotliCompressSync(body, {
				params: {
					// Quality 5: most of the gain at a fraction of the time of the maximum (11).
					[constants.BROTLI_PARAM_QUALITY]: 5,
					[constants.BROTLI_PARAM_SIZE_HINT]: body.length
				}
			})
		: gzipSync(body);
	return new Response(packed, {
		status: response.status,
		statusText: response.statusText,
		headers
	});
};

export const handle = sequence(
	compress,
	reservedAction,
	securityHeaders,
	privateCache,
	i18n,
	crossSite,
	auth
);
