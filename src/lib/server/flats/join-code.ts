import { randomCode } from '../auth/tokens';

/**
 * Eight random characters of 29: 29^8 ≈ 5·10^11 codes per name prefix, so a thousand
 * addresses guessing at the allowed rate need centuries for one flat (docs/operations.md has
 * the sum). Codes made before had four; they keep working until a verbinder makes a new one.
 */
const RANDOM = 8;
const OLD_RANDOM = 4;
/** A prefix is 3–5 letters (else FLAT), so a new code (11+) is never as short as an old (≤ 9). */
const PREFIX = { min: 3, max: 5 };

/** A join code: a few letters of the flat's name plus eight random characters (HORST7K3QM8XP). */
export function generate(slug: string): string {
	const letters = slug
		.toUpperCase()
		.replace(/[^A-Z]/g, '')
		.slice(0, PREFIX.max);
	return (letters.length >= PREFIX.min ? letters : 'FLAT') + randomCode(RANDOM);
}

/** What people type, as stored: case, spaces and dashes do not matter. */
export function normalize(input: string): string {
	return input.toUpperCase().replace(/[^A-Z0-9]/g, '');
}

/** A code from before the longer ones: easier to guess, so the verbinders are asked to renew it. */
export function isShort(code: string): boolean {
	return code.length <= PREFIX.max + OLD_RANDOM;
}

/** As shown on the poster: HORST-7K3Q-M8XP (an older code: HORST-7K3Q). */
export function format(code: string): string {
	if (isShort(code)) return `${code.slice(0, -OLD_RANDOM)}-${code.slice(-OLD_RANDOM)}`;
	const prefix = code.slice(0, -RANDOM);
	const random = code.slice(-RANDOM);
	return `${prefix}-${random.slice(0, 4)}-${random.slice(4)}`;
}
