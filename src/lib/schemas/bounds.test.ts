import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { HELP_CATEGORIES } from '$lib/help';
import { parseForm } from '$lib/server/form';
import { profileSchema } from '.';

// Every schema file here, so a new one is held to the same rule without anyone adding it.
const modules: Record<string, Record<string, unknown>> = import.meta.glob(
	['./*.ts', '!./*.test.ts'],
	{ eager: true }
);

/** What valibot keeps on a schema object, as far as the walk needs it. */
type Node = {
	kind?: string;
	type?: string;
	pipe?: unknown[];
	wrapped?: unknown;
	entries?: Record<string, unknown>;
	item?: unknown;
	items?: unknown[];
	rest?: unknown;
	options?: unknown[];
	key?: unknown;
	value?: unknown;
};

const isSchema = (x: unknown): x is Node =>
	typeof x === 'object' && x !== null && (x as Node).kind === 'schema';

/** The actions that put a ceiling on a schema of this type, for those that need one. */
const CEILINGS: Record<string, string[]> = {
	string: ['max_length', 'length'],
	array: ['max_length', 'length'],
	record: ['max_entries', 'entries'],
	set: ['max_size', 'size'],
	map: ['max_size', 'size']
};

/**
 * The places in a schema that take input of any size. A ceiling holds for the value its pipe
 * checks: through wrappers (optional, nullable …), union options and the schemas later in the
 * same pipe, but not for the entries of an object or the items of a list.
 */
function unbounded(schema: unknown, at: string, ceilings: string[] = []): string[] {
	if (!isSchema(schema)) return [];
	if (schema.pipe) {
		const here = [
			...ceilings,
			...schema.pipe.flatMap((a) => ((a as Node).kind === 'validation' ? [(a as Node).type!] : []))
		];
		// The first step is the schema the pipe starts from; later ones read what it made.
		return schema.pipe.flatMap((step, i) =>
			unbounded(step, i === 0 ? at : `${at} › pipe[${i}]`, here)
		);
	}
	const own = CEILINGS[schema.type!];
	const found = own && !own.some((c) => ceilings.includes(c)) ? [`${at}: ${schema.type}`] : [];
	const inside = (x: unknown, where: string) => unbounded(x, where);
	return [
		...found,
		...unbounded(schema.wrapped, at, ceilings),
		...(schema.options ?? []).flatMap((o, i) => unbounded(o, `${at} › option[${i}]`, ceilings)),
		...Object.entries(schema.entries ?? {}).flatMap(([k, e]) => inside(e, `${at}.${k}`)),
		...inside(schema.item, `${at}[]`),
		...(schema.items ?? []).flatMap((e, i) => inside(e, `${at}[${i}]`)),
		...inside(schema.rest, `${at}[…]`),
		...inside(schema.key, `${at}{key}`),
		...inside(schema.value, `${at}{}`)
	];
}

describe('every form input has a ceiling', () => {
	const exported = Object.entries(modules).flatMap(([file, module]) =>
		Object.entries(module)
			.filter(([, value]) => isSchema(value))
			.map(([name, schema]) => ({ name: `${file.slice(2)} ${name}`, schema }))
	);

	it('finds the schemas of every file', () => {
		expect(Object.keys(modules).sort()).toEqual(
			expect.arrayContaining([
				'./index.ts',
				'./fields.ts',
				'./help.ts',
				'./calendar.ts',
				'./members.ts',
				'./socialmap.ts',
				'./welcome.ts'
			])
		);
		const names = exported.map((e) => e.name);
		for (const name of [
			'index.ts profileSchema',
			'index.ts filterSchema',
			'index.ts idSchema',
			'index.ts moveSchema',
			'index.ts deviceSchema',
			'index.ts deleteSchema',
			'welcome.ts welcomeTextSchema',
			'help.ts postSchema',
			'calendar.ts activitySchema',
			'socialmap.ts mapEntrySchema',
			'fields.ts rowId'
		])
			expect(names).toContain(name);
	});

	it('bounds every string and list that a schema takes', () => {
		expect(exported.flatMap(({ name, schema }) => unbounded(schema, name))).toEqual([]);
	});

	it('itself catches a string or a list without a ceiling', () => {
		expect(unbounded(v.object({ a: v.string() }), 'x')).toEqual(['x.a: string']);
		expect(unbounded(v.array(v.string()), 'x')).toEqual(['x: array', 'x[]: string']);
		// A list's ceiling is not its items'.
		expect(unbounded(v.pipe(v.array(v.string()), v.maxLength(3)), 'x')).toEqual(['x[]: string']);
		expect(unbounded(v.union([v.string(), v.pipe(v.string(), v.maxLength(3))]), 'x')).toEqual([
			'x › option[0]: string'
		]);
		expect(
			unbounded(
				v.optional(
					v.pipe(
						v.string(),
						v.transform((s) => s.trim()),
						v.string()
					)
				),
				'x'
			)
		).toEqual(['x: string', 'x › pipe[2]: string']);
		expect(unbounded(v.record(v.picklist(['a']), v.number()), 'x')).toEqual(['x: record']);
	});

	it('lets a ceiling hold through wrappers and after a transform in the same pipe', () => {
		const date = v.pipe(
			v.optional(v.string(), ''),
			v.maxLength(10),
			v.transform((s) => s || null),
			v.nullable(v.pipe(v.string(), v.isoDate()))
		);
		expect(unbounded(v.object({ date }), 'x')).toEqual([]);
		expect(
			unbounded(v.pipe(v.array(v.pipe(v.string(), v.length(2))), v.maxLength(3)), 'x')
		).toEqual([]);
	});
});

describe('the talents of a profile', () => {
	const save = (talents: string[]) => {
		const data = new FormData();
		for (const t of talents) data.append('talents', t);
		return parseForm(profileSchema, data, ['talents']);
	};

	it('are never more than the categories, however many a form sends', () => {
		const floods = [
			Array<string>(30_000).fill('pets'),
			[...HELP_CATEGORIES, ...HELP_CATEGORIES],
			[...HELP_CATEGORIES, 'juggling'],
			Array.from({ length: 30_000 }, (_, i) => `talent-${i}`)
		];
		for (const talents of floods) {
			const result = save(talents);
			if (!result.ok) continue;
			expect(result.data.talents.length).toBeLessThanOrEqual(HELP_CATEGORIES.length);
			expect(new Set(result.data.talents).size).toBe(result.data.talents.length);
		}
		expect(save(Array<string>(30_000).fill('pets')).ok).toBe(false);
	});

	it('keeps every category once, and a double once', () => {
		const all = save([...HELP_CATEGORIES]);
		expect(all.ok && all.data.talents).toEqual([...HELP_CATEGORIES]);
		const twice = save(['pets', 'plants', 'pets']);
		expect(twice.ok && twice.data.talents).toEqual(['pets', 'plants']);
	});
});

describe('routes take their schemas from $lib/schemas', () => {
	const ROUTES = path.resolve('src/routes');
	const sources = readdirSync(ROUTES, { recursive: true, encoding: 'utf8' })
		.filter((file) => /\.(ts|js|svelte)$/.test(file))
		.map((file) => ({ file, text: readFileSync(path.join(ROUTES, file), 'utf8') }));

	/**
	 * Routes that still import valibot, each for a reason outside the forms: this list may only
	 * shrink. Param ids belong in a matcher (src/params), `?lang=` in a shared helper, and the
	 * step helpers' types in $lib/server/form.
	 */
	const STILL_IMPORTING: Record<string, string> = {
		'f/[flat=flat]/welcome/+page.server.ts': '?lang= read with the locale schema',
		'f/[flat=flat]/welcome/sheet/+page.server.ts': '?lang= read with the locale schema'
	};

	/** A form is read by `action({ schema })` or, outside an action, by `parseForm(schema, …)`. */
	const READS = /(?:\bparseForm\(|\bschema:)\s*(\w+)/g;
	const readsForms = (text: string) => /\bparseForm\(|\baction\(\{/.test(text);

	it('finds the route sources', () => {
		expect(sources.filter((s) => readsForms(s.text)).length).toBeGreaterThan(20);
	});

	it('imports no valibot in a route', () => {
		const importing = sources
			.filter((s) => /from\s+['"]valibot['"]/.test(s.text))
			.map((s) => s.file.split(path.sep).join('/'));
		expect(importing.filter((file) => !(file in STILL_IMPORTING))).toEqual([]);
		// A route that no longer needs it comes off the list.
		expect(Object.keys(STILL_IMPORTING).filter((file) => !importing.includes(file))).toEqual([]);
	});

	it('parses every form with a schema imported from $lib/schemas', () => {
		const wrong = sources.flatMap(({ file, text }) => {
			if (!readsForms(text) || ![...text.matchAll(READS)].length) return [];
			const imported = [
				...text.matchAll(/import\s*(?:type\s*)?\{([^}]*)\}\s*from\s*'\$lib\/schemas(?:\/[\w-]+)?'/g)
			].flatMap((i) =>
				i[1]!.split(',').map((n) =>
					n
						.trim()
						.split(/\s+as\s+/)
						.pop()!
				)
			);
			if (!imported.some(Boolean)) return [`${file}: imports nothing from $lib/schemas`];
			// A name that is not imported is a parameter (a helper's `schema`), unless it is made here.
			return [...text.matchAll(READS)]
				.map((call) => call[1]!)
				.filter(
					(name) =>
						!imported.includes(name) &&
						new RegExp(`(?:const|let|var|function)\\s+${name}\\b`).test(text)
				)
				.map((name) => `${file}: ${name} is made in the route`);
		});
		expect(wrong).toEqual([]);
	});
});
