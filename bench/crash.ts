// `npm run bench:crash`: does a write the server acknowledged survive the server being killed?
// The built server takes posts from several clients at once; at a random moment it gets
// SIGKILL, is started again on the same files, and the database is checked: every post the
// server answered with its redirect is there, whole, and SQLite finds nothing wrong with the
// file. Not part of `npm test`: fifty rounds take a few minutes.
import Database from 'better-sqlite3';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { openDatabase } from '../src/lib/server/db';
import * as session from '../src/lib/server/auth/session';
import * as flats from '../src/lib/server/flats';
import * as members from '../src/lib/server/members';
import * as prefs from '../src/lib/server/notify/prefs';
import {
	benchDir,
	ensureBuild,
	machine,
	mulberry32,
	requestForm,
	startServer,
	writeSection,
	type Server,
	type ServerOptions
} from './common';

const ROUNDS = Number(process.env.CRASH_ROUNDS ?? 50);
const SEED = Number(process.env.CRASH_SEED ?? 20261121);
/** Not 4317 (the other benches) nor 4173/4174 (the end-to-end tests): this one runs beside them. */
const PORT = 4318;
const CLIENTS = 8;
/** Posting is limited to 20 an hour per account: the clients take turns over the residents. */
const RESIDENTS = 400;
/**
 * Residents who asked to hear of every request: each post then writes one notification per
 * listener in the same transaction, so a post without all of them is a torn transaction.
 */
const LISTENERS = 3;
/** The kill comes this many ms after the load began, drawn evenly between the two. */
const KILL_AFTER = [50, 1500] as const;
const SLUG = 'crash';
const TITLE = 'Crashtest';

const dir = path.join(benchDir(), 'crash');
const dataDir = path.join(dir, 'data');
const file = path.join(dataDir, 'burenbord.db');
const where: ServerOptions = {
	port: PORT,
	dataDir,
	buildCopy: path.join(dir, 'build'),
	// Restarted as a supervisor would, and loaded at once: the server's clock runs meanwhile.
	settle: false
};

/** A fresh database with one flat: its residents get sessions, the listeners their choice. */
function setUp(): { flatId: number; tokens: string[] } {
	rmSync(dir, { recursive: true, force: true });
	const db = openDatabase(file);
	const flat = flats.create(db, {
		name: 'Crashtest',
		slug: SLUG,
		timeZone: 'Europe/Amsterdam',
		joinMode: 'open'
	});
	const tokens: string[] = [];
	for (let i = 0; i < RESIDENTS; i++) {
		const userId = members.addWithoutPassword(db, {
			flatId: flat.id,
			name: `Buur ${i + 1}`,
			role: 'resident'
		});
		if (i < LISTENERS)
			prefs.save(db, members.membership(db, flat.id, userId)!.id, { requests: 'app' }, null);
		else tokens.push(session.create(db, userId).token);
	}
	db.$client.close();
	return { flatId: flat.id, tokens };
}

/** What the clients saw in one round, by the marker in each post's title. */
type Outcome = {
	/** Answered 303 to the new post: the marker and the post id from the Location. */
	acknowledged: Map<string, number>;
	/** Sent, and no answer before the kill: either way is fine. */
	inFlight: Set<string>;
	/** Answered with another status: nothing should have been written. */
	refused: Map<string, number>;
	/** Requests that failed before the kill: the bench's own trouble, or the server's. */
	errors: number;
};

let sent = 0;

/** One client posting requests through the real form action, as fast as it is answered. */
async function client(server: Server, tokens: string[], state: { killed: boolean }, out: Outcome) {
	while (!state.killed) {
		const i = sent++;
		const marker = `${TITLE} ${i}`;
		const form = requestForm(i, marker);
		let res: Response;
		try {
			res = await fetch(`${server.origin}/f/${SLUG}/help/new`, {
				method: 'POST',
				redirect: 'manual',
				headers: {
					cookie: `session=${tokens[i % tokens.length]}`,
					origin: server.origin,
					accept: 'text/html',
					'content-type': 'application/x-www-form-urlencoded'
				},
				body: form.toString()
			});
		} catch {
			if (state.killed) out.inFlight.add(marker);
			else out.errors++;
			continue;
		}
		// The status line is the acknowledgement; the rest of the answer may be cut off by the kill.
		const id = new RegExp(`^/f/${SLUG}/help/(\\d+)$`).exec(res.headers.get('location') ?? '')?.[1];
		if (res.status === 303 && id) out.acknowledged.set(marker, Number(id));
		else out.refused.set(marker, res.status);
		await res.arrayBuffer().catch(() => undefined);
	}
}

type Check = {
	/** Acknowledged posts, of every round so far, missing or under another id. */
	lost: string[];
	inFlightKept: number;
	refusedKept: number;
	duplicates: number;
	/** Posts without exactly one notification per listener. */
	torn: number;
	integrity: string;
	foreignKeys: number;
	posts: number;
};

/** The database as the restarted server has it, through a read-only connection of our own. */
function inspect(flatId: number, acknowledged: Map<string, number>, round: Outcome): Check {
	const db = new Database(file, { readonly: true, fileMustExist: true });
	try {
		const posts = db.prepare('select id, title from help_posts where flat_id = ?').all(flatId) as {
			id: number;
			title: string;
		}[];
		const byTitle = new Map<string, number[]>();
		for (const p of posts) byTitle.set(p.title, [...(byTitle.get(p.title) ?? []), p.id]);
		const notes = new Map(
			(
				db
					.prepare(
						`select link, count(*) n from notifications where flat_id = ? and type = 'request_new' group by link`
					)
					.all(flatId) as { link: string; n: number }[]
			).map((r) => [r.link, r.n])
		);
		const integrity = (db.pragma('integrity_check') as { integrity_check: string }[])
			.map((r) => r.integrity_check)
			.join('; ');
		return {
			lost: [...acknowledged]
				.filter(([marker, id]) => !byTitle.get(marker)?.includes(id))
				.map(([marker]) => marker),
			inFlightKept: [...round.inFlight].filter((m) => byTitle.has(m)).length,
			refusedKept: [...round.refused.keys()].filter((m) => byTitle.has(m)).length,
			duplicates: [...byTitle.values()].filter((ids) => ids.length > 1).length,
			torn: posts.filter((p) => notes.get(`help/${p.id}`) !== LISTENERS).length,
			integrity,
			foreignKeys: (db.pragma('foreign_key_check') as unknown[]).length,
			posts: posts.length
		};
	} finally {
		db.close();
	}
}

type Round = {
	round: number;
	killAfterMs: number;
	acknowledged: number;
	inFlight: number;
	refused: Record<number, number>;
	errors: number;
	/** Pages committed but only in the -wal file, not yet checkpointed into the database file. */
	walOnly: number;
	/** Spawn to the first answer, and SIGKILL to the first answer. */
	startSeconds: number;
	killToAnswerSeconds: number;
	check: Check;
};

/**
 * Pages the dead server committed to the -wal file that no checkpoint copied into the database
 * file yet, from the wal-index in the -shm file (SQLite's walIndexHdr.mxFrame at byte 16 minus
 * WalCkptInfo.nBackfill at byte 96, in the machine's byte order). Above zero, the last
 * committed transactions were in the -wal file alone when the process died.
 */
function walOnlyPages(): number {
	if (!existsSync(`${file}-shm`)) return 0;
	const shm = readFileSync(`${file}-shm`);
	const u32 = (at: number) =>
		os.endianness() === 'LE' ? shm.readUInt32LE(at) : shm.readUInt32BE(at);
	return u32(16) - u32(96);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	const mid = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

const failed = (r: Round) =>
	r.check.lost.length > 0 ||
	r.check.integrity !== 'ok' ||
	r.check.foreignKeys > 0 ||
	r.check.torn > 0 ||
	r.check.duplicates > 0 ||
	r.check.refusedKept > 0;

async function main() {
	ensureBuild();
	// Other work shares the two cores: the reader judges the rates and times by it.
	const loadBefore = os.loadavg()[0]!;
	const { flatId, tokens } = setUp();
	const random = mulberry32(SEED);
	const acknowledged = new Map<string, number>();
	const rounds: Round[] = [];
	let problem = '';
	let server = await startServer(where);
	console.log(`server on ${server.origin}, DATA_DIR ${path.relative('.', dataDir)}`);
	try {
		for (let n = 1; n <= ROUNDS; n++) {
			const killAfterMs = Math.round(KILL_AFTER[0] + random() * (KILL_AFTER[1] - KILL_AFTER[0]));
			const out: Outcome = {
				acknowledged: new Map(),
				inFlight: new Set(),
				refused: new Map(),
				errors: 0
			};
			const state = { killed: false };
			const clients = Array.from({ length: CLIENTS }, () => client(server, tokens, state, out));
			await sleep(killAfterMs);
			state.killed = true;
			const killedAt = performance.now();
			await server.kill();
			const walOnly = walOnlyPages();
			await Promise.all(clients);
			for (const [marker, id] of out.acknowledged) acknowledged.set(marker, id);
			try {
				server = await startServer(where);
			} catch (e) {
				problem = `round ${n}: the server did not start again after the kill: ${e instanceof Error ? e.message : e}`;
				break;
			}
			const killToAnswerSeconds = (performance.now() - killedAt) / 1000;
			const check = inspect(flatId, acknowledged, out);
			const refused: Record<number, number> = {};
			for (const status of out.refused.values()) refused[status] = (refused[status] ?? 0) + 1;
			const round: Round = {
				round: n,
				killAfterMs,
				acknowledged: out.acknowledged.size,
				inFlight: out.inFlight.size,
				refused,
				errors: out.errors,
				walOnly,
				startSeconds: server.readySeconds,
				killToAnswerSeconds,
				check
			};
			rounds.push(round);
			console.log(
				`round ${n}: killed after ${killAfterMs} ms (${walOnly} pages in the WAL only), ${round.acknowledged} acknowledged, ${round.inFlight} in flight (${check.inFlightKept} kept), refused ${JSON.stringify(refused)}, ${round.errors} errors; lost ${check.lost.length}, integrity ${check.integrity}, foreign keys ${check.foreignKeys}, torn ${check.torn}; answering again ${killToAnswerSeconds.toFixed(2)} s after the kill`
			);
			if (failed(round)) console.error(`round ${n} FAILED: ${JSON.stringify(check)}`);
		}
	} finally {
		await server.stop();
	}
	await report(rounds, acknowledged.size, problem, loadBefore);
	if (problem) console.error(problem);
	if (problem || rounds.some(failed) || rounds.length < ROUNDS) process.exitCode = 1;
}

async function report(rounds: Round[], acknowledged: number, problem: string, load: number) {
	const sum = (f: (r: Round) => number) => rounds.reduce((n, r) => n + f(r), 0);
	const inFlight = sum((r) => r.inFlight);
	const kept = sum((r) => r.check.inFlightKept);
	const refused: Record<string, number> = {};
	for (const r of rounds)
		for (const [status, count] of Object.entries(r.refused))
			refused[status] = (refused[status] ?? 0) + count;
	const lost = new Set(rounds.flatMap((r) => r.check.lost));
	const bad = rounds.filter(failed);
	const last = rounds.at(-1)?.check;
	const seconds = (values: number[]) =>
		values.length ? `${median(values).toFixed(2)} / ${Math.max(...values).toFixed(2)}` : '—';
	const wal = rounds.map((r) => r.walOnly);
	await writeSection(
		'crash',
		[
			'## Crash safety (SIGKILL under write load)',
			'',
			machine(),
			`- 1-minute load average just before the run: ${load.toFixed(1)}, from other work on the same cores; the bench's server and clients add about 2 while it runs.`,
			`- \`npm run bench:crash\`: \`node build\` (a copy in .bench-data/crash/build) on 127.0.0.1:${PORT} with \`DATA_DIR=.bench-data/crash/data\`, a fresh database each run: one flat, ${RESIDENTS} residents with sessions put straight into the database, ${LISTENERS} of whom asked to hear of every request. ${CLIENTS} clients post requests through the \`/f/${SLUG}/help/new\` form action as a browser without JavaScript does, as fast as they are answered, each with a unique title, taking turns over the other residents (posting is limited to 20 an hour per account). A post is acknowledged when the answer is the 303 to the new post; its id is read from the Location.`,
			`- Each round the server process itself gets SIGKILL ${KILL_AFTER[0]}–${KILL_AFTER[1]} ms after the load began (seeded: \`CRASH_SEED=${SEED}\`, \`CRASH_ROUNDS=${ROUNDS}\`), is started again on the same files, and once it answers the bench opens the file read-only and checks every post acknowledged so far (in any round) under its id, \`PRAGMA integrity_check\`, \`PRAGMA foreign_key_check\`, that each post has its ${LISTENERS} notifications (written in the same transaction), that no title is there twice, and that nothing answered with another status was written.`,
			'',
			'| Measure | Result |',
			'| --- | ---: |',
			`| Rounds (kills) | ${rounds.length} of ${ROUNDS} |`,
			`| Acknowledged writes | ${acknowledged.toLocaleString('en')} |`,
			`| Acknowledged per second under load | ${(acknowledged / (sum((r) => r.killAfterMs) / 1000)).toFixed(0)} |`,
			`| **Acknowledged writes lost** | **${lost.size}** |`,
			`| In flight at the kill: there afterwards / not there | ${kept} / ${inFlight - kept} |`,
			`| Answered with another status (none written) | ${
				Object.keys(refused).length
					? Object.entries(refused)
							.map(([s, n]) => `${n}× ${s}`)
							.join(', ')
					: 0
			} |`,
			`| Requests failing before the kill | ${sum((r) => r.errors)} |`,
			`| \`integrity_check\` ok | ${rounds.filter((r) => r.check.integrity === 'ok').length} of ${rounds.length} |`,
			`| \`foreign_key_check\` empty | ${rounds.filter((r) => r.check.foreignKeys === 0).length} of ${rounds.length} |`,
			`| Posts without all their notifications / twice | ${sum((r) => r.check.torn)} / ${sum((r) => r.check.duplicates)} |`,
			`| Posts in the database at the end | ${(last?.posts ?? 0).toLocaleString('en')} |`,
			`| Kills with committed pages in the -wal file only | ${wal.filter((p) => p > 0).length} of ${rounds.length} (median ${wal.length ? median(wal) : 0} pages) |`,
			`| Start to first answer, median / max | ${seconds(rounds.map((r) => r.startSeconds))} s |`,
			`| SIGKILL to answering again, median / max | ${seconds(rounds.map((r) => r.killToAnswerSeconds))} s |`,
			'',
			problem
				? `**Stopped early:** ${problem.split('\n')[0]}`
				: bad.length
					? `**Failed in rounds ${bad.map((r) => r.round).join(', ')}.**`
					: `No round failed.`,
			'',
			"What this shows and what it does not: the server opens SQLite with `journal_mode = WAL` and `synchronous = NORMAL` (src/lib/server/db/index.ts). A commit then appends to the -wal file without waiting for the disk, and a checkpoint copies the -wal file into the database file once it passes 1000 pages (SQLite's default; the app does not change it). A process that dies (SIGKILL, the out-of-memory killer, a crash in Node) does not take the operating system and its file cache with it, so the next start reads every committed transaction back from the -wal file. At most kills above, acknowledged posts were in the -wal file alone (read from the -shm wal-index of the dead server), so the restart had to recover them. For this app the bench shows that an answer is sent only after its transaction committed, that a post and its notifications are written all or nothing, and that the server starts again on the files a killed one left. It does not simulate power loss or a kernel crash: with `synchronous = NORMAL` the last transactions before such an outage can roll back (the file stays consistent; SQLite documents this trade for WAL mode), and only `synchronous = FULL` would keep them. A disk that lies about flushing, or a full disk, is not tested either."
		].join('\n')
	);
}

await main();
