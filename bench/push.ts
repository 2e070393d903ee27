// `npm run bench:push`: a new activity in a 400-household flat where 300 neighbours get
// activities as a push. Timed from `calendar.create` until the local push service has
// decrypted all 300, with real VAPID signatures and RFC 8291 encryption on the bench database.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { openDatabase } from '../src/lib/server/db';
import * as calendar from '../src/lib/server/calendar';
import * as prefs from '../src/lib/server/notify/prefs';
import * as push from '../src/lib/server/push';
import { addDays, localDate } from '../src/lib/server/time';
import { PUSH_CERT, startPushService } from '../tests/push-service';
import { benchDir, machine, readBench, writeSection } from './common';

const DEVICES = 300;
const ROUNDS = 3;
/** The second 400-household flat: the server bench keeps the first one to itself. */
const FLAT_SLUG = 'groot-02';

type Round = { createMs: number; deliverMs: number; totalMs: number; received: number; ok: number };

async function main() {
	// The local push service is on 127.0.0.1, which the app refuses in production.
	process.env.PUSH_ALLOW_PRIVATE_ADDRESSES = '1';
	const info = readBench();
	// The VAPID key pair is kept with the bench database, as the app keeps it with its data.
	process.env.DATA_DIR = benchDir();
	const db = openDatabase(path.join(benchDir(), 'burenbord.db'));
	const flat = db.$client
		.prepare(
			`select id, slug, time_zone as timeZone, resident_activities as residentActivities from flats where slug = ?`
		)
		.get(FLAT_SLUG) as calendar.FlatRef & { slug: string };
	const people = db.$client
		.prepare(
			`select id, user_id as userId, role, quiet_start as quietStart, quiet_end as quietEnd
			 from memberships where flat_id = ? and status = 'active' order by id`
		)
		.all(flat.id) as {
		id: number;
		userId: number;
		role: string;
		quietStart: string | null;
		quietEnd: string | null;
	}[];
	const verbinder = people.find((p) => p.role === 'verbinder')!;
	const receivers = people.filter((p) => p.role === 'resident').slice(0, DEVICES);
	if (receivers.length < DEVICES)
		throw new Error(`only ${receivers.length} residents in ${FLAT_SLUG}`);

	const service = await startPushService();
	// As production sends (an agent of its own with keep-alive), trusting the service's certificate.
	const send = push.webPushSender({ ca: readFileSync(PUSH_CERT, 'utf8') });
	const rounds: Round[] = [];
	const subscriptions: number[] = [];
	try {
		// Each of them has one phone, wants activities as a push, and has no quiet hours.
		for (const [i, p] of receivers.entries()) {
			subscriptions.push(
				push.subscribe(db, p.userId, service.newSubscription(`bench-${i}`), 'bench').id
			);
			prefs.save(db, p.id, { activities: 'push' }, null);
		}
		const today = localDate(new Date(), flat.timeZone);
		for (let round = 0; round < ROUNDS; round++) {
			const before = service.received.length;
			const t0 = performance.now();
			const activity = calendar.create(
				db,
				flat,
				{ userId: verbinder.userId, role: 'verbinder' },
				{
					title: `Bench-activiteit ${round + 1}`,
					description: 'Koffie en taart in de Buurtkamer.',
					place: 'Buurtkamer',
					startDate: addDays(today, 7 + round),
					startTime: '10:00',
					endTime: '12:00',
					recurrence: 'none',
					untilDate: null,
					count: null,
					capacity: null,
					helpersWanted: 0
				}
			);
			const t1 = performance.now();
			// What the push worker does after a kick: deliver until nothing more is due.
			for (let idle = 0; service.received.length - before < DEVICES && idle < 5;) {
				const done = await push.deliver(db, send, new Date());
				idle = done.sent + done.retried + done.failed + done.removed === 0 ? idle + 1 : 0;
			}
			const t2 = performance.now();
			const got = service.received.slice(before);
			rounds.push({
				createMs: t1 - t0,
				deliverMs: t2 - t1,
				totalMs: t2 - t0,
				received: got.length,
				ok: got.filter((r) => r.ok && r.payload?.includes(activity.title)).length
			});
			console.log(rounds.at(-1));
			db.$client
				.prepare(`delete from notifications where flat_id = ? and link = ?`)
				.run(flat.id, calendar.activityLink(activity.id));
			db.$client.prepare(`delete from activities where id = ?`).run(activity.id);
		}
	} finally {
		// Leaves the bench database as the seed made it.
		for (const id of subscriptions)
			db.$client.prepare(`delete from push_subscriptions where id = ?`).run(id);
		for (const p of receivers) {
			db.$client.prepare(`delete from notification_prefs where membership_id = ?`).run(p.id);
			db.$client
				.prepare(`update memberships set quiet_start = ?, quiet_end = ? where id = ?`)
				.run(p.quietStart, p.quietEnd, p.id);
		}
		await service.close();
		db.$client.close();
	}

	const median = (pick: (r: Round) => number) => {
		const sorted = rounds.map(pick).sort((a, b) => a - b);
		return sorted[Math.floor(sorted.length / 2)]!;
	};
	const ms = (n: number) => `${n.toFixed(0)} ms`;
	await writeSection(
		'push',
		[
			'## Push fan-out',
			'',
			machine(info),
			`- \`npm run bench:push\`: a verbinder adds an activity in \`${FLAT_SLUG}\` (400 households); ${DEVICES} residents have one device each, chose activities as a push and have no quiet hours. Timed from \`calendar.create\` (notifications for the flat and ${DEVICES} outbox rows, one transaction) until the local push service (tests/push-service.ts, HTTPS on 127.0.0.1) has checked the VAPID signature and decrypted all ${DEVICES}. Delivery is the app's own \`deliver\` with \`webPushSender()\` as production runs it (its own https agent with keep-alive, here trusting the test service's certificate and allowing its address on 127.0.0.1, which production refuses): batches of 200, 8 devices side by side. ${ROUNDS} rounds, median:`,
			'',
			'| Step | Median | Rounds |',
			'| --- | ---: | --- |',
			`| \`calendar.create\` (fan-out into the outbox) | ${ms(median((r) => r.createMs))} | ${rounds.map((r) => ms(r.createMs)).join(', ')} |`,
			`| Delivery until all ${DEVICES} received | ${ms(median((r) => r.deliverMs))} | ${rounds.map((r) => ms(r.deliverMs)).join(', ')} |`,
			`| Total | ${ms(median((r) => r.totalMs))} | ${rounds.map((r) => ms(r.totalMs)).join(', ')} |`,
			`| Pushes per second | ${(DEVICES / (median((r) => r.deliverMs) / 1000)).toFixed(0)} | |`,
			'',
			`Received and decrypted correctly: ${rounds.map((r) => `${r.ok}/${r.received}`).join(', ')} of ${DEVICES}. The push service runs in the same process as the sender here, so its decryption shares the 2 cores; a real push service is elsewhere, and the network's round trips come on top.`
		].join('\n')
	);
}

await main();
