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
	readdirSync,
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

/** mulberry32: small, fast, and the same sequence on every machine for the same seed. */
export function mulberry32(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
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

const copied = new Set<string>();

/**
 * A copy of build/ for this bench run: the server loads pages lazily, and a \`vite build\`
 * someone starts meanwhile (the end-to-end tests build) would pull files from under it.
 * Packages still resolve from the project's node_modules, further up.
 */
function snapshot(copy: string): string {
	if (!copied.has(copy)) {
		rmSync(copy, { recursive: true, force: true });
		cpSync(path.join(root, 'build'), copy, { recursive: true });
		copied.add(copy);
	}
	return copy;
}

/**
 * The flags `npm start` gives node (package.json's start script): the benches run the server
 * as it runs in production, memory settings included.
 */
export function startFlags(): string[] {
	const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
		scripts: Record<string, string>;
	};
	return pkg.scripts.start!.split(/\s+/).filter((word) => word.startsWith('--'));
}

export type ServerOptions = {
	/** Flags for node itself, such as --cpu-prof; those of `npm start` by default. */
	nodeArgs?: string[];
	/** PORT by default; a bench that runs beside the others takes its own. */
	port?: number;
	/** The server's DATA_DIR (its server.log goes there too); the bench database by default. */
	dataDir?: string;
	/** Where the copy of build/ goes; .bench-data/build by default. */
	buildCopy?: string;
	/** Wait until the server's start-up work is done before returning (the default). */
	settle?: boolean;
	/**
	 * Serve through `npm start`'s scripts/start.js with this many processes (WORKERS); without
	 * it, the build's own index.js in one process, as before.
	 */
	workers?: number;
};

export type Server = {
	process: ChildProcess;
	pid: number;
	origin: string;
	/** From spawn to the first answer: migrations and the server's clock run before it listens. */
	readySeconds: number;
	stop(): Promise<void>;
	/** SIGKILL to the node process itself, as a crash would end it; resolves once it is gone. */
	kill(): Promise<void>;
};

/**
 * The built app on the bench database, on 127.0.0.1 only. Per-address limits are lifted
 * (every request of a load test comes from one address); per-account limits stay as they are.
 */
export async function startServer(options: ServerOptions = {}): Promise<Server> {
	const port = options.port ?? PORT;
	const origin = `http://127.0.0.1:${port}`;
	const dataDir = options.dataDir ?? benchDir();
	const build = snapshot(options.buildCopy ?? path.join(benchDir(), 'build'));
	mkdirSync(dataDir, { recursive: true });
	const entry = options.workers
		? [path.join(root, 'scripts', 'start.js'), `--build=${build}`]
		: [build];
	const child = spawn(process.execPath, [...(options.nodeArgs ?? startFlags()), ...entry], {
		cwd: root,
		env: {
			...process.env,
			...(options.workers ? { WORKERS: String(options.workers) } : {}),
			PORT: String(port),
			HOST: '127.0.0.1',
			ORIGIN: origin,
			DATA_DIR: dataDir,
			IP_LIMIT_SCALE: '100000',
			NODE_ENV: 'production'
		},
		stdio: ['ignore', 'pipe', 'pipe']
	});
	const log: string[] = [];
	// The server's own log, for when a page answers 500 under load.
	const file = createWriteStream(path.join(dataDir, 'server.log'), { flags: 'a' });
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
			const res = await fetch(`${origin}/login`);
			if (res.ok) break;
		} catch {
			// Not listening yet: the server migrates and runs its clock before it listens.
		}
		if (Date.now() > deadline) {
			child.kill('SIGKILL');
			throw new Error(`the server did not answer:\n${log.join('')}`);
		}
		// Often enough that the time to the first answer is measured, not the polling.
		await new Promise((r) => setTimeout(r, 25));
	}
	const readySeconds = (Date.now() - started) / 1000;
	if (options.settle ?? true) {
		const settled = await settle(child.pid!);
		console.log(
			`server ready after ${readySeconds.toFixed(1)} s, its start-up work done after ${settled.toFixed(1)} s more`
		);
	}
	return {
		process: child,
		pid: child.pid!,
		origin,
		readySeconds,
		async stop() {
			if (child.exitCode !== null) return;
			child.kill('SIGTERM');
			const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
			await exited;
			clearTimeout(timer);
			file.end();
		},
		async kill() {
			if (child.exitCode === null && child.signalCode === null) {
				child.kill('SIGKILL');
				await exited;
			}
			file.end();
		}
	};
}

/** CPU seconds a server has used so far, its workers too (Linux: utime + stime). */
function cpuSeconds(pid: number): number {
	return cpuMs(pid) / 1000;
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
	let kb = 0;
	for (const one of family(pid))
		try {
			const status = readFileSync(`/proc/${one}/status`, 'utf8');
			kb += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
		} catch {
			// Gone in between.
		}
	return Math.round(kb / 1024);
}

/**
 * The process and every process below it: a server started with WORKERS is a primary with its
 * workers, and its memory and CPU time are theirs summed.
 */
export function family(pid: number): number[] {
	const parent = new Map<number, number>();
	for (const entry of readdirSync('/proc')) {
		if (!/^\d+$/.test(entry)) continue;
		try {
			const fields = readFileSync(`/proc/${entry}/stat`, 'utf8').split(') ')[1]!.split(' ');
			parent.set(Number(entry), Number(fields[1]));
		} catch {
			// Gone in between.
		}
	}
	const found = [pid];
	for (let i = 0; i < found.length; i++)
		for (const [child, of] of parent) if (of === found[i]) found.push(child);
	return found;
}

/**
 * CPU time a process has used so far, in ms (user + system, from /proc): divided by the
 * requests served, it says what a page costs even when other work shares the cores.
 */
export function cpuMs(pid: number): number {
	let ms = 0;
	for (const one of family(pid))
		try {
			const fields = readFileSync(`/proc/${one}/stat`, 'utf8').split(') ')[1]!.split(' ');
			// utime and stime are fields 14 and 15 of stat(5); here counted from field 3.
			ms += ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
		} catch {
			// Gone in between.
		}
	return ms;
}

/**
 * The machine's CPU time so far, all cores (from /proc/stat, in clock ticks), and the part of
 * it that a virtual machine's host gave to other guests ("steal"): while it is high, every
 * request here takes more CPU time than on a quiet machine.
 */
export function machineCpu(): { total: number; stolen: number } {
	try {
		const ticks = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/);
		// user nice system idle iowait irq softirq steal; guest time is counted in user already.
		const [, ...fields] = ticks.slice(0, 9).map(Number);
		return { total: fields.reduce((a, b) => a + b, 0), stolen: fields[7] ?? 0 };
	} catch {
		return { total: 0, stolen: 0 };
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

const SECTIONS = [
	'server',
	'processes',
	'profile',
	'first-visit',
	'push',
	'lighthouse',
	'crash',
	'soak',
	'summary',
	'figures'
] as const;
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

/**
 * The form a neighbour sends to ask for help without JavaScript, as the post-a-request action
 * reads it; `confirmed`, so the kind-word check does not stop it. The i-th one cycles through
 * four categories.
 */
export function requestForm(i: number, title: string): URLSearchParams {
	return new URLSearchParams({
		type: 'request',
		category: ['errands', 'plants', 'small_jobs', 'company'][i % 4]!,
		title,
		description: '',
		when: 'flexible',
		startDate: '',
		endDate: '',
		onBehalfOf: '',
		confirmed: 'on'
	});
}

/** The median of some runs of `work`, in ms, after one run that warms it up. */
export function median(runs: number, work: () => unknown): number {
	work();
	const times: number[] = [];
	for (let i = 0; i < runs; i++) {
		const t = performance.now();
		work();
		times.push(performance.now() - t);
	}
	times.sort((a, b) => a - b);
	return times[Math.floor(runs / 2)]!;
}
