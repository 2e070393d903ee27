import { expect, test } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';

/**
 * `npm start` with WORKERS=2: two server processes on one port over one database. Which
 * process answered is read from the operating system (the answering socket in /proc), so the
 * server says nothing about itself; each request goes over a new connection, which the
 * primary hands to the workers in turn.
 */
const PORT = Number(process.env.E2E_PORT ?? 4173) + 12;
const ORIGIN = `http://127.0.0.1:${PORT}`;
const PASSWORD = 'een fijne buur';
let server: ChildProcess;
let dataDir: string;
let log = '';

// Which process answered is read from /proc (socket inode → worker pid): Linux only. CI and the
// servers this is made for are Linux, so the spec runs there; elsewhere it has nothing to read.
test.skip(process.platform !== 'linux', 'reads the answering process from /proc');
test.describe.configure({ mode: 'serial' });

type Answer = { status: number; body: string; cookie?: string; location?: string; pid: number };

/** The inode of the server's side of the connection from this client port, in /proc/net. */
function serverSocket(clientPort: number): string | undefined {
	const hex = (n: number) => n.toString(16).toUpperCase().padStart(4, '0');
	for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
		for (const line of readFileSync(table, 'utf8').split('\n').slice(1)) {
			const f = line.trim().split(/\s+/);
			if (f[1]?.endsWith(`:${hex(PORT)}`) && f[2]?.endsWith(`:${hex(clientPort)}`)) return f[9];
		}
	}
	return undefined;
}

/** The server processes, as the primary names them when it starts them. */
const workers = () => [...log.matchAll(/server process (\d+) started/g)].map((m) => Number(m[1]));

/** Which worker holds the socket with this inode. */
function owner(inode: string): number {
	for (const pid of workers()) {
		let fds: string[];
		try {
			fds = readdirSync(`/proc/${pid}/fd`);
		} catch {
			continue;
		}
		for (const fd of fds) {
			try {
				if (readlinkSync(`/proc/${pid}/fd/${fd}`) === `socket:[${inode}]`) return pid;
			} catch {
				// Closed while looking.
			}
		}
	}
	return 0;
}

/** One request over a new connection, and the process that answered it. */
function send(
	method: string,
	url: string,
	{ form, cookie }: { form?: Record<string, string>; cookie?: string } = {}
): Promise<Answer> {
	const body = form ? new URLSearchParams(form).toString() : '';
	// Kept open until the answer is read, so its socket can still be found in the worker.
	const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
	return new Promise<Answer>((resolve, reject) => {
		const req = http.request(
			{
				host: '127.0.0.1',
				port: PORT,
				method,
				path: url,
				agent,
				headers: {
					host: `127.0.0.1:${PORT}`,
					accept: 'text/html',
					...(form ? { origin: ORIGIN, 'content-type': 'application/x-www-form-urlencoded' } : {}),
					...(cookie ? { cookie } : {})
				}
			},
			(res) => {
				const clientPort = res.socket.localPort!;
				let text = '';
				res.setEncoding('utf8');
				res.on('data', (chunk: string) => (text += chunk));
				res.on('end', () => {
					const inode = serverSocket(clientPort);
					resolve({
						status: res.statusCode ?? 0,
						body: text,
						cookie: res.headers['set-cookie']?.map((c) => c.split(';')[0]).join('; '),
						location: res.headers.location,
						pid: inode ? owner(inode) : 0
					});
				});
			}
		);
		req.on('error', reject);
		req.end(body);
	}).finally(() => agent.destroy());
}

test.beforeAll(async () => {
	dataDir = mkdtempSync(path.join(os.tmpdir(), 'burenbord-workers-'));
	const env: NodeJS.ProcessEnv = {
		...process.env,
		PORT: String(PORT),
		HOST: '127.0.0.1',
		DATA_DIR: dataDir,
		WORKERS: '2'
	};
	for (const name of ['ORIGIN', 'PROTOCOL_HEADER', 'HOST_HEADER', 'IP_LIMIT_SCALE'])
		delete env[name];
	server = spawn(process.execPath, ['scripts/start.js', '--no-build'], { env, stdio: 'pipe' });
	server.stdout!.on('data', (chunk: Buffer) => (log += chunk.toString()));
	server.stderr!.on('data', (chunk: Buffer) => (log += chunk.toString()));
	// Both listen: the second starts once the first (the leader) has migrated and listens.
	await expect.poll(() => (log.match(/Listening on/g) ?? []).length, { timeout: 30_000 }).toBe(2);
});

test.afterAll(async () => {
	if (server.exitCode === null) {
		const exited = new Promise((resolve) => server.once('exit', resolve));
		server.kill('SIGTERM');
		await exited;
	}
	rmSync(dataDir, { recursive: true, force: true });
});

/** The pids that answered, each once. */
const distinct = (answers: Answer[]) => [...new Set(answers.map((a) => a.pid))].sort();

let verbinder = '';
const slug = 'de-werf';

test('two server processes answer, each request over a new connection', async () => {
	expect(workers()).toHaveLength(2);
	const answers: Answer[] = [];
	for (let i = 0; i < 6; i++) answers.push(await send('GET', '/offline'));
	expect(answers.map((a) => a.status)).toEqual(Array(6).fill(200));
	expect(distinct(answers)).toEqual([...workers()].sort());

	// A flat and its verbinder, made as people make them (setup, then a login code).
	const setup = await send('POST', '/setup', {
		form: {
			adminName: 'Anna',
			password: 'beheer-wachtwoord',
			name: 'De Werf',
			slug,
			timeZone: 'Europe/Amsterdam',
			joinMode: 'open'
		}
	});
	expect(setup.status, setup.body.slice(0, 300)).toBe(303);
	const admin = setup.cookie!;
	const page = (await send('GET', '/admin', { cookie: admin })).body;
	const flatId = page.match(/<option value="(\d+)"[^>]*>De Werf<\/option>/)?.[1];
	expect(flatId).toBeTruthy();
	const handed = await send('POST', '/admin?/verbinder', {
		cookie: admin,
		form: { flatId: flatId!, name: 'Bram' }
	});
	const code = handed.body.match(/data-testid="login-code"[^>]*>([^<]+)</)?.[1]?.trim();
	expect(code).toBeTruthy();
	const redeemed = await send('POST', '/code?/redeem', {
		form: { code: code!, password: PASSWORD }
	});
	expect(redeemed.status).toBe(303);
	verbinder = redeemed.cookie!;
});

test('a login limit of 8 holds in total, however the connections land', async () => {
	const tries: Answer[] = [];
	for (let i = 0; i < 9; i++)
		tries.push(
			await send('POST', '/login', { form: { flat: slug, name: 'Bram', password: `fout-${i}` } })
		);
	expect(tries.map((t) => t.status)).toEqual([...Array(8).fill(400), 429]);
	// Both processes counted some of the eight.
	expect(distinct(tries.slice(0, 8))).toHaveLength(2);
	// And the right password is refused too while the limit holds, in either process.
	const right = [
		await send('POST', '/login', { form: { flat: slug, name: 'Bram', password: PASSWORD } }),
		await send('POST', '/login', { form: { flat: slug, name: 'Bram', password: PASSWORD } })
	];
	expect(right.map((t) => t.status)).toEqual([429, 429]);
	expect(distinct(right)).toHaveLength(2);
});

test('a calendar change made in one process shows on every board after it', async () => {
	const board = () => send('GET', `/f/${slug}`, { cookie: verbinder });
	// Both processes work out (and keep) the flat's week before the change.
	const before: Answer[] = [];
	for (let i = 0; i < 4; i++) before.push(await board());
	expect(before.map((b) => b.status)).toEqual([200, 200, 200, 200]);
	expect(distinct(before)).toHaveLength(2);
	for (const b of before) expect(b.body).not.toContain('Koffie op de Werf');

	const tomorrow = new Date(Date.now() + 24 * 60 * 60 * 1000).toLocaleDateString('sv-SE', {
		timeZone: 'Europe/Amsterdam'
	});
	const made = await send('POST', `/f/${slug}/calendar/new`, {
		cookie: verbinder,
		form: {
			title: 'Koffie op de Werf',
			place: 'Buurtkamer',
			startDate: tomorrow,
			startTime: '10:00',
			endTime: '11:00',
			recurrence: 'none'
		}
	});
	expect(made.status, made.body.slice(0, 300)).toBe(303);

	const after: Answer[] = [];
	for (let i = 0; i < 4; i++) after.push(await board());
	expect(distinct(after)).toHaveLength(2);
	for (const a of after) expect(a.body).toContain('Koffie op de Werf');
});

test('a write limit holds in total: twenty posts an hour, however the connections land', async () => {
	// The activity above was one write against the same limit (posts and activities share it).
	const posted: Answer[] = [];
	for (let i = 0; i < 20; i++)
		posted.push(
			await send('POST', `/f/${slug}/help/new`, {
				cookie: verbinder,
				form: {
					type: 'request',
					category: 'errands',
					title: `Boodschap ${i}`,
					description: '',
					when: 'flexible',
					startDate: '',
					endDate: '',
					onBehalfOf: '',
					confirmed: 'on'
				}
			})
		);
	expect(posted.map((p) => p.status)).toEqual([...Array(19).fill(303), 429]);
	expect(distinct(posted.slice(0, 19))).toHaveLength(2);
});
