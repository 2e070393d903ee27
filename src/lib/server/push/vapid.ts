import webpush from 'web-push';
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { dataDir } from '../db';

/** Our identity: a push service takes only pushes signed with the key a device subscribed with. */
export type VapidKeys = { publicKey: string; privateKey: string; subject: string };

const DEFAULT_SUBJECT = 'mailto:beheer@burenbord.invalid';

let cached: VapidKeys | undefined;

/**
 * The key pair from `VAPID_PUBLIC_KEY`/`VAPID_PRIVATE_KEY`, or else the one generated on the
 * first start and kept in `<DATA_DIR>/vapid.json`. It must outlive restarts: a new pair
 * silently orphans every device that subscribed with the old public key.
 */
export function vapidKeys(): VapidKeys {
	cached ??= { ...(fromEnv() ?? fromFile()), subject: subject() };
	return cached;
}

/** What a page hands to `pushManager.subscribe` as `applicationServerKey`. */
export function publicKey(): string {
	return vapidKeys().publicKey;
}

function subject(): string {
	if (process.env.VAPID_SUBJECT) return process.env.VAPID_SUBJECT;
	// A push service that wants to reach the operator can use the site itself.
	const origin = process.env.ORIGIN;
	return origin?.startsWith('https://') ? origin : DEFAULT_SUBJECT;
}

type KeyPair = { publicKey: string; privateKey: string };

function fromEnv(): KeyPair | undefined {
	const publicKey = process.env.VAPID_PUBLIC_KEY;
	const privateKey = process.env.VAPID_PRIVATE_KEY;
	if (publicKey && privateKey) return checked({ publicKey, privateKey }, 'VAPID_* settings');
	if (publicKey || privateKey)
		console.warn(
			'push: only one of VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY is set; using vapid.json'
		);
	return undefined;
}

function fromFile(): KeyPair {
	const file = path.join(dataDir(), 'vapid.json');
	try {
		return checked(JSON.parse(readFileSync(file, 'utf8')) as KeyPair, file);
	} catch (e) {
		if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
	}
	const { publicKey, privateKey } = webpush.generateVAPIDKeys();
	mkdirSync(path.dirname(file), { recursive: true });
	// Written whole under another name and renamed: a crash never leaves half a key behind.
	const temp = `${file}.${randomBytes(6).toString('hex')}.tmp`;
	try {
		writeFileSync(temp, JSON.stringify({ publicKey, privateKey }) + '\n', {
			mode: 0o600,
			flag: 'wx'
		});
		renameSync(temp, file);
	} finally {
		rmSync(temp, { force: true });
	}
	console.log(`push: generated a VAPID key pair in ${file}`);
	return { publicKey, privateKey };
}

/** A broken pair fails loudly: replacing it would cut off every subscribed device. */
function checked(keys: KeyPair, source: string): KeyPair {
	const length = (key: unknown) =>
		typeof key === 'string' && /^[A-Za-z0-9_-]+$/.test(key)
			? Buffer.from(key, 'base64url').length
			: -1;
	if (length(keys?.publicKey) !== 65 || length(keys?.privateKey) !== 32)
		throw new Error(`push: ${source} does not hold a valid VAPID key pair`);
	return { publicKey: keys.publicKey, privateKey: keys.privateKey };
}
