// `npm run bench:soak`: ten minutes of mixed load against the built server on the bench
// database: neighbours reading the board, the calendar and a post, posting, answering each
// other's posts, saying "I'm coming" and logging in. Per minute: req/s, p99, errors and the
// server's memory, written to docs/benchmarks.md. Memory must end where it settled.
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { openDatabase } from '../src/lib/server/db';
import { flats } from '../src/lib/server/db/schema';
import * as calendar from '../src/lib/server/calendar';
import { addDays, localDate } from '../src/lib/server/time';
import {
	BENCH_PASSWORD,
	benchDir,
	ensureBuild,
	login,
	machine,
	ORIGIN,
	readBench,
	requestForm,
	rssMb,
	startServer,
	writeSection,
	type BenchInfo
} from './common';
import { autocannon, type Request } from './autocannon';
import { cleanUp, POST_TITLE, writerSessions, type Writer } from './writers';

const MINUTES = Number(process.env.SOAK_MINUTES ?? 10);
const CONNECTIONS = 10;
/**
 * Enough writers that nobody reaches the per-account limits in ten minutes: 20 posts an hour,
 * 8 logins in ten minutes.
 */
const WRITERS = 2000;
/** The mix, per 40 requests: what neighbours do most is read. */
const MIX = [
	...Array<'board'>(12).fill('board'),
	...Array<'calendar'>(6).fill('calendar'),
	...Array<'post'>(6).fill('post'),
	...Array<'posting'>(7).fill('posting'),
	...Array<'answer'>(5).fill('answer'),
	...Array<'rsvp'>(3).fill('rsvp'),
	'login' as const
];

const form = { 'content-type': 'application/x-www-form-urlencoded', origin: ORIGIN };

/** The next activity of the bench flat that is still to come, for "I'm coming". */
function nextOccurrence(info: BenchInfo) {
	const db = openDatabase(path.join(benchDir(), 'burenbord.db'));
	try {
		const flat = db.select().from(flats).where(eq(flats.id, info.flatId)).get()!;
		const today = localDate(new Date(), flat.timeZone);
		const next = calendar
			.occurrences(db, flat, addDays(today, 1), addDays(today, 60))
			.find((o) => !o.cancelled);
		if (!next) throw new Error('the bench flat has no activity to come: run npm run bench:seed');
		return `/f/${info.slug}/calendar/${next.activityId}/${next.date}`;
	} finally {
		db.$client.close();
	}
}

/** The Location of a redirect, however autocannon hands the headers over. */
function location(headers: unknown): string | undefined {
	if (Array.isArray(headers)) {
		for (let i = 0; i < headers.length - 1; i += 2)
			if (String(headers[i]).toLowerCase() === 'location') return String(headers[i + 1]);
		return undefined;
	}
	const found = (headers as Record<string, unknown> | undefined)?.location;
	return found === undefined ? undefined : String(found);
}

/** The requests of the mix, round and round; new posts are answered by a neighbour of their flat. */
function mixed(info: BenchInfo, cookie: string, writers: Writer[], occurrence: string): Request {
	const flat = `/f/${info.slug}`;
	const byFlat = new Map<string, number[]>();
	writers.forEach((w, i) => byFlat.set(w.flat, [...(byFlat.get(w.flat) ?? []), i]));
	const fresh: { path: string; author: number }[] = [];
	let n = 0;
	let writer = 0;
	let signer = 0;
	const reader = { cookie, accept: 'text/html', 'accept-encoding': 'br, gzip' };
	return {
		setupRequest: (req, context) => {
			const kind = MIX[n++ % MIX.length]!;
			if (kind === 'posting') {
				const i = writer++ % writers.length;
				const w = writers[i]!;
				context.author = i;
				return {
					...req,
					method: 'POST',
					path: `${w.flat}/help/new`,
					headers: { ...form, cookie: `session=${w.token}`, accept: 'text/html' },
					body: requestForm(n, `${POST_TITLE} soak ${n}`).toString()
				};
			}
			if (kind === 'answer' && fresh.length > 0) {
				const post = fresh.shift()!;
				const neighbours = byFlat.get(writers[post.author]!.flat)!;
				const by = neighbours[(neighbours.indexOf(post.author) + 1) % neighbours.length]!;
				if (by !== post.author)
					return {
						...req,
						method: 'POST',
						path: `${post.path}?/respond`,
						headers: { ...form, cookie: `session=${writers[by]!.token}`, accept: 'text/html' },
						body: new URLSearchParams({ message: 'Ik help graag.' }).toString()
					};
			}
			if (kind === 'rsvp')
				return {
					...req,
					method: 'POST',
					path: `${occurrence}?/rsvp`,
					headers: { ...form, ...reader },
					body: new URLSearchParams({ kind: 'coming', guests: '0' }).toString()
				};
			if (kind === 'login') {
				const w = writers[signer++ % writers.length]!;
				return {
					...req,
					method: 'POST',
					path: '/login',
					headers: { ...form, accept: 'text/html' },
					body: new URLSearchParams({
						flat: w.flat.slice('/f/'.length),
						name: w.name,
						password: BENCH_PASSWORD
					}).toString()
				};
			}
			const page =
				kind === 'calendar'
					? `${flat}/calendar`
					: kind === 'post'
						? `${flat}/help/${info.postId}`
						: flat;
			return { ...req, method: 'GET', path: page, headers: reader, body: undefined };
		},
		onResponse: (status, _body, context, headers) => {
			// A new post (303 to its page) waits for a neighbour of its flat to answer it.
			const to = status === 303 ? location(headers) : undefined;
			const made = to ? /^(\/f\/[^/]+\/help\/\d+)$/.exec(to) : null;
			if (made && context.author !== undefined)
				fresh.push({ path: made[1]!, author: context.author });
			if (fresh.length > 500) fresh.splice(0, fresh.length - 500);
		}
	};
}

type Minute = {
	minute: number;
	reqPerSec: number;
	p99: number;
	errors: number;
	rss: number;
	peak: number;
};

async function main() {
	const info = readBench();
	ensureBuild();
	const occurrence = nextOccurrence(info);
	const writers = writerSessions(info, WRITERS);
	const server = await startServer();
	const minutes: Minute[] = [];
	try {
		const cookie = await login(info);
		const request = mixed(info, cookie, writers, occurrence);
		for (let minute = 1; minute <= MINUTES; minute++) {
			let peak = rssMb(server.pid);
			const sampler = setInterval(() => (peak = Math.max(peak, rssMb(server.pid))), 500);
			const result = await autocannon({
				url: ORIGIN,
				connections: CONNECTIONS,
				duration: 60,
				requests: [request]
			});
			clearInterval(sampler);
			const unexpected = Object.entries(result.statusCodeStats ?? {})
				.filter(([code]) => code !== '200' && code !== '303')
				.reduce((sum, [, s]) => sum + s.count, 0);
			const row = {
				minute,
				reqPerSec: result.requests.average,
				p99: result.latency.p99,
				errors: result.errors + result.timeouts + unexpected,
				rss: rssMb(server.pid),
				peak
			};
			minutes.push(row);
			console.log(
				`minute ${minute}: ${row.reqPerSec.toFixed(0)} req/s, p99 ${row.p99} ms, ${row.errors} errors, RSS ${row.rss} MB (peak ${peak}) ${JSON.stringify(result.statusCodeStats)}`
			);
		}
	} finally {
		await server.stop();
		cleanUp(info);
	}
	if (process.env.SOAK_MINUTES) return;
	// Settled: after the first three minutes, once every page and statement has been made.
	const settled = minutes[Math.min(2, minutes.length - 1)]!.rss;
	const last = minutes.at(-1)!.rss;
	const errors = minutes.reduce((sum, m) => sum + m.errors, 0);
	await writeSection(
		'soak',
		[
			'## Ten minutes of mixed load',
			'',
			machine(info),
			`- \`npm run bench:soak\`: the built server (one process, the flags of \`npm start\`) on the bench database, autocannon ${CONNECTIONS} connections for ${MINUTES} minutes on the same 2 cores. Per 40 requests: 12 board, 6 calendar, 6 post page views by the bench member; 7 new requests posted and 5 answers to those new requests by a neighbour of the same flat (${WRITERS} residents of all flats take turns); 3 "I'm coming" to the flat's next activity; 1 login with a password (argon2id). Every answer other than 200 or 303 counts as an error.`,
			'',
			'| Minute | req/s | p99 ms | errors | RSS at the end MB | peak RSS MB |',
			'| ---: | ---: | ---: | ---: | ---: | ---: |',
			...minutes.map(
				(m) =>
					`| ${m.minute} | ${m.reqPerSec.toFixed(0)} | ${m.p99} | ${m.errors} | ${m.rss} | ${m.peak} |`
			),
			'',
			`Errors in all: **${errors}**. RSS after minute 3: ${settled} MB; after minute ${minutes.length}: ${last} MB (${last >= settled ? '+' : ''}${(last - settled).toFixed(0)} MB, ${((100 * (last - settled)) / settled).toFixed(0)} %). Load average at the end: ${os.loadavg()[0]!.toFixed(1)}.`
		].join('\n')
	);
}

await main();
