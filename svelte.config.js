import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		adapter: adapter({ precompress: true }),
		// The PWA plugin registers the worker (virtual:pwa-register), so Kit must not.
		serviceWorker: { register: false },
		// Absolute links: links.ts builds them once for server redirects and pages alike.
		paths: { relative: false }
	}
};

export default config;
