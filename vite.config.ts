import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { sveltekit } from '@sveltejs/kit/vite';
import { SvelteKitPWA } from '@vite-pwa/sveltekit';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { minify, transformWithOxc, type Plugin } from 'vite';
import { defineConfig } from 'vitest/config';

// Paraglide makes each text its own module, and a text that two pages share became a chunk
// of its own: a dozen files of 150 bytes each on a first visit. So the texts of the shell
// every page shows (the layout, the flat's tabs) go into one chunk, and those of the board
// (where everyone lands) into another; each is loaded once and then cached.
const textsOf = (...files: string[]) =>
	new Set(
		files.flatMap((file) =>
			[...readFileSync(new URL(file, import.meta.url), 'utf8').matchAll(/\bm\.(\w+)\(/g)].map(
				(t) => t[1]!
			)
		)
	);
const textIn = (texts: Set<string>) => (id: string) => {
	const text = /paraglide[\\/]messages[\\/](\w+)\.js$/.exec(id);
	return !!text && texts.has(text[1]!);
};
const FLAT = './src/routes/f/[flat=flat]';
const shellTexts = textIn(
	textsOf(
		'./src/routes/+layout.svelte',
		'./src/lib/components/LanguageButtons.svelte',
		'./src/lib/components/LogoutForm.svelte',
		'./src/lib/components/TabBar.svelte'
	)
);
const boardTexts = textIn(
	textsOf(
		...[
			'+page.svelte',
			'PostCard.svelte',
			'WeekList.svelte',
			'Greetings.svelte',
			'Balance.svelte',
			'CategoryPicker.svelte',
			'help-labels.ts'
		].map((file) => `${FLAT}/${file}`)
	)
);

// Paraglide's generated `plural()` makes a new Intl.PluralRules for every plural text it shows
// (the bell and the month's count, on every board the server renders and the browser
// hydrates): 40 µs each. One per language and options is enough, so its registry is built
// with a kept one. The build fails if a new Paraglide writes that line differently.
const MADE_EACH_TIME = 'return new Intl.PluralRules(locale, options).select(Number(input))';
const pluralRulesKept: Plugin = {
	name: 'burenbord:plural-rules-kept',
	transform(code, id) {
		if (!/paraglide[\\/]registry\.js$/.test(id)) return;
		if (!code.includes(MADE_EACH_TIME)) this.error(`${id} no longer has: ${MADE_EACH_TIME}`);
		return (
			code.replace(MADE_EACH_TIME, 'return pluralRules(locale, options).select(Number(input))') +
			`
const keptRules = new Map();
function pluralRules(locale, options) {
	const key = options ? locale + JSON.stringify(options) : locale;
	let rules = keptRules.get(key);
	if (!rules) keptRules.set(key, (rules = new Intl.PluralRules(locale, options)));
	return rules;
}
`
		);
	}
};

// The app's own script for every page (src/lib/sw/page-script.ts): the reading pages have no
// Svelte scripts, so the worker's registration, the update bar, the install offer and forms
// kept offline run from this one file. It has no imports: it is only stripped of its types and
// minified, and named by its content under _app/immutable, so it is cached for good and the
// worker keeps it with the app. The server reads its address from `virtual:page-script`.
const PAGE_SCRIPT = 'src/lib/sw/page-script.ts';
const PAGE_SCRIPT_ID = 'virtual:page-script';
async function buildPageScript(): Promise<{ code: string; path: string }> {
	const source = readFileSync(new URL(PAGE_SCRIPT, import.meta.url), 'utf8');
	const plain = await transformWithOxc(source, PAGE_SCRIPT, { lang: 'ts' });
	const { code, errors } = await minify('page-script.js', plain.code, { module: true });
	if (errors.length) throw new Error(`${PAGE_SCRIPT}: ${errors.map((e) => e.message).join('; ')}`);
	if (/^\s*import\b|\bimport\s*\(/m.test(code)) throw new Error(`${PAGE_SCRIPT} may not import`);
	const hash = createHash('sha256').update(code).digest('base64url').slice(0, 10);
	return { code, path: `_app/immutable/assets/page-script.${hash}.js` };
}
const pageScript = (): Plugin => {
	let dev = false;
	return {
		name: 'burenbord:page-script',
		configResolved(config) {
			dev = config.command === 'serve';
		},
		resolveId: (id) => (id === PAGE_SCRIPT_ID ? `\0${PAGE_SCRIPT_ID}` : undefined),
		async load(id) {
			if (id !== `\0${PAGE_SCRIPT_ID}`) return;
			this.addWatchFile(PAGE_SCRIPT);
			// In development Vite serves the source itself, as a module.
			const path = dev ? `/${PAGE_SCRIPT}` : `/${(await buildPageScript()).path}`;
			return `export default ${JSON.stringify(path)};`;
		},
		// Written with the client's files; the server build only needs the address.
		async generateBundle() {
			if (this.environment.config.consumer !== 'client') return;
			const { code, path } = await buildPageScript();
			this.emitFile({ type: 'asset', fileName: path, source: code });
		}
	};
};

export default defineConfig({
	plugins: [
		paraglideVitePlugin({
			project: './project.inlang',
			outdir: './src/lib/paraglide',
			// The user's saved language is written to the cookie at login, join and in settings.
			// Keep in step with the `i18n` script in package.json.
			strategy: ['cookie', 'preferredLanguage', 'baseLocale']
		}),
		pluralRulesKept,
		pageScript(),
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
		// Kit already preloads a page's modules (its Link header) on a first visit, and the service
		// worker caches every file after it; Vite's own preloading on later navigations only added
		// a list of every page's modules to the entry (1 KB on every first visit).
		modulePreload: false,
		// The runtimes every page needs (Svelte, Kit, the language runtime) as one file: fewer
		// requests and imports between small chunks on a first visit.
		rolldownOptions: {
			output: {
				codeSplitting: {
					groups: [
						{
							name: 'framework',
							test: /node_modules[\\/](svelte|@sveltejs[\\/]kit|devalue|esm-env|clsx)[\\/]|src[\\/]lib[\\/]paraglide[\\/](runtime|registry)/
						},
						{ name: 'shell', test: shellTexts },
						{ name: 'board', test: boardTexts }
					]
				}
			}
		}
	},
	test: {
		include: ['src/**/*.test.ts'],
		environment: 'node',
		env: { TZ: 'UTC' },
		// A test that checks nothing passes whatever the code does.
		expect: { requireAssertions: true }
	}
});
