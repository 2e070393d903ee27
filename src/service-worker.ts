/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
import { cleanupOutdatedCaches, matchPrecache, precacheAndRoute } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { NetworkOnly } from 'workbox-strategies';

declare let self: ServiceWorkerGlobalScope;

// The app shell (scripts, styles, icons, the offline page) comes from the cache.
precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();

// Pages always come from the server; without a network, the offline page says so kindly.
const pages = new NetworkOnly();
registerRoute(
	new NavigationRoute(async (options) => {
		try {
			return await pages.handle(options);
		} catch {
			return (await matchPrecache('/offline')) ?? Response.error();
		}
	})
);

self.addEventListener('install', () => {
	void self.skipWaiting();
});
self.addEventListener('activate', (event) => {
	event.waitUntil(self.clients.claim());
});
