import { expect, test } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { BASE_URL } from './helpers';

/**
 * `npm start` without ORIGIN (scripts/serve.js around the built app): it answers at whatever
 * address the browser used, and still refuses a form from another site, kindly.
 */
const PORT = Number(process.env.E2E_PORT ?? 4173) + 11;
let server: ChildProcess;
let dataDir: string;

type Answer = { status: number; body: string };

/** A raw request, so the Host and Origin headers are exactly what a browser would send. */
function send(
	method: string,
	headers: Record<string, string>,
	body = '',
	url = '/login'
): Promise<Answer> {
	return new Promise((resolve, reject) => {
		const req = http.request(
			{ host: '127.0.0.1', port: PORT, method, path: url, headers },
			(res) => {
				let text = '';
				res.setEncoding('utf8');
				res.on('data', (chunk: string) => (text += chunk));
				res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
			}
		);
		req.on('error', reject);
		req.end(body);
	});
}

const login = (host: string, origin: string, extra: Record<string, string> = {}) =>
	send(
		'POST',
		{
			host,
			origin,
			'content-type': 'application/x-www-form-urlencoded',
			accept: 'text/html',
			...extra
		},
		'name=Anna&password=niet-het-goede'
	);

test.beforeAll(async () => {
	dataDir = mkdtempSync(path.join(os.tmpdir(), 'burenbord-start-'));
	const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(PORT), DATA_DIR: dataDir };
	for (const name of ['ORIGIN', 'PROTOCOL_HEADER', 'HOST_HEADER', 'HOST']) delete env[name];
	server = spawn(
		process.execPath,
		[
			'--input-type=module',
			'-e',
			"const { serve } = await import('./scripts/serve.js'); await serve();"
		],
		{ env, stdio: 'pipe' }
	);
	await expect
		.poll(
			() =>
				send('GET', { host: `127.0.0.1:${PORT}` }, '', '/offline').then(
					(a) => a.status,
					() => 0
				),
			{
				timeout: 30_000
			}
		)
		.toBe(200);
});

test.afterAll(() => {
	server?.kill('SIGTERM');
	rmSync(dataDir, { recursive: true, force: true });
});

test('a form sent at 127.0.0.1, localhost or a home-network name goes through', async () => {
	for (const host of [`127.0.0.1:${PORT}`, `localhost:${PORT}`, `buurtpc.local:${PORT}`]) {
		const answer = await login(host, `http://${host}`);
		expect(answer.status, host).not.toBe(403);
		expect(answer.body, host).not.toContain('Cross-site');
	}
});

test('a form from another site is refused with a page in the reader’s language', async () => {
	const dutch = await login(`127.0.0.1:${PORT}`, 'http://evil.example');
	expect(dutch.status).toBe(403);
	expect(dutch.body).toContain('Niet verstuurd');
	expect(dutch.body).not.toContain('Cross-site');

	const arabic = await login(`127.0.0.1:${PORT}`, 'http://evil.example', {
		cookie: 'PARAGLIDE_LOCALE=ar'
	});
	expect(arabic.status).toBe(403);
	expect(arabic.body).toContain('<html lang="ar" dir="rtl">');

	// An https page at the same host and port is another site too.
	expect((await login(`127.0.0.1:${PORT}`, `https://127.0.0.1:${PORT}`)).status).toBe(403);
	// Without an Origin at all, as before.
	expect(
		(
			await send(
				'POST',
				{ host: `127.0.0.1:${PORT}`, 'content-type': 'application/x-www-form-urlencoded' },
				'name=Anna'
			)
		).status
	).toBe(403);
});

test('a public name pointed at this machine does not pass, and a Host that is not one is refused', async () => {
	// DNS rebinding: the attacker's own name, resolving to this machine, with its own Origin.
	const rebound = await login(`evil.example:${PORT}`, `http://evil.example:${PORT}`);
	expect(rebound.status).toBe(403);
	// A client's say on the protocol or host does not count.
	const claimed = await login(`127.0.0.1:${PORT}`, 'https://evil.example', {
		'x-burenbord-protocol': 'https',
		'x-burenbord-host': 'evil.example'
	});
	expect(claimed.status).toBe(403);
	expect((await send('GET', { host: 'bad host/../x' }, '', '/offline')).status).toBe(400);
});

test('the favicon is there', async ({ request }) => {
	const icon = await request.get(`${BASE_URL}/favicon.ico`);
	expect(icon.status()).toBe(200);
	// An icon file (its first bytes say so), not a page.
	expect([...(await icon.body()).subarray(0, 4)]).toEqual([0, 0, 1, 0]);
});
