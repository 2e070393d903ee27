import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import webpush from 'web-push';

// Keys of the test's own: the app's vapid.json never comes into it.
const VAPID = webpush.generateVAPIDKeys();
const useTestKeys = () => {
	vi.stubEnv('VAPID_PUBLIC_KEY', VAPID.publicKey);
	vi.stubEnv('VAPID_PRIVATE_KEY', VAPID.privateKey);
	vi.stubEnv('PUSH_ALLOW_PRIVATE_ADDRESSES', '1');
};
beforeAll(useTestKeys);

describe('VAPID keys', () => {
	let dir: string;
	afterEach(() => {
		vi.resetModules();
		vi.unstubAllEnvs();
		useTestKeys();
		rmSync(dir, { recursive: true, force: true });
	});

	const fresh = async (env: Record<string, string | undefined>) => {
		vi.resetModules();
		for (const [name, value] of Object.entries(env)) vi.stubEnv(name, value);
		return import('./vapid');
	};

	it('generates a pair once, keeps it private on disk and reads it back on the next start', async () => {
		dir = mkdtempSync(path.join(tmpdir(), 'burenbord-vapid-'));
		const env = { DATA_DIR: dir, VAPID_PUBLIC_KEY: undefined, VAPID_PRIVATE_KEY: undefined };
		const first = (await fresh({ ...env, ORIGIN: 'http://127.0.0.1:4173' })).vapidKeys();

		expect(first.subject).toBe('mailto:beheer@burenbord.invalid');
		expect(readdirSync(dir)).toEqual(['vapid.json']);
		const file = path.join(dir, 'vapid.json');
		expect(statSync(file).mode & 0o777).toBe(0o600);
		expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({
			publicKey: first.publicKey,
			privateKey: first.privateKey
		});

		const next = await fresh({ ...env, ORIGIN: 'https://buren.example' });
		expect(next.vapidKeys()).toEqual({ ...first, subject: 'https://buren.example' });
		expect(next.publicKey()).toBe(first.publicKey);
	});

	it('takes the pair from the environment when both halves are set', async () => {
		dir = mkdtempSync(path.join(tmpdir(), 'burenbord-vapid-'));
		const keys = webpush.generateVAPIDKeys();
		const vapid = await fresh({
			DATA_DIR: dir,
			VAPID_PUBLIC_KEY: keys.publicKey,
			VAPID_PRIVATE_KEY: keys.privateKey,
			VAPID_SUBJECT: 'mailto:flat@example.org'
		});
		expect(vapid.vapidKeys()).toEqual({ ...keys, subject: 'mailto:flat@example.org' });
		expect(readdirSync(dir)).toEqual([]);
	});

	it('refuses a damaged key file rather than replace it', async () => {
		dir = mkdtempSync(path.join(tmpdir(), 'burenbord-vapid-'));
		writeFileSync(path.join(dir, 'vapid.json'), '{"publicKey":"abc","privateKey":"def"}');
		const vapid = await fresh({
			DATA_DIR: dir,
			VAPID_PUBLIC_KEY: undefined,
			VAPID_PRIVATE_KEY: undefined
		});
		expect(() => vapid.vapidKeys()).toThrow(/valid VAPID key pair/);
	});
});
