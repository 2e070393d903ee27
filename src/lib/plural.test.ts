import { afterEach, expect, test } from 'vitest';
import { m } from '$lib/paraglide/messages';
import ar from '../../messages/ar.json';

const Original = Intl.PluralRules;
// The test swaps the constructor to count how often rules are made.
const intl = Intl as { PluralRules: typeof Original };
afterEach(() => {
	intl.PluralRules = Original;
});

type Variant = { match: Record<string, string> };
const arabic = (key: 'notif_bell_count', count: number) => {
	const category = new Original('ar').select(count);
	return (ar[key] as Variant[])[0]!.match[`countPlural=${category}`]!.replace(
		'{count}',
		String(count)
	);
};

test('plural texts take the form their language asks for, whatever was shown before', () => {
	const counts = [0, 1, 2, 3, 11, 100, 102];
	for (const count of counts) {
		// Languages interleaved: a kept rule of one language never answers for another.
		expect(m.notif_bell_count({ count }, { locale: 'ar' })).toBe(arabic('notif_bell_count', count));
		expect(m.notif_bell_count({ count }, { locale: 'nl' })).toBe(`Meldingen, ${count} nieuw`);
	}
	expect(m.notif_bell_count({ count: 2 }, { locale: 'ar' })).toBe('الإشعارات، اثنان جديدان');
});

test('the rules of a language are made once, not on every text shown', () => {
	let made = 0;
	intl.PluralRules = class extends Original {
		constructor(...args: ConstructorParameters<typeof Original>) {
			super(...args);
			made++;
		}
	} as typeof Original;
	for (let i = 0; i < 50; i++)
		for (const locale of ['nl', 'en', 'ar'] as const) m.notif_bell_count({ count: i }, { locale });
	// Rules kept before this test started are not counted; at most one per language is new.
	expect(made).toBeLessThanOrEqual(3);
});
