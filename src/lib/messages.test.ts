import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// The message files as translators write them (Paraglide's inlang message format): a text, or
// one entry with declarations, selectors and a text per plural form.
type Variants = { declarations: string[]; selectors: string[]; match: Record<string, string> };
type Message = string | Variants[];

const LOCALES = ['nl', 'en', 'ar'] as const;
const files = Object.fromEntries(
	LOCALES.map((locale) => {
		const messages = JSON.parse(
			readFileSync(new URL(`../../messages/${locale}.json`, import.meta.url), 'utf8')
		) as Record<string, Message>;
		delete messages.$schema;
		return [locale, messages];
	})
) as Record<(typeof LOCALES)[number], Record<string, Message>>;

/**
 * Placeholders that carry a number, decided by name. A number literal or a `.length` passed to
 * a message anywhere in src/ must use one of these names (the last test reads the call sites),
 * so a new counted placeholder cannot slip past the plural check.
 */
const NUMERIC = new Set([
	'capacity',
	'count',
	'done',
	'given',
	'guests',
	'max',
	'min',
	'minutes',
	'received',
	'total',
	'wanted'
]);

/**
 * Messages whose number is not a count of something, phrased so that nothing inflects; each
 * says why. Everything else with a number needs its plural forms.
 */
const NOT_COUNTED: Record<string, string> = {
	// "Enter a number from {min} to {max}": the bounds of a number typed in, not a number of things.
	err_number: 'the bounds of a number'
};

const texts = (message: Message) =>
	typeof message === 'string' ? [message] : message.flatMap((v) => Object.values(v.match));
const placeholders = (message: Message) => {
	const found = new Set(
		texts(message).flatMap((t) => [...t.matchAll(/\{(\w+)\}/g)].map((p) => p[1]!))
	);
	if (typeof message !== 'string')
		for (const v of message)
			for (const d of v.declarations) if (d.startsWith('input ')) found.add(d.slice(6).trim());
	return [...found].sort();
};
const categories = (locale: string) =>
	new Intl.PluralRules(locale).resolvedOptions().pluralCategories as string[];

/** Every combination of plural categories of the selectors, as { selector: category }. */
function combinations(selectors: string[], cats: string[]): Record<string, string>[] {
	return selectors.reduce<Record<string, string>[]>(
		(all, selector) => all.flatMap((c) => cats.map((cat) => ({ ...c, [selector]: cat }))),
		[{}]
	);
}

/** The form a combination falls into, following Paraglide: the first match wins, `*` is any. */
const covers = (key: string, combination: Record<string, string>) =>
	key.split(',').every((part) => {
		const [selector, value] = part.split('=').map((s) => s.trim());
		return value === '*' || combination[selector!] === value;
	});

/** Why a message with numbers lacks proper plural forms in one language, or null if it has them. */
function pluralProblem(locale: string, message: Message, numbers: string[]): string | null {
	if (typeof message === 'string' || message.length !== 1) return 'no plural forms';
	const { declarations, selectors, match } = message[0]!;
	for (const n of numbers) {
		if (!declarations.includes(`input ${n}`)) return `{${n}} is not declared as input`;
		const local = declarations.find((d) => new RegExp(`^local (\\w+) = ${n}: plural\\b`).test(d));
		if (!local) return `{${n}} has no "local ${n}Plural = ${n}: plural"`;
		const name = local.split(' ')[1]!;
		if (!selectors.includes(name)) return `${name} is not a selector`;
	}
	const keys = Object.keys(match);
	const missing = combinations(selectors, categories(locale)).filter(
		(c) => !keys.some((key) => covers(key, c))
	);
	if (missing.length) return `no form for ${JSON.stringify(missing[0])}`;
	return null;
}

describe('the message files', () => {
	it('have the same keys in every language', () => {
		const nl = Object.keys(files.nl).sort();
		for (const locale of LOCALES) expect(Object.keys(files[locale]).sort(), locale).toEqual(nl);
	});

	it('have the same placeholders for a key in every language', () => {
		const differ = Object.keys(files.nl).filter((key) =>
			LOCALES.some(
				(l) =>
					key in files[l] &&
					placeholders(files[l][key]!).join() !== placeholders(files.nl[key]!).join()
			)
		);
		expect(differ).toEqual([]);
	});

	it('give every counted number its plural forms, in every language', () => {
		const problems: string[] = [];
		for (const locale of LOCALES)
			for (const [key, message] of Object.entries(files[locale])) {
				const numbers = placeholders(message).filter((p) => NUMERIC.has(p));
				if (!numbers.length || key in NOT_COUNTED) continue;
				const problem = pluralProblem(locale, message, numbers);
				if (problem) problems.push(`${locale} ${key}: ${problem}`);
			}
		expect(problems).toEqual([]);
	});

	it('list only messages that exist and have a number as not counted', () => {
		for (const key of Object.keys(NOT_COUNTED))
			expect(
				placeholders(files.nl[key] ?? '').some((p) => NUMERIC.has(p)),
				key
			).toBe(true);
	});

	it('know every placeholder that the code fills with a number', () => {
		const src = new URL('../', import.meta.url);
		const sources = (readdirSync(src, { recursive: true }) as string[]).filter(
			(f) => /\.(ts|svelte|js)$/.test(f) && !/paraglide|\.test\.ts$/.test(f)
		);
		const numeric = new Set<string>();
		for (const file of sources) {
			const code = readFileSync(new URL(file, src), 'utf8');
			for (const call of code.matchAll(/\bm\.\w+\(\s*\{([^}]*)\}/g))
				for (const arg of call[1]!.matchAll(/(\w+)\s*:\s*(?:\d|[\w.?]+\.length\b)/g))
					numeric.add(arg[1]!);
		}
		expect(numeric.size).toBeGreaterThan(0);
		expect([...numeric].filter((name) => !NUMERIC.has(name))).toEqual([]);
	});
});
