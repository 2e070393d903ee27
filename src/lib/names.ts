/**
 * How a first name is written down before anything shows or compares it, the same in the form
 * (browser) and on the server. Names are how neighbours recognise each other on the board, so
 * what cannot be seen must not make two names different: a zero-width space in "Sami\u200Bra",
 * a right-to-left override that shows "arimaS" as "Samira", or a pile of accents that draws
 * over the letters next to it.
 */

// Characters that draw nothing: Unicode's Default_Ignorable_Code_Point (zero-width space and
// joiners, word joiner U+2060, U+FEFF, soft hyphen, variation selectors, Hangul fillers …) and
// the other format characters. The bidi controls are all in those sets; they are named
// anyway, as they are the ones that turn a name around.
const INVISIBLE =
	/[\p{Default_Ignorable_Code_Point}\p{Cf}\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;

const JOINER = /[\u200c\u200d]/u;

// Scripts in which a zero-width (non-)joiner changes how the letters are drawn, so it is part
// of the spelling: the cursive ones (Persian writes "می‌خواهم" with a ZWNJ) and the Indic ones
// (a visible virama instead of a conjunct). Between other letters it only hides.
const JOINING =
	/[\p{sc=Arabic}\p{sc=Syriac}\p{sc=Nko}\p{sc=Mongolian}\p{sc=Devanagari}\p{sc=Bengali}\p{sc=Gurmukhi}\p{sc=Gujarati}\p{sc=Oriya}\p{sc=Tamil}\p{sc=Telugu}\p{sc=Kannada}\p{sc=Malayalam}\p{sc=Sinhala}]/u;

const MARK = /\p{M}/u;
// The braille blank draws nothing either, without being a space to Unicode.
const SPACE = /[\s\u2800]/u;
const SPACES = /[\s\u2800]+/gu;
const NONSPACING = /[\p{Mn}\p{Me}]/u;

/**
 * Nonspacing marks drawn on one letter. Arabic needs two (shadda and a vowel: "مُحَمَّد"),
 * Vietnamese two (ệ), pointed Hebrew and some Devanagari and Tibetan syllables three; more is
 * only ever "Zalgo" text spilling over the neighbouring lines. Spacing marks (Indic vowel
 * signs) sit beside the letter and are not counted.
 */
export const MAX_MARKS = 3;

/** The nearest letter before (step -1) or after (step 1) position i, skipping marks. */
function letterBeside(chars: string[], i: number, step: 1 | -1): string {
	for (let j = i + step; j >= 0 && j < chars.length; j += step)
		if (!MARK.test(chars[j]!) && !INVISIBLE.test(chars[j]!)) return chars[j]!;
	return '';
}

/** Drops what draws nothing, keeping one (non-)joiner between letters whose script needs it. */
function dropInvisible(name: string): string {
	const chars = [...name];
	let out = '';
	// A joiner was kept since the last letter: a second one would only hide.
	let joined = false;
	chars.forEach((c, i) => {
		if (!INVISIBLE.test(c)) {
			out += c;
			if (!MARK.test(c)) joined = false;
		} else if (
			JOINER.test(c) &&
			!joined &&
			JOINING.test(letterBeside(chars, i, -1)) &&
			JOINING.test(letterBeside(chars, i, 1))
		) {
			out += c;
			joined = true;
		}
	});
	return out;
}

/**
 * Keeps at most MAX_MARKS nonspacing marks on a letter, and each mark once: a second acute
 * accent on the same letter looks like the first. A mark with no letter under it (at the
 * start, after a space) goes too. Works on the decomposed name, so é counts its accent.
 */
function limitMarks(name: string): string {
	let out = '';
	let marks: string[] = [];
	let onLetter = false;
	for (const c of name.normalize('NFD')) {
		if (!MARK.test(c)) {
			out += c;
			marks = [];
			onLetter = !SPACE.test(c) && !JOINER.test(c);
			continue;
		}
		if (!onLetter || marks.includes(c)) continue;
		if (NONSPACING.test(c) && marks.filter((x) => NONSPACING.test(x)).length >= MAX_MARKS) continue;
		marks.push(c);
		out += c;
	}
	return out;
}

/**
 * A name as it is shown and stored: NFKC (full-width "Ｓａｍｉｒａ" and ligatures become plain
 * letters), invisible characters and bidi controls removed, spaces folded and trimmed, marks
 * limited. Safe to run twice. Control characters other than tabs and line breaks (spaces
 * here) stay, so a form can refuse them.
 */
export function normaliseName(name: string): string {
	return limitMarks(dropInvisible(name.normalize('NFKC')))
		.normalize('NFKC')
		.replace(SPACES, ' ')
		.trim();
}
