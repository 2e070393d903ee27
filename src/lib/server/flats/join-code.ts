import { CODE_ALPHABET, randomCode } from '../auth/tokens';

const SUFFIX = 4;

/** A join code: a few letters of the flat's name plus four random characters (HORST7K3Q). */
export function generate(slug: string): string {
	const prefix = slug
		.toUpperCase()
		.replace(/[^A-Z]/g, '')
		.slice(0, 5);
	return (prefix || 'FLAT') + randomCode(SUFFIX);
}

/** What people type, as stored: case, spaces and dashes do not matter. */
export function normalize(input: string): string {
	return input.toUpperCase().replace(/[^A-Z0-9]/g, '');
}

/** As shown on the poster: HORST-7K3Q. */
export function format(code: string): string {
	return `${code.slice(0, -SUFFIX)}-${code.slice(-SUFFIX)}`;
}

/** True when every random character is one a person can read without doubt. */
export function hasValidSuffix(code: string): boolean {
	return code.length > SUFFIX && [...code.slice(-SUFFIX)].every((c) => CODE_ALPHABET.includes(c));
}
