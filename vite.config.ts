import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { sveltekit } from '@sveltejs/kit/vite';
import { SvelteKitPWA } from '@vite-pwa/sveltekit';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [
		paraglideVitePlugin({
			project: './project.inlang',
			outdir: './src/lib/paraglide',
			// The user's saved language is written to the cookie at login, join and in settings.
			// Keep in step with the `i18n` script in package.json.
			strategy: ['cookie', 'preferredLanguage', 'baseLocale']
		}),
		sveltekit(),
		// The service worker is built for the app, not for unit tests (its build keeps vitest open).
		!process.env.VITEST &&
			SvelteKitPWA({
				strategies: 'injectManifest',
				// Pages live at many depths (/f/horst/members): the worker is always /service-worker.js.
				base: '/',
				scope: '/',
				srcDir: 'src',
				filename: 'service-worker.ts',
				// A new version waits for the user's "Reload" (UpdatePrompt), so nothing typed is lost.
				registerType: 'prompt',
				injectRegister: false,
				manifest: {
					name: 'Burenbord',
					short_name: 'Burenbord',
					description: 'Buren helpen buren — het prikbord van je flat.',
					lang: 'nl',
					start_url: '/',
					scope: '/',
					display: 'standalone',
					background_color: '#fbfaf7',
					theme_color: '#1f5f5b',
					icons: [
						{ src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png' },
						{ src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png' },
						{
							src: '/icons/icon-maskable-512.png',
							sizes: '512x512',
							type: 'image/png',
							purpose: 'maskable'
						}
					]
				},
				injectManifest: {
					globPatterns: ['client/**/*.{js,css,ico,png,svg,webmanifest}', 'prerendered/**/*.html']
				},
				kit: { includeVersionFile: true }
			})
	],
	build: {
		// The runtimes every page needs (Svelte, Kit, the language runtime) as one file: fewer
		// requests and imports between small chunks on a first visit.
		rolldownOptions: {
			output: {
				codeSplitting: {
					groups: [
						{
							name: 'framework',
							test: /node_modules[\\/](svelte|@sveltejs[\\/]kit|devalue|esm-env|clsx)[\\/]|src[\\/]lib[\\/]paraglide[\\/]runtime/
						}
					]
				}
			}
		}
	},
	test: {
		include: ['src/**/*.test.ts'],
		environment: 'node',
		env: { TZ: 'UTC' }
	}
});
