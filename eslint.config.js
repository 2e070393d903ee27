import js from '@eslint/js';
import path from 'node:path';
import prettier from 'eslint-config-prettier';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';
import { LAYERS } from './src/lib/server/layers.js';

/**
 * One block per room of src/lib/server and depth of its files: an import of a room in a higher
 * layer (see layers.js), spelt as `$lib/server/x` or as a relative path, is an error. Tests
 * sit outside the layers: they put the rooms together.
 */
function layerZones() {
	return LAYERS.flatMap((layer, rank) => {
		const above = LAYERS.slice(rank + 1).flat();
		if (!above.length) return [];
		const names = above.join('|');
		return layer.flatMap((room) =>
			[0, 1, 2, 3].map((depth) => {
				const up = depth === 0 ? '\\./' : '(\\.\\./){' + depth + '}';
				const files =
					depth === 0
						? [`src/lib/server/${room}.ts`]
						: [`src/lib/server/${room}/${'*/'.repeat(depth - 1)}*.ts`];
				return {
					files,
					ignores: ['**/*.test.ts'],
					rules: {
						'no-restricted-imports': [
							'error',
							{
								patterns: [
									{
										regex: `^(\\$lib/server/|${up})(${names})(\\.(js|ts))?(/|$)`,
										message: `${room} sits in layer ${rank} of src/lib/server/layers.js; it may not import a higher layer.`
									}
								]
							}
						]
					}
				};
			})
		);
	});
}

/**
 * STYLE.md's names, as a rule: components `PascalCase.svelte`, Kit's own `+page…` files, every
 * other file `kebab-case` (with a `.test`, `.spec`, `.server`, `.svelte`, `.setup` or `.config` before its extension).
 */
const fileNames = {
	meta: { type: 'suggestion', schema: [], messages: { name: 'File name {{name}}: {{want}}.' } },
	create(context) {
		const name = path.basename(context.filename);
		const want = name.endsWith('.svelte')
			? /^(\+[a-z@.-]+|[A-Z][A-Za-z0-9]*)\.svelte$/.test(name)
				? null
				: 'components are PascalCase.svelte'
			: /^(\+[a-z.]+|[a-z0-9]+(-[a-z0-9]+)*(\.(test|spec|svelte|config|d|server|setup))?\.(ts|js))$/.test(
						name
				  )
				? null
				: 'kebab-case.ts';
		return {
			Program(node) {
				if (want) context.report({ node, messageId: 'name', data: { name, want } });
			}
		};
	}
};

export default ts.config(
	{
		ignores: [
			'build/',
			'.svelte-kit/',
			'src/lib/paraglide/',
			'node_modules/',
			'test-results/',
			'playwright-report/',
			'.e2e-data/',
			'data/',
			'.bench-data/'
		]
	},
	js.configs.recommended,
	...ts.configs.recommended,
	...svelte.configs.recommended,
	prettier,
	...svelte.configs.prettier,
	{
		languageOptions: { globals: { ...globals.browser, ...globals.node } },
		rules: {
			'no-undef': 'off',
			'@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
			// Hrefs come from $lib/links, which builds every one with `resolve()`.
			'svelte/no-navigation-without-resolve': 'off'
		}
	},
	{
		files: ['**/*.ts', '**/*.svelte', '**/*.svelte.ts'],
		languageOptions: {
			parserOptions: {
				projectService: {
					allowDefaultProject: ['drizzle.config.ts', 'src/service-worker.ts', 'scripts/*.ts']
				},
				extraFileExtensions: ['.svelte'],
				parser: ts.parser,
				svelteConfig
			}
		},
		rules: {
			// A promise nobody awaits hides its failure; one handed where nothing awaits it (an
			// event handler, a condition) too.
			'@typescript-eslint/no-floating-promises': 'error',
			'@typescript-eslint/no-misused-promises': 'error',
			// A button without a type submits its form: say which one is meant.
			'svelte/button-has-type': 'error'
		}
	},
	{
		files: ['**/*.ts', '**/*.js', '**/*.svelte'],
		ignores: ['*.config.js', '*.config.ts'],
		plugins: { house: { rules: { 'file-names': fileNames } } },
		rules: { 'house/file-names': 'error' }
	},
	...layerZones()
);
