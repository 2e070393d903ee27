import { hash, verify } from '@node-rs/argon2';

// OWASP's argon2id baseline: 19 MiB, 2 passes, 1 lane.
const options = { memoryCost: 19456, timeCost: 2, outputLen: 32, parallelism: 1 };

/** Hashes a password with argon2id (the library's default algorithm). */
export function hashPassword(password: string): Promise<string> {
	return hash(password, options);
}

/** True when the password matches the stored hash; a malformed hash counts as no match. */
export async function verifyPassword(stored: string, password: string): Promise<boolean> {
	try {
		return await verify(stored, password);
	} catch {
		return false;
	}
}

// A hash to verify against when the account does not exist, so timing does not tell.
let dummy: Promise<string> | undefined;
export function dummyHash(): Promise<string> {
	dummy ??= hashPassword('not-a-real-password');
	return dummy;
}

/**
 * Checks a login attempt against an account that may not exist or have no password yet;
 * takes as long either way, so the answer does not tell which names exist.
 */
export async function checkLogin(
	account: { passwordHash: string | null } | undefined,
	password: string
): Promise<boolean> {
	if (!account?.passwordHash) {
		await verifyPassword(await dummyHash(), password);
		return false;
	}
	return verifyPassword(account.passwordHash, password);
}
