// `npm run bench`: the built server on the national bench database (`npm run bench:seed`).
// Loads the hot pages with autocannon, each next to the framework's own floor, profiles the
// board, measures a first visit in Chromium, and writes it all to docs/benchmarks.md.
import os from 'node:os';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { chromium, devices } from '@playwright/test';
import { performance } from 'node:perf_hooks';
import { openDatabase } from '../src/lib/server/db';
import * as calendar from '../src/lib/server/calendar';
import * as help from '../src/lib/server/help';
import * as privacy from '../src/lib/server/privacy';
import {
	benchDir,
	cpuMs,
	ensureBuild,
	login,
	machine,
	machineCpu,
	ORIGIN,
	readBench,
	requestForm,
	rssMb,
	startFlags,
	startServer,
	writeSection,
	type BenchInfo,
	type Server
} from './common';
import { autocannon, type Request } from './autocannon';
import { firstVisit, kb, routeBundle } from './first-visit';
import { cleanUp, POST_TITLE, writerSessions } from './writers';

const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
/**
 * `BENCH_ONLY=board,calendar` (names from the table, lower case, first word) runs just those
 * rows, or `profile`, and prints them without touching docs/benchmarks.md: for trying a change.
 */
/**
 * Flags for the server's node instead of those `npm start` uses (`BENCH_NODE_ARGS=""` for
 * Node's defaults), to weigh memory against speed.
 */
const NODE_ARGS = process.env.BENCH_NODE_ARGS?.split(' ').filter(Boolean) ?? startFlags();
const ONLY = process.env.BENCH_ONLY?.split(',').map((s) => s.trim().toLowerCase());
const wanted = (name: string) => !ONLY || ONLY.includes(name.split(/[ :]/)[0]!.toLowerCase());
const CONNECTIONS = 10;
/**
 * Accounts that take turns posting, each in their own flat: each may post 20 times an hour (the
 * per-account limit), so there are enough for 2,000 posts a second over the whole row, well past
 * what this machine reaches; with fewer, the row measured the limit answering 429.
 */
const WRITERS = Math.ceil((2000 * DURATION) / 20);

type Row = {
	name: string;
	path: string;
	expect: number;
	reqPerSec: number;
	p50: number;
	p99: number;
	errors: number;
	rss: number;
	/** The server's CPU time per request answered, in ms. */
	cpu: number;
	/** The machine's 1-minute load average as the run began: other work shares the 2 cores. */
	load: number;
	/** Share of the machine's CPU time that the host gave to other guests during the row. */
	stolen: number;
};

/** One autocannon run, with the server's memory sampled while it lasts. */
async function load(
	server: Server,
	name: string,
	expect: number,
	options: { path: string; headers?: Record<string, string>; requests?: Request[] }
): Promise<Row | null> {
	if (!wanted(name) && !name.includes('(profiled)')) return null;
	const loadBefore = os.loadavg()[0]!;
	let rss = rssMb(server.pid);
	const sampler = setInterval(() => (rss = Math.max(rss, rssMb(server.pid))), 250);
	const cpuBefore = cpuMs(server.pid);
	const machineBefore = machineCpu();
	const result = await autocannon({
		url: ORIGIN + options.path,
		connections: CONNECTIONS,
		duration: DURATION,
		headers: options.headers,
		requests: options.requests
	});
	clearInterval(sampler);
	const cpu = (cpuMs(server.pid) - cpuBefore) / Math.max(1, result.requests.total);
	const machineAfter = machineCpu();
	const stolen =
		(machineAfter.stolen - machineBefore.stolen) /
		Math.max(1, machineAfter.total - machineBefore.total);
	const unexpected = Object.entries(result.statusCodeStats ?? {})
		.filter(([code]) => Number(code) !== expect)
		.reduce((n, [, s]) => n + s.count, 0);
	const row = {
		name,
		path: options.path,
		expect,
		reqPerSec: result.requests.average,
		p50: result.latency.p50,
		p99: result.latency.p99,
		errors: result.errors + result.timeouts + unexpected,
		rss,
		cpu,
		load: loadBefore,
		stolen
	};
	console.log(
		`${name}: ${row.reqPerSec.toFixed(0)} req/s, p50 ${row.p50} ms, p99 ${row.p99} ms, ${row.errors} errors, ${rss} MB, ${cpu.toFixed(2)} CPU ms/request (statuses ${JSON.stringify(result.statusCodeStats)})`
	);
	return row;
}

/**
 * Posting a request without JavaScript, the writers taking turns, each in their own flat (the
 * path given is where the row says it posts; each request goes to its writer's flat).
 */
function posting(writers: { token: string; flat: string }[], flat: string) {
	let n = 0;
	return {
		path: `${flat}/help/new`,
		requests: [
			{
				method: 'POST',
				setupRequest: (req: Request): Request => {
					const i = n++;
					const writer = writers[i % writers.length]!;
					return {
						...req,
						path: `${writer.flat}/help/new`,
						headers: {
							cookie: `session=${writer.token}`,
							origin: ORIGIN,
							accept: 'text/html',
							'content-type': 'application/x-www-form-urlencoded'
						},
						body: requestForm(i, `${POST_TITLE} ${i}`).toString()
					};
				}
			}
		]
	};
}

/** The floor, without a session: the smallest server-rendered page, through the same hooks. */
const FLOOR = {
	path: '/login',
	headers: { accept: 'text/html', 'accept-encoding': 'br, gzip' }
};

/**
 * The floor, the board and posting, served by one process and then by two (WORKERS, through
 * `npm start`'s scripts/start.js both times), each on a fresh start of the server.
 */
async function measureProcesses(info: BenchInfo) {
	const runs: { workers: number; rows: Row[] }[] = [];
	for (const workers of [1, 2]) {
		const writers = writerSessions(info, WRITERS);
		const server = await startServer({ nodeArgs: NODE_ARGS, workers });
		try {
			const cookie = await login(info);
			const headers = { cookie, accept: 'text/html', 'accept-encoding': 'br, gzip' };
			const flat = `/f/${info.slug}`;
			const rows: Row[] = [];
			for (const row of [
				await load(server, `Floor: /login (${workers})`, 200, FLOOR),
				await load(server, `Board (${workers})`, 200, { path: flat, headers }),
				await load(server, `Post a request (${workers})`, 303, posting(writers, flat))
			])
				if (row) rows.push(row);
			runs.push({ workers, rows });
		} finally {
			await server.stop();
			cleanUp(info);
		}
	}
	return runs;
}

/** The side-by-side table of one process and two. */
function processesSection(runs: { workers: number; rows: Row[] }[], when: string): string {
	const [one, two] = runs;
	const names = ['Floor: /login', 'Board', 'Post a request (form action)'];
	const cell = (r: Row | undefined) =>
		r
			? `${fmt(r.reqPerSec)} | ${r.cpu.toFixed(2)} | ${r.p99} | ${r.errors} | ${r.rss}`
			: '– | – | – | – | –';
	return [
		'## One process and two (WORKERS)',
		'',
		when,
		`- \`npm run bench\` again, through \`npm start\`'s scripts/start.js with \`WORKERS=1\` and then \`WORKERS=2\` (a fresh start each), the same ${CONNECTIONS} connections for ${DURATION} s per row. CPU ms/request and RSS are summed over the server's processes (the primary and its workers, from /proc).`,
		'',
		'| Row | 1: req/s | 1: CPU ms/req | 1: p99 ms | 1: errors | 1: RSS MB | 2: req/s | 2: CPU ms/req | 2: p99 ms | 2: errors | 2: RSS MB | req/s 2 ÷ 1 |',
		'| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
		...names.map((name, i) => {
			const a = one?.rows[i];
			const b = two?.rows[i];
			const ratio = a && b ? (b.reqPerSec / a.reqPerSec).toFixed(2) : '–';
			return `| ${name} | ${cell(a)} | ${cell(b)} | ${ratio} |`;
		}),
		'',
		'On these 2 cores autocannon runs beside the server, so two server processes share the cores with the load generator: the ratio says what a second core buys here, not on a server with cores to spare.'
	].join('\n');
}

async function measureServer(info: BenchInfo) {
	const writers = writerSessions(info, WRITERS);
	const server = await startServer({ nodeArgs: NODE_ARGS });
	try {
		const cookie = await login(info);
		// As a browser asks: the server compresses what it renders when asked to.
		const headers = { cookie, accept: 'text/html', 'accept-encoding': 'br, gzip' };
		const flat = `/f/${info.slug}`;
		const visit = ONLY ? undefined : await chromeFirstVisit(cookie, flat);
		const rows: Row[] = [];
		const add = (row: Row | null): void => void (row && rows.push(row));
		// The floor: a small server-rendered page through the same hooks, without a session
		// (logged in, /login sends you on). The app has no smaller SSR page.
		add(await load(server, 'Floor: /login (SSR, no session)', 200, FLOOR));
		add(await load(server, 'Board', 200, { path: flat, headers }));
		add(await load(server, 'Calendar', 200, { path: `${flat}/calendar`, headers }));
		add(
			await load(server, 'Post page (author, thread)', 200, {
				path: `${flat}/help/${info.postId}`,
				headers
			})
		);
		add(
			await load(server, 'iCal feed', 200, { path: `${flat}/calendar.ics?token=${info.feedToken}` })
		);
		add(await load(server, 'Post a request (form action)', 303, posting(writers, flat)));
		return { rows, visit, readySeconds: server.readySeconds };
	} finally {
		await server.stop();
		cleanUp(info);
	}
}

async function chromeFirstVisit(cookie: string, flatPath: string) {
	const browser = await chromium.launch({
		executablePath: '/usr/bin/chromium',
		args: [
			'--no-sandbox',
			'--disable-dev-shm-usage',
			'--disable-gpu',
			'--disable-background-networking'
		]
	});
	try {
		const context = await browser.newContext({
			...devices['Pixel 7'],
			locale: 'nl-NL',
			serviceWorkers: 'block'
		});
		const [name, value] = cookie.split('=') as [string, string];
		await context.addCookies([{ name, value, url: ORIGIN }]);
		return await firstVisit(context, ORIGIN + flatPath);
	} finally {
		await browser.close();
	}
}

type ProfileNode = {
	id: number;
	callFrame: { functionName: string; url: string; lineNumber: number };
};
type Profile = { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[]; startTime: number };

/** Now on the monotonic clock V8 stamps profile samples with, in microseconds. */
const monotonic = () => Number(process.hrtime.bigint() / 1000n);

/** Where a function lives, short: a package name, or a path in the build. */
function place(url: string): string {
	if (!url) return '';
	const modules = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
	if (modules) return modules[1]!;
	const file = url.replace(/^file:\/\//, '');
	return file.startsWith(path.resolve('.'))
		? path.relative('.', file)
		: file.replace(/^node:/, 'node:');
}

/** Runs the board under load with --cpu-prof and adds up self time per function. */
async function profileBoard(info: BenchInfo) {
	const dir = path.join(benchDir(), 'prof');
	rmSync(dir, { recursive: true, force: true });
	mkdirSync(dir, { recursive: true });
	const server = await startServer({
		nodeArgs: [...NODE_ARGS, '--cpu-prof', `--cpu-prof-dir=${dir}`]
	});
	let from = 0;
	let to = 0;
	try {
		const cookie = await login(info);
		from = monotonic();
		await load(server, 'Board (profiled)', 200, { path: `/f/${info.slug}`, headers: { cookie } });
		to = monotonic();
	} finally {
		await server.stop();
	}
	const file = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
	if (!file) throw new Error('no .cpuprofile written');
	const profile = JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as Profile;
	const byNode = new Map(profile.nodes.map((n) => [n.id, n]));
	const self = new Map<string, number>();
	const byPlace = new Map<string, number>();
	let total = 0;
	// Only the samples taken under load: start-up (migrations, the server's clock) is not the board.
	let at = profile.startTime;
	const stamps = profile.timeDeltas.map((d) => (at += d));
	const inWindow = stamps.filter((t) => t >= from && t <= to).length;
	const window = inWindow > 0;
	profile.samples.forEach((id, i) => {
		if (window && !(stamps[i]! >= from && stamps[i]! <= to)) return;
		const node = byNode.get(id)!;
		const ms = (profile.timeDeltas[i] ?? 0) / 1000;
		const { functionName, url } = node.callFrame;
		const key = `${functionName || '(anonymous)'}\t${place(url)}`;
		self.set(key, (self.get(key) ?? 0) + ms);
		const where = place(url) || functionName;
		byPlace.set(where, (byPlace.get(where) ?? 0) + ms);
		total += ms;
	});
	const top = (map: Map<string, number>, n: number) =>
		[...map.entries()].sort((a, b) => b[1] - a[1]).slice(0, n);
	return { total, window, functions: top(self, 20), places: top(byPlace, 12) };
}

/** The server's periodic jobs on the bench database, each timed once (steady state). */
function housekeeping() {
	const db = openDatabase(path.join(benchDir(), 'burenbord.db'));
	const steps: [string, () => unknown][] = [
		['help.tick', () => help.tick(db)],
		['calendar.tick', () => calendar.tick(db)],
		['privacy.retention', () => privacy.retention(db)]
	];
	const out = steps.map(([name, step]) => {
		const t = performance.now();
		const did = step();
		return { name, ms: performance.now() - t, did: JSON.stringify(did).replace(/"/g, '') };
	});
	db.$client.close();
	console.log(out);
	return out;
}

/**
 * The source file that declares a function of this name, when exactly one does: the build's
 * chunks are named after routes and modules, not after the file a function comes from.
 */
function declaredIn(name: string): string | undefined {
	if (!/^[A-Za-z_][\w]*$/.test(name)) return undefined;
	// Declared at the top of a module, so a local variable of the same name does not count.
	const pattern = new RegExp(
		`^(export\\s+)?(async\\s+)?(function\\s+${name}\\b|(const|let)\\s+${name}\\s*=)`,
		'm'
	);
	const files = (readdirSync('src', { recursive: true }) as string[])
		.filter((f) => /\.(ts|svelte)$/.test(f) && !/paraglide|\.test\.ts$/.test(f))
		.map((f) => path.join('src', f))
		.filter((f) => pattern.test(readFileSync(f, 'utf8')));
	return files.length === 1 ? files[0] : undefined;
}

const fmt = (n: number) => (n >= 100 ? n.toFixed(0) : n.toFixed(1));

async function main() {
	const info = readBench();
	ensureBuild();
	if (ONLY) {
		if (ONLY.includes('profile')) {
			const prof = await profileBoard(info);
			for (const [key, ms] of prof.functions)
				console.log(`${((100 * ms) / prof.total).toFixed(1).padStart(5)} %  ${key}`);
		}
		if (ONLY.includes('processes')) console.log(JSON.stringify(await measureProcesses(info)));
		if (ONLY.some((name) => name !== 'profile' && name !== 'processes')) await measureServer(info);
		return;
	}
	const { rows, visit, readySeconds } = await measureServer(info);
	if (!visit) throw new Error('no first visit measured');
	await writeSection('processes', processesSection(await measureProcesses(info), machine(info)));
	const clock = housekeeping();
	const floor = rows[0]!.reqPerSec;
	const bundle = await routeBundle();
	const when = machine(info);
	await writeSection(
		'server',
		[
			'## Server throughput',
			'',
			when,
			`- \`npm run bench\`: \`${['node', ...NODE_ARGS, 'build'].join(' ')}\` (the flags are those of \`npm start\`; a copy of build/ in .bench-data/build) on 127.0.0.1:4317 with \`DATA_DIR=.bench-data\`, autocannon ${CONNECTIONS} connections for ${DURATION} s per row, on the same 2 cores as the server. Logged in as the bench member of \`${info.slug}\` (400 households). RSS is the server's peak VmRSS during the row.`,
			`- The floor is \`GET /login\` without a session: the smallest server-rendered page, through the same hooks. Every row asks with \`accept-encoding: br, gzip\` as a browser does, so the server's compression of what it renders is part of each number. The app has no tinier SSR page, and \`/offline\` is prerendered (static).`,
			`- Posting uses ${WRITERS} residents of all the flats in turn, each in their own flat, with sessions put straight into the database: posting is limited to 20 an hour per account. Each post is a request with \`confirmed\`, so the kind-word check does not stop it; it notifies the members whose talents fit. The bench removes its posts afterwards.`,
			'',
			'| Page | req/s | p50 ms | p99 ms | errors | server RSS MB | vs floor | CPU ms/request | floor CPU / CPU | load before | CPU stolen |',
			'| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
			...rows.map(
				(r) =>
					`| ${r.name} | ${fmt(r.reqPerSec)} | ${r.p50} | ${r.p99} | ${r.errors} | ${r.rss} | ${(r.reqPerSec / floor).toFixed(2)} | ${r.cpu.toFixed(2)} | ${(rows[0]!.cpu / r.cpu).toFixed(2)} | ${r.load.toFixed(1)} | ${(100 * r.stolen).toFixed(0)} % |`
			),
			'',
			'"CPU ms/request" is the server process\'s own CPU time (user + system, from /proc) over the requests it answered in the row: unlike req/s it hardly changes when other work shares the cores, so "floor CPU / CPU" is the steadier ratio to the floor.',
			'',
			'"errors" counts connection errors, timeouts and answers other than the expected status (200; 303 for the form action). "load before" is the 1-minute load average as the row began; the bench itself (server and autocannon) accounts for about 2 of it, the rest is other work that shared the two cores. "CPU stolen" is the share of the machine\'s CPU time that the virtual machine\'s host gave to other guests during the row (steal, from /proc/stat): while it is high, each request costs more CPU time here, the floor too, so the ratios to the floor stay comparable and the absolute numbers do not.',
			'',
			"### The server's clock",
			'',
			`The server answered its first request ${readySeconds.toFixed(1)} s after it was started; the bench then waits until the server's own start-up work (the housekeeping of src/lib/server/jobs.ts) is done before it loads it. Those steps timed once more right after the runs, as they run every ten minutes (retention once a day):`,
			'',
			'| Step | ms | What it did |',
			'| --- | ---: | --- |',
			...clock.map((c) => `| ${c.name} | ${c.ms.toFixed(0)} | ${c.did} |`)
		].join('\n')
	);
	await writeSection(
		'first-visit',
		[
			'## First visit of the board',
			'',
			`- JavaScript + CSS the build says the board needs (client entry, layouts, page and their static imports), brotli quality 11 as adapter-node precompresses: **${kb(bundle.brotli)}** (${kb(bundle.bytes)} raw) in ${bundle.files.length} files. Budget: 50 KB; tests/budget.spec.ts fails above it.`,
			`- Chromium (Pixel 7 emulation, service worker blocked, cache off), the bench member opening \`/f/${info.slug}\` on the bench server: HTML+JS+CSS **${kb(visit.pageBytes)}** on the wire; everything ${kb(visit.total)} in ${visit.requests} requests (${Object.entries(
				visit.byType
			)
				.map(([t, b]) => `${t} ${kb(b)}`)
				.join(
					', '
				)}). Chromium asked for \`${visit.accepted || '?'}\` and got ${visit.encodings.join(', ') || 'no compression'}.`
		].join('\n')
	);
	const prof = await profileBoard(info);
	const pct = (ms: number) => `${((100 * ms) / prof.total).toFixed(1)} %`;
	await writeSection(
		'profile',
		[
			'## Where the time goes (board)',
			'',
			`\`node --cpu-prof --cpu-prof-dir=.bench-data/prof build\` under the board load above (${DURATION} s, ${CONNECTIONS} connections); self time per function (name and file), summed over ${prof.window ? 'the samples taken during the load' : 'the whole profile, start-up included (the load window could not be matched)'}: ${(prof.total / 1000).toFixed(1)} s sampled, idle included.`,
			'',
			'| Function | Where | Self ms | Share |',
			'| --- | --- | ---: | ---: |',
			...prof.functions.map(([key, ms]) => {
				const [fn, where] = key.split('\t') as [string, string];
				const source = where.includes('build/') ? declaredIn(fn) : undefined;
				return `| \`${fn}\` | ${source ? `${source} (${path.basename(where)})` : where || '—'} | ${ms.toFixed(0)} | ${pct(ms)} |`;
			}),
			'',
			'By place (package, file of the build, or V8 category):',
			'',
			'| Place | Self ms | Share |',
			'| --- | ---: | ---: |',
			...prof.places.map(([where, ms]) => `| ${where} | ${ms.toFixed(0)} | ${pct(ms)} |`)
		].join('\n')
	);
	writeFileSync(
		path.join(benchDir(), 'server-results.json'),
		JSON.stringify({ rows, visit, bundle, prof }, null, '\t')
	);
}

await main();
