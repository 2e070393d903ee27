// What the benchmarks share: where the bench database lives, starting the built server on
// it, logging in as the bench member, and writing results into docs/benchmarks.md.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import {
	cpSync,
	createWriteStream,
	existsSync,
	mkdirSync,
	readFileSync,
	rmSync,
	writeFileSync
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as prettier from 'prettier';

/** Every bench account has this password (one argon2 hash, made once by the seed). */
export const BENCH_PASSWORD = 'buren-bench-2026';
/** Not 4173: the end-to-end tests use that one and may run at the same time. */
export const PORT = 4317;
export const ORIGIN = `http://127.0.0.1:${PORT}`;

const root = path.resolve(import.meta.dirname, '..');
const DOC = path.join(root, 'docs', 'benchmarks.md');

export function benchDir(): string {
	return path.resolve(process.env.BENCH_DATA_DIR ?? path.join(root, '.bench-data'));
}

export type BenchInfo = {
	scale: number;
	seed: number;
	now: string;
	seconds: number;
	/** What the seed made, and what the app's retention policy kept of it. */
	counts: Record<string, number>;
	kept: Record<string, number>;
	slug: string;
	flatId: number;
	member: { id: number; name: string; password: string };
	postId: number;
	feedToken: string;
};

export function readBench(): BenchInfo {
	const file = path.join(benchDir(), 'bench.json');
	if (!existsSync(file)) throw new Error(`no ${file}: run \`npm run bench:seed\` first`);
	return JSON.parse(readFileSync(file, 'utf8')) as BenchInfo;
}

/** `npx vite build`, only when there is no build yet: a rebuild is the caller's choice. */
export function ensureBuild(): void {
	if (existsSync(path.join(root, 'build', 'index.js'))) return;
	console.log('No build/ yet: building…');
	const vite = path.join(root, 'node_modules', 'vite', 'bin', 'vite.js');
	const done = spawnSync(process.execPath, [vite, 'build'], { cwd: root, stdio: 'inherit' });
	if (done.status !== 0) throw new Error('vite build failed');
}

let copied = false;

/**
 * A copy of build/ for this bench run: the server loads pages lazily, and a \`vite build\`
 * someone starts meanwhile (the end-to-end tests build) would pull files from under it.
 * Packages still resolve from the project's node_modules, one folder up.
 */
function snapshot(): string {
	const copy = path.join(benchDir(), 'build');
	if (!copied) {
		rmSync(copy, { recursive: true, force: true });
		cpSync(path.join(root, 'build'), copy, { recursive: true });
		copied = true;
	}
	return copy;
}

export type Server = {
	process: ChildProcess;
	pid: number;
	/** From spawn to the first answer: migrations and the server's clock run before it listens. */
	readySeconds: number;
	stop(): Promise<void>;
};

/**
 * The built app on the bench database, on 127.0.0.1 only. Per-address limits are lifted
 * (every request of a load test comes from one address); per-account limits stay as they are.
 */
export async function startServer(nodeArgs: string[] = []): Promise<Server> {
	const child = spawn(process.execPath, [...nodeArgs, snapshot()], {
		cwd: root,
		env: {
			...process.env,
			PORT: String(PORT),
			HOST: '127.0.0.1',
			ORIGIN,
			DATA_DIR: benchDir(),
			IP_LIMIT_SCALE: '100000',
			NODE_ENV: 'production'
		},
		stdio: ['ignore', 'pipe', 'pipe']
	});
	const log: string[] = [];
	// The server's own log, for when a page answers 500 under load.
	const file = createWriteStream(path.join(benchDir(), 'server.log'), { flags: 'a' });
	for (const stream of [child.stdout!, child.stderr!])
		stream.on('data', (d: Buffer) => {
			log.push(d.toString());
			file.write(d);
		});
	const started = Date.now();
	const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
	const deadline = Date.now() + 300_000;
	for (;;) {
		if (child.exitCode !== null) throw new Error(`the server stopped:\n${log.join('')}`);
		try {
			const res = await fetch(`${ORIGIN}/login`);
			if (res.ok) break;
		} catch {
			// Not listening yet: the server migrates and runs its clock before it listens.
		}
		if (Date.now() > deadline) {
			child.kill('SIGKILL');
			throw new Error(`the server did not answer:\n${log.join('')}`);
		}
		await new Promise((r) => setTimeout(r, 250));
	}
	const readySeconds = (Date.now() - started) / 1000;
	const settled = await settle(child.pid!);
	console.log(
		`server ready after ${readySeconds.toFixed(1)} s, its start-up work done after ${settled.toFixed(1)} s more`
	);
	return {
		process: child,
		pid: child.pid!,
		readySeconds,
		async stop() {
			if (child.exitCode !== null) return;
			child.kill('SIGTERM');
			const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
			await exited;
			clearTimeout(timer);
			file.end();
		}
	};
}

/** CPU seconds a process has used so far (Linux: utime + stime, in clock ticks of 1/100 s). */
function cpuSeconds(pid: number): number {
	const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
	return (Number(fields[11]) + Number(fields[12])) / 100;
}

/**
 * Waits until the server stops working on its own: its clock runs once right after it starts
 * listening, and a load test should not share the cores with it. Returns the seconds waited.
 */
async function settle(pid: number, limit = 300): Promise<number> {
	const started = Date.now();
	let before = cpuSeconds(pid);
	for (let quiet = 0; quiet < 2 && Date.now() - started < limit * 1000;) {
		await new Promise((r) => setTimeout(r, 1000));
		const now = cpuSeconds(pid);
		quiet = now - before < 0.05 ? quiet + 1 : 0;
		before = now;
	}
	return (Date.now() - started) / 1000;
}

/** Logs in through the real form (with an Origin, as a browser sends) and returns the cookie. */
export async function login(info: BenchInfo): Promise<string> {
	const res = await fetch(`${ORIGIN}/login`, {
		method: 'POST',
		redirect: 'manual',
		headers: {
			origin: ORIGIN,
			'content-type': 'application/x-www-form-urlencoded',
			accept: 'text/html'
		},
		body: new URLSearchParams({
			flat: info.slug,
			name: info.member.name,
			password: info.member.password
		})
	});
	const session = res.headers
		.getSetCookie()
		.map((c) => c.split(';')[0]!)
		.find((c) => c.startsWith('session='));
	if (res.status !== 303 || !session) throw new Error(`login failed: ${res.status}`);
	return session;
}

/** Resident set size of a process now, in MB (Linux). */
export function rssMb(pid: number): number {
	try {
		const status = readFileSync(`/proc/${pid}/status`, 'utf8');
		const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
		return Math.round(kb / 1024);
	} catch {
		return 0;
	}
}

/**
 * CPU time a process has used so far, in ms (user + system, from /proc): divided by the
 * requests served, it says what a page costs even when other work shares the cores.
 */
export function cpuMs(pid: number): number {
	try {
		const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
		// utime and stime are fields 14 and 15 of stat(5); here counted from field 3.
		return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
	} catch {
		return 0;
	}
}

/** The machine the numbers were measured on, for the reader to judge them by. */
export function machine(info?: BenchInfo): string {
	const cpu = os.cpus()[0]?.model.trim() ?? 'unknown';
	const lines = [
		`- Measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC on ${cpu}, ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}.`
	];
	if (info)
		lines.push(
			`- Database: \`npm run bench:seed\` at scale ${info.scale}, made in ${Math.round(info.seconds)} s: ${Object.entries(
				info.counts
			)
				.map(([k, v]) => `${v.toLocaleString('en')} ${k}`)
				.join(
					', '
				)} over three years; after the app's retention policy (privacy.retention, as a live server runs it daily) ${Object.entries(
				info.kept
			)
				.map(([k, v]) => `${v.toLocaleString('en')} ${k}`)
				.join(', ')}.`
		);
	return lines.join('\n');
}

const SECTIONS = ['server', 'profile', 'first-visit', 'push', 'lighthouse'] as const;
export type Section = (typeof SECTIONS)[number];

const marker = (name: string, end = false) => `<!-- bench:${name}:${end ? 'end' : 'start'} -->`;

/**
 * Replaces one section of docs/benchmarks.md, so a rerun replaces its own numbers only. The
 * file is written as Prettier would, since \`npm run lint\` checks it.
 */
export async function writeSection(name: Section, markdown: string): Promise<void> {
	mkdirSync(path.dirname(DOC), { recursive: true });
	let doc = existsSync(DOC) ? readFileSync(DOC, 'utf8') : '';
	for (const s of SECTIONS)
		if (!doc.includes(marker(s)))
			doc += `\n${marker(s)}\n_Not measured yet._\n${marker(s, true)}\n`;
	const start = doc.indexOf(marker(name));
	const end = doc.indexOf(marker(name, true));
	doc = `${doc.slice(0, start + marker(name).length)}\n${markdown.trim()}\n${doc.slice(end)}`;
	const options = (await prettier.resolveConfig(DOC)) ?? {};
	writeFileSync(DOC, await prettier.format(doc, { ...options, filepath: DOC }));
	console.log(`docs/benchmarks.md: ${name} updated`);
}
