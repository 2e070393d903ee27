// deploy/ is what an operator copies to a server: these tests run the same checks systemd and
// Caddy would, so a typo there fails here instead of on a housing corporation's machine.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { START_FAILURE_EXIT } from '$lib/server/db/upgrade';

const root = path.resolve(import.meta.dirname, '../..');
const UNIT = path.join(root, 'deploy/burenbord.service');
const CADDYFILE = path.join(root, 'deploy/Caddyfile');
const unit = readFileSync(UNIT, 'utf8');

let dir: string;
beforeAll(() => {
	// Installs Debian's caddy when it is missing (as root), so this file runs however the unit
	// tests are started, not only through `npm test`.
	const ensured = spawnSync(process.execPath, [path.join(root, 'scripts/ensure-caddy.js')], {
		stdio: 'inherit'
	});
	if (ensured.status !== 0) throw new Error('caddy is missing: see the message above');
	dir = mkdtempSync(path.join(tmpdir(), 'burenbord-deploy-'));
}, 300_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(command: string, args: string[]) {
	// Caddy keeps its state under XDG_*: a temporary one, not the caller's home.
	const env = { ...process.env, HOME: dir, XDG_DATA_HOME: dir, XDG_CONFIG_HOME: dir };
	const r = spawnSync(command, args, { cwd: dir, env, encoding: 'utf8' });
	return { status: r.status, output: `${r.stdout}${r.stderr}` };
}

/** The value of every `Environment=NAME=value` line. */
function environment(): Record<string, string> {
	return Object.fromEntries(
		[...unit.matchAll(/^Environment=(\w+)=(.*)$/gm)].map((m) => [m[1]!, m[2]!])
	);
}

const setting = (name: string) => unit.match(new RegExp(`^${name}=(.*)$`, 'm'))?.[1];

describe('deploy/burenbord.service', () => {
	test('systemd-analyze verify accepts it without a warning', () => {
		// verify insists that ExecStart's program exists. The unit names /usr/bin/node (Debian's
		// and NodeSource's place); where node lives elsewhere, the copy names this one instead.
		const copy = path.join(dir, 'burenbord.service');
		writeFileSync(copy, unit.replaceAll('/usr/bin/node ', `${process.execPath} `));
		const { status, output } = run('/usr/bin/systemd-analyze', ['verify', copy]);
		// Unknown keys and bad values are only warnings (exit 0): none may concern this unit.
		const ours = output.split('\n').filter((line) => line.includes('burenbord.service'));
		expect(ours).toEqual([]);
		expect(status, output).toBe(0);
	});

	test('its sandbox rates "OK" in systemd-analyze security', () => {
		const copy = path.join(dir, 'burenbord.service');
		copyFileSync(UNIT, copy);
		// The threshold is on systemd's 0–100 scale: 25 is an exposure of 2.5, "OK".
		const { status, output } = run('/usr/bin/systemd-analyze', [
			'security',
			'--offline=true',
			'--threshold=25',
			copy
		]);
		expect(status, output).toBe(0);
	});

	test('a start failure the server explained is not restarted, a crash is', () => {
		expect(setting('Restart')).toBe('on-failure');
		expect(setting('RestartPreventExitStatus')).toBe(String(START_FAILURE_EXIT));
		for (const hardening of ['ProtectSystem=strict', 'ProtectHome=true', 'PrivateTmp=true'])
			expect(unit).toMatch(new RegExp(`^${hardening}$`, 'm'));
		expect(unit).toMatch(/^NoNewPrivileges=true$/m);
		expect(setting('User')).toBe('burenbord');
	});

	test('it starts node as npm start does, without building, and writes only its data', () => {
		const npmStart = (
			JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
				scripts: Record<string, string>;
			}
		).scripts.start!;
		const [, ...args] = npmStart.split(' ');
		const workingDirectory = setting('WorkingDirectory')!;
		const expected = args.map((a) => (a.startsWith('scripts/') ? `${workingDirectory}/${a}` : a));
		expect(setting('ExecStart')).toBe(['/usr/bin/node', ...expected, '--no-build'].join(' '));
		expect(readFileSync(path.join(root, 'scripts/start.js'), 'utf8')).toContain("'--no-build'");
		expect(setting('ReadWritePaths')).toBe(environment().DATA_DIR);
	});

	test("it sets adapter-node's proxy settings for one proxy on this machine", () => {
		const env = environment();
		expect(env).toMatchObject({
			ADDRESS_HEADER: 'X-Forwarded-For',
			XFF_DEPTH: '1',
			HOST: '127.0.0.1',
			PORT: expect.stringMatching(/^\d+$/),
			WORKERS: expect.stringMatching(/^\d+$/),
			DATA_DIR: expect.stringMatching(/^\//)
		});
		expect(env.ORIGIN).toMatch(/^https:\/\/[a-z0-9.-]+$/);
		// The names are the ones adapter-node reads (a misspelt one would be ignored in silence).
		const handler = readFileSync(
			path.join(root, 'node_modules/@sveltejs/adapter-node/files/handler.js'),
			'utf8'
		);
		for (const name of ['ORIGIN', 'ADDRESS_HEADER', 'XFF_DEPTH'])
			expect(handler).toContain(`env('${name}'`);
	});
});

describe('deploy/Caddyfile', () => {
	test('caddy validate accepts it (without asking for a certificate)', () => {
		const { status, output } = run('caddy', [
			'validate',
			'--config',
			CADDYFILE,
			'--adapter',
			'caddyfile'
		]);
		expect(status, output).toBe(0);
		expect(output).toContain('Valid configuration');
	});

	test('it proxies the name in ORIGIN to the app, adds HSTS and leaves compression to the app', () => {
		const { status, output } = run('caddy', [
			'adapt',
			'--config',
			CADDYFILE,
			'--adapter',
			'caddyfile'
		]);
		expect(status, output).toBe(0);
		const config = JSON.parse(output.slice(output.indexOf('{'), output.lastIndexOf('}') + 1));
		const [server] = Object.values(config.apps.http.servers) as {
			routes: { match: { host: string[] }[]; handle: { routes: { handle: Handler[] }[] }[] }[];
		}[];
		type Handler = {
			handler: string;
			upstreams?: { dial: string }[];
			response?: { set: Record<string, string[]>; deferred?: boolean };
		};
		const [site] = server!.routes;
		const env = environment();
		expect(site!.match[0]!.host).toEqual([new URL(env.ORIGIN!).hostname]);
		const handlers = site!.handle[0]!.routes.flatMap((r) => r.handle);
		expect(handlers.map((h) => h.handler)).toEqual(['headers', 'reverse_proxy']);
		expect(handlers[0]!.response).toEqual({
			set: { 'Strict-Transport-Security': ['max-age=31536000'] },
			deferred: true
		});
		expect(handlers[1]!.upstreams).toEqual([{ dial: `${env.HOST}:${env.PORT}` }]);
	});
});
