import unhomoglyph from 'unhomoglyph';
import { normaliseName } from '../../names';

/** A name as shown: see `normaliseName` (NFKC, nothing invisible, spaces folded, marks limited). */
export function cleanName(name: string): string {
	return normaliseName(name);
}

/** The form of a first name that login compares: cleaned, lower case. */
export function nameKey(name: string): string {
	return normaliseName(name).toLocaleLowerCase('nl');
}

/**
 * What uniqueness within a flat compares: the UTS #39 confusable skeleton of the cleaned,
 * case-folded name, so "Samira", "SAMIRA" and "Ѕаmira" (Cyrillic Ѕ and а) are one name and
 * nobody can pass as a neighbour with a look-alike. Not for showing: "m" becomes "rn".
 *
 * The table is unhomoglyph's copy of Unicode's confusables.txt (version 13.0.0 in 1.0.6);
 * the steps around it are the standard's: NFD, drop Default_Ignorable_Code_Points, map each
 * character, NFD again.
 */
export function nameSkeleton(name: string): string {
	// JavaScript has no case folding; upper then lower case folds ß to ss and ſ to s as
	// Unicode's full case folding does, where lower case alone would not.
	const folded = normaliseName(name).toUpperCase().toLowerCase();
	const bare = folded.normalize('NFD').replace(/\p{Default_Ignorable_Code_Point}/gu, '');
	return unhomoglyph(bare).normalize('NFD');
}
