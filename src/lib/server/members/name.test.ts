import fc from 'fast-check';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { MAX_MARKS, normaliseName } from '$lib/names';
import { m } from '$lib/paraglide/messages';
import { firstName } from '$lib/schemas';
import { cleanName, nameKey, nameSkeleton } from './name';

const codePoints = (s: string) => [...s].map((c) => c.codePointAt(0)!.toString(16));

describe('cleaning a name', () => {
	it('keeps ordinary names as they are typed, spaces folded', () => {
		expect(cleanName('  Samira ')).toBe('Samira');
		expect(cleanName('Jan  Willem')).toBe('Jan Willem');
		expect(cleanName('Anaïs')).toBe('Anaïs');
		expect(cleanName('Zoë')).toBe('Zoë');
		expect(cleanName('Ngọc Ánh')).toBe('Ngọc Ánh');
	});

	it('keeps Arabic vowel marks, shadda and vowel on one letter included', () => {
		expect(cleanName('مُحَمَّد')).toBe('مُحَمَّد');
		expect(cleanName('سميرة')).toBe('سميرة');
	});

	it('composes accents typed as separate marks (NFKC)', () => {
		expect(cleanName('Zoe\u0308')).toBe('Zoë');
		expect(cleanName('Ana\u0069\u0308s')).toBe('Anaïs');
	});

	it('turns full-width letters and ligatures into plain ones', () => {
		expect(cleanName('Ｓａｍｉｒａ')).toBe('Samira');
		expect(cleanName('ﬁlip')).toBe('filip');
	});

	it('removes invisible characters', () => {
		for (const hidden of ['\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u00ad', '\u180e'])
			expect(cleanName(`Sami${hidden}ra`), codePoints(hidden).join()).toBe('Samira');
		expect(cleanName('Samira\u2800')).toBe('Samira');
		expect(cleanName('\u3164Samira')).toBe('Samira');
	});

	it('removes bidi controls, the right-to-left override among them', () => {
		// U+202E shows "arimaS" as "Samira".
		expect(cleanName('\u202earimaS')).toBe('arimaS');
		for (const control of ['\u200e', '\u200f', '\u202a', '\u202b', '\u202c', '\u202d'])
			expect(cleanName(`Sam${control}ira`)).toBe('Samira');
		for (const control of ['\u2066', '\u2067', '\u2068', '\u2069', '\u061c'])
			expect(cleanName(`${control}سميرة`)).toBe('سميرة');
	});

	it('keeps a zero-width non-joiner where the script draws it (Persian)', () => {
		expect(cleanName('مهر\u200cناز')).toBe('مهر\u200cناز');
		expect(cleanName('مهر\u200c\u200c\u200bناز')).toBe('مهر\u200cناز');
		expect(cleanName('Sam\u200cira')).toBe('Samira');
	});

	it('limits stacked marks and drops a mark repeated on one letter', () => {
		const zalgo = 'Sa\u0301\u0302\u0303\u0304\u0306\u0307mira';
		const kept = normaliseName(zalgo).normalize('NFD');
		expect(codePoints(kept).filter((c) => /^3[0-6]/.test(c))).toHaveLength(MAX_MARKS);
		expect(cleanName('Sami\u0301\u0301ra')).toBe(cleanName('Sami\u0301ra'));
		expect(cleanName('\u0301Samira')).toBe('Samira');
		expect(cleanName('Sam \u0308ira')).toBe('Sam ira');
	});

	it('leaves nothing of a name made only of invisible things', () => {
		expect(cleanName('\u200b\u202e\u2060 ')).toBe('');
		expect(cleanName('\u0301\u0302')).toBe('');
	});

	it('is the same when run twice', () => {
		fc.assert(
			fc.property(fc.string({ unit: 'grapheme', maxLength: 20 }), (s) => {
				const once = normaliseName(s);
				expect(normaliseName(once)).toBe(once);
			})
		);
		fc.assert(
			fc.property(fc.string({ unit: 'binary', maxLength: 20 }), (s) => {
				const once = normaliseName(s);
				expect(normaliseName(once)).toBe(once);
				expect(nameSkeleton(once)).toBe(nameSkeleton(s));
			})
		);
		// The awkward pieces together: joiners next to marks, marks after spaces, expanding NFKC.
		const pieces = [...'amسهक\u094d\u093f\u0902\u093c\u0301\u0308\u064e\u0651'];
		pieces.push(...'\u200c\u200d\u200b \u2800\u00a8\u202e\u0345\ufdfa\t'.split(''));
		fc.assert(
			fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 12 }), (a) => {
				const once = normaliseName(a.join(''));
				expect(normaliseName(once)).toBe(once);
			}),
			{ numRuns: 1000 }
		);
	});
});

describe('the login key', () => {
	it('is the cleaned name in lower case, as before for ordinary names', () => {
		const before = (name: string) =>
			name.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('nl');
		for (const name of ['Samira', ' Jan  Willem ', 'Anaïs', 'Zoë', 'مُحَمَّد', 'IJsbrand', 'Ömer'])
			expect(nameKey(name)).toBe(before(name));
	});

	it('matches what someone types in another case or with a stray space', () => {
		expect(nameKey('ANAÏS')).toBe(nameKey('Anaïs'));
		expect(nameKey('Anaïs ')).toBe(nameKey('Anaïs'));
		expect(nameKey('Sami\u200bra')).toBe(nameKey('samira'));
	});
});

describe('the confusable skeleton', () => {
	const samira = nameSkeleton('Samira');

	it('is one for names that look the same', () => {
		for (const lookalike of [
			'SAMIRA',
			'samira',
			'Sami\u200bra',
			'\u0405\u0430mira', // Cyrillic Ѕ and а
			'Sam\u0456ra', // Cyrillic і
			'Ｓａｍｉｒａ',
			'Samira\u202c',
			'\u202aSamira'
		])
			expect(nameSkeleton(lookalike), codePoints(lookalike).join(' ')).toBe(samira);
		expect(nameSkeleton('Sarnira')).toBe(samira);
		expect(nameSkeleton('Straße')).toBe(nameSkeleton('STRASSE'));
	});

	it('tells different names apart', () => {
		expect(nameSkeleton('Samir')).not.toBe(samira);
		expect(nameSkeleton('Samara')).not.toBe(samira);
		expect(nameSkeleton('Sámira')).not.toBe(samira);
		expect(nameSkeleton('Zoë')).not.toBe(nameSkeleton('Zoe'));
		expect(nameSkeleton('مُحَمَّد')).not.toBe(nameSkeleton('محمد'));
	});

	it('keeps Arabic and Dutch names with their marks as one name each', () => {
		expect(nameSkeleton('مُحَمَّد')).toBe(nameSkeleton(' مُحَمَّد'));
		expect(nameSkeleton('ANAÏS')).toBe(nameSkeleton('Anaïs'));
		expect(nameSkeleton('Ana\u0069\u0308s')).toBe(nameSkeleton('Anaïs'));
	});
});

describe('the first-name field', () => {
	const parse = (name: string) => {
		const result = v.safeParse(firstName, name);
		return result.success ? result.output : result.issues[0].message;
	};

	it('cleans the name the way the server stores it', () => {
		expect(parse(' Sami\u200bra\u202e ')).toBe('Samira');
		expect(parse('Ｓａｍｉｒａ')).toBe('Samira');
		expect(parse('مُحَمَّد')).toBe('مُحَمَّد');
	});

	it('refuses a name that is empty or has no letter once cleaned', () => {
		expect(parse('\u200b\u2060')).toBe(m.err_name_required());
		expect(parse('\u0301')).toBe(m.err_name_required());
		expect(parse('12\u200b3')).toBe(m.err_name_chars());
		expect(parse('Sa\u0000mira')).toBe(m.err_name_chars());
	});

	it('counts the length after cleaning too', () => {
		expect(parse('\ufdfa\ufdfa\ufdfa')).toBe(m.err_too_long({ max: 40 }));
	});
});
