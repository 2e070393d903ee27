import { sha256 } from '@oslojs/crypto/sha2';
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from '@oslojs/encoding';

/** A random token with 160 bits of entropy, as Lucia's guide makes session tokens. */
export function randomToken(): string {
	const bytes = new Uint8Array(20);
	crypto.getRandomValues(bytes);
	return encodeBase32LowerCaseNoPadding(bytes);
}

/** What we store instead of a token or code: its SHA-256, hex. */
export function hashToken(token: string): string {
	return encodeHexLowerCase(sha256(new TextEncoder().encode(token)));
}

/**
 * Characters people can read aloud and type without mixing them up: no 0/O, 1/I/L, U/V.
 */
export const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTWXYZ';

/** A random string over CODE_ALPHABET, without modulo bias. */
export function randomCode(length: number): string {
	let out = '';
	const bytes = new Uint8Array(1);
	while (out.length < length) {
		crypto.getRandomValues(bytes);
		const b = bytes[0]!;
		// 29 letters: accept bytes below 29 * 8 = 232 so every letter is equally likely.
		if (b < 232) out += CODE_ALPHABET[b % CODE_ALPHABET.length];
	}
	return out;
}
