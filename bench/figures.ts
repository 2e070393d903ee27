// `npm run bench:figures`: the flat's figures on the national bench database (`npm run
// bench:seed`). Times the counts in the process (a flat's page, the admin's totals over every
// flat), then loads the figures page and its CSV with autocannon beside the framework's floor,
// served by the same process in the same run, and writes its section of docs/benchmarks.md.
import path from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { openDatabase } from '../src/lib/server/db';
import * as figures from '../src/lib/server/figures';
import {
	benchDir,
	BENCH_PASSWORD,
	ensureBuild,
	machine,
	median,
	readBench,
	startServer,
	writeSection
} from './common';
import { autocannon } from './autocannon';

const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = 10;
/** Its own port: the other benches' server may be up at the same time. */
const PORT = 4337;
const ORIGIN = `http://127.0.0.1:${PORT}`;

/** The figures are for verbinders: the seed makes the first two members of each flat one. */
function verbinderOf(flatId: number): string {
	const db = openDatabase(path.join(benchDir(), 'burenbord.db'));
	const row = db.$client
		.prepare(
			`select u.name from memberships m join users u on u.id = m.user_id
			 where m.flat_id = ? and m.role = 'verbinder' and m.status = 'active' limit 1`
		)
		.get(flatId) as { name: string } | undefined;
	db.$client.close();
	if (!row) throw new Error(`flat ${flatId} has no verbinder`);
	return row.name;
}

/** Logs in through the real form, as a browser would, and returns the session cookie. */
async function login(slug: string, name: string): Promise<string> {
	const res = await fetch(`${ORIGIN}/login`, {
		method: 'POST',
		redirect: 'manual',
		headers: {
			origin: ORIGIN,
			'content-type': 'application/x-www-form-urlencoded',
			accept: 'text/html'
		},
		body: new URLSearchParams({ flat: slug, name, password: BENCH_PASSWORD })
	});
	const session = res.headers
		.getSetCookie()
		.map((c) => c.split(';')[0]!)
		.find((c) => c.startsWith('session='));
	if (res.status !== 303 || !session) throw new Error(`login failed: ${res.status}`);
	return session;
}

type Row = { name: string; reqPerSec: number; p50: number; p99: number; errors: number };

async function load(name: string, urlPath: string, headers: Record<string, string>): Promise<Row> {
	const result = await autocannon({
		url: ORIGIN + urlPath,
		connections: CONNECTIONS,
		duration: DURATION,
		headers
	});
	const ok = result.statusCodeStats['200']?.count ?? 0;
	return {
		name,
		reqPerSec: result.requests.average,
		p50: result.latency.p50,
		p99: result.latency.p99,
		errors: result.errors + result.timeouts + (result.requests.total - ok)
	};
}

/** `BENCH_PRINT=1` prints the section instead of writing it: for trying on a small seed. */
const PRINT = process.env.BENCH_PRINT === '1';

async function main() {
	const info = readBench();
	ensureBuild();
	const now = new Date(info.now);

	// In the process: the counts alone, without rendering or HTTP.
	const db = openDatabase(path.join(benchDir(), 'burenbord.db'));
	const flat = db.$client
		.prepare('select id, time_zone as timeZone from flats where id = ?')
		.get(info.flatId) as { id: number; timeZone: string };
	const flatMs = median(21, () => figures.forFlat(db, flat, now));
	// The totals give way between batches of flats: the longest stretch without a break is
	// what a request waiting behind them would feel.
	const loop = monitorEventLoopDelay({ resolution: 1 });
	loop.enable();
	let t = performance.now();
	await figures.exactTotals(db, now);
	const totalsCold = performance.now() - t;
	t = performance.now();
	await figures.exactTotals(db, now);
	const totalsWarm = performance.now() - t;
	loop.disable();
	const longestBlock = loop.max / 1e6;
	db.$client.close();

	const name = verbinderOf(info.flatId);
	const server = await startServer({ port: PORT });
	let rows: Row[];
	try {
		const cookie = await login(info.slug, name);
		const page = { cookie, accept: 'text/html', 'accept-encoding': 'br, gzip' };
		rows = [
			await load('Floor: /login', '/login', { accept: 'text/html', 'accept-encoding': 'br, gzip' }),
			await load('Figures page', `/f/${info.slug}/figures`, page),
			await load('Figures CSV', `/f/${info.slug}/figures/csv`, { cookie })
		];
	} finally {
		await server.stop();
	}
	const floor = rows[0]!.reqPerSec;
	const fmt = (n: number) => (n >= 100 ? Math.round(n).toString() : n.toFixed(1));
	const section = [
		'## The flat’s figures',
		'',
		machine(info),
		`- The bench flat \`${info.slug}\` (one of the 400-household flats), as one of its verbinders; ${DURATION} s per row, ${CONNECTIONS} connections, one server process. The floor is \`GET /login\` without a session, in the same run.`,
		'',
		'| Page | req/s | p50 ms | p99 ms | errors | vs floor |',
		'| --- | ---: | ---: | ---: | ---: | ---: |',
		...rows.map(
			(r) =>
				`| ${r.name} | ${fmt(r.reqPerSec)} | ${r.p50} | ${r.p99} | ${r.errors} | ${(r.reqPerSec / floor).toFixed(2)} |`
		),
		'',
		`The counts alone, in the process: a flat's six months take ${flatMs.toFixed(2)} ms (median of 21). The admin's totals over every flat take ${Math.round(totalsCold)} ms the first time and ${Math.round(totalsWarm)} ms once the pages are in the cache, counted 50 flats at a time with a break between: the longest stretch without a break was ${Math.round(longestBlock)} ms. The admin page works them out at most once an hour per process.`
	].join('\n');
	if (PRINT) console.log(section);
	else await writeSection('figures', section);
}

await main();
