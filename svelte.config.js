import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		adapter: adapter({ precompress: true }),
		// Kit's check that a form comes from this site answers with a bare English line; the
		// same check is src/hooks.server.ts's `crossSite`, whose refusal is in the reader's
		// language. Not a trusted origin in the world: every form is still checked there.
		csrf: { trustedOrigins: ['*'] },
		// The PWA plugin registers the worker (virtual:pwa-register), so Kit must not.
		serviceWorker: { register: false },
		// Absolute links: links.ts builds them once for server redirects and pages alike.
		paths: { relative: false },
		// Nothing but our own code runs: Kit puts a nonce on its one inline script (a hash on
		// prerendered pages), so a script slipped into user text has nothing to run with.
		// Styles allow inline attributes, which Svelte and Kit's root element use.
		csp: {
			mode: 'auto',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				'style-src': ['self', 'unsafe-inline'],
				'img-src': ['self', 'data:'],
				'font-src': ['self'],
				'connect-src': ['self'],
				'worker-src': ['self'],
				'manifest-src': ['self'],
				'frame-src': ['none'],
				'frame-ancestors': ['none'],
				'form-action': ['self'],
				'base-uri': ['self'],
				'object-src': ['none']
			}
		}
	}
};

export default config;
