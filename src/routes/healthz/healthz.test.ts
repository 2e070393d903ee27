import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

let dir: string;
const dataDir = process.env.DATA_DIR;
beforeEach(() => {
	dir = mkdtempSync(path.join(tmpdir(), 'burenbord-healthz-'));
	// Each test gets its own getDb(), opened on first use.
	vi.resetModules();
});
afterEach(() => {
	if (dataDir === undefined) delete process.env.DATA_DIR;
	else process.env.DATA_DIR = dataDir;
	rmSync(dir, { recursive: true, force: true });
});

async function ask() {
	const { GET } = await import('./+server');
	const response = await GET({} as Parameters<typeof GET>[0]);
	return {
		status: response.status,
		body: await response.text(),
		cache: response.headers.get('cache-control')
	};
}

describe('/healthz', () => {
	it('answers ok while the database answers, and 503 once it is closed', async () => {
		process.env.DATA_DIR = dir;
		expect(await ask()).toEqual({ status: 200, body: 'ok', cache: 'no-store' });
		const { getDb } = await import('$lib/server/db');
		getDb().$client.close();
		expect(await ask()).toEqual({ status: 503, body: 'unavailable', cache: 'no-store' });
	});

	it('answers 503 when the database cannot be opened', async () => {
		writeFileSync(path.join(dir, 'plain'), '');
		process.env.DATA_DIR = path.join(dir, 'plain', 'data');
		expect(await ask()).toEqual({ status: 503, body: 'unavailable', cache: 'no-store' });
	});
});
