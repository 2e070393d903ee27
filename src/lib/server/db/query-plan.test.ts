import { beforeAll, describe, expect, it } from 'vitest';
import type { Statement } from 'better-sqlite3';
import * as balance from '../balance';
import * as calendar from '../calendar';
import * as ical from '../calendar/ical';
import * as flats from '../flats';
import * as help from '../help';
import * as members from '../members';
import * as moderation from '../moderation';
import * as notify from '../notify';
import * as notices from '../notices';
import * as figures from '../figures';
import * as summary from '../summary';
import * as session from '../auth/session';
import * as welcome from '../welcome';
import { request } from '../../../../tests/unit/fixtures';
import { deliver } from '../push';
import { hashToken } from '../auth/tokens';
import { testDb } from '../../../../tests/unit/test-db';

// The pages everyone opens many times a day must not read a whole table, at any size. The
// SQL is taken from the real domain functions as they run, so a change to a query is checked
// without anyone copying it here; each statement is then asked for its plan twice: with the
// statistics of this small database, and with those of the national bench database
// (`npm run bench:seed`), where the planner's choices are the ones production would make.

/** Tables that grow with the number of households; a plain SCAN of one is a bug. */
const LARGE = new Set([
	'help_posts',
	'help_responses',
	'help_messages',
	'help_records',
	'notifications',
	'memberships',
	'users',
	'activities',
	'activity_rsvps',
	'push_outbox',
	'notices',
	'notice_seen',
	'help_suggestions',
	'activity_polls',
	'activity_poll_options',
	'activity_poll_votes',
	'summary_rounds'
]);

/**
 * sqlite_stat1 of the bench database at scale 1 (1,000,000 households in 10,000 flats). The
 * seed makes no devices, sessions, blocks or choices: those rows are estimates of the same
 * country (half the households with a phone that takes pushes, a year of sent pushes kept).
 */
const NATIONAL_STATS: [table: string, index: string | null, stat: string][] = [
	['activities', 'activities_flat', '50000 5 5 1'],
	['activity_rsvps', 'activity_rsvps_member', '624897 19 6 1'],
	['activity_rsvps', 'activity_rsvps_occurrence', '624897 14533'],
	['activity_rsvps', 'activity_rsvps_user', '624897 2'],
	['flats', 'flats_join_code_unique', '10000 1'],
	['flats', 'flats_slug_unique', '10000 1'],
	['greetings', 'greetings_flat', '14960 2 1'],
	['greetings', 'greetings_member', '14960 2 1'],
	['help_messages', 'help_messages_post', '675895 3 1'],
	['help_posts', 'help_posts_author', '1000001 2 1'],
	['help_posts', 'help_posts_board', '1000001 101 25 1'],
	['help_posts', 'help_posts_expiry', '1000001 200001 2'],
	['help_records', 'help_records_activity', '336910 33 18 2'],
	['help_records', 'help_records_flat', '336910 34 1'],
	['help_records', 'help_records_giver', '336910 2 1'],
	['help_records', 'help_records_post', '336910 1'],
	['help_records', 'help_records_receiver', '336910 2 1'],
	['help_responses', 'help_responses_post_user', '1329923 2 1'],
	['memberships', 'memberships_flat_user', '1000000 100 1'],
	['memberships', 'memberships_user', '1000000 1'],
	['notifications', 'notifications_user', '2501774 4 1'],
	['users', null, '1000000'],
	['sessions', 'sessions_user', '1000000 2'],
	['sessions', 'sqlite_autoindex_sessions_1', '1000000 1'],
	['blocks', 'blocks_pair', '20000 2 2 1'],
	['blocks', 'blocks_blocked', '20000 2 2'],
	['notification_prefs', 'sqlite_autoindex_notification_prefs_1', '2000000 4 1'],
	['push_subscriptions', 'push_subscriptions_user', '500000 1'],
	['push_subscriptions', 'push_subscriptions_endpoint_unique', '500000 1'],
	['push_outbox', 'push_outbox_due', '5000000 2500000 2'],
	['push_outbox', 'push_outbox_thread', '5000000 10 2 1']
];

type Captured = { sql: string; params: unknown[] };

const FLATS = 20;
const PER_FLAT = 200;
const NOW = Date.UTC(2027, 2, 10, 12);
const DAY = 86_400_000;

const STATUSES = [
	'closed',
	'done',
	'closed',
	'closed',
	'done',
	'closed',
	'closed',
	'done',
	'accepted',
	'open'
];
/** Every flat gets posts in every state. */
const statusOf = (i: number) => STATUSES[Math.floor(i / FLATS) % STATUSES.length]!;

/** A few thousand rows in every large table, shaped like the real thing (many flats, few open). */
function fill(sqlite: ReturnType<typeof testDb>['$client']) {
	const run = (sql: string, rows: unknown[][]) => {
		const stmt = sqlite.prepare(sql);
		for (const row of rows) stmt.run(...row);
	};
	const range = (n: number) => Array.from({ length: n }, (_, i) => i);
	const userOf = (flat: number, k: number) => (flat - 1) * PER_FLAT + 1 + (k % PER_FLAT);
	sqlite.transaction(() => {
		run(
			`insert into flats (id, slug, name, time_zone, join_code) values (?, ?, ?, 'Europe/Amsterdam', ?)`,
			range(FLATS).map((i) => [i + 1, `flat-${i + 1}`, `Flat ${i + 1}`, `CODE${i + 1}`])
		);
		run(
			`insert into users (id, name, name_key, password_hash) values (?, ?, ?, 'x')`,
			range(FLATS * PER_FLAT).map((i) => [i + 1, `Buur ${i + 1}`, `buur ${i + 1}`])
		);
		run(
			`insert into memberships (flat_id, user_id, role, notify_matches, talents) values (?, ?, ?, ?, ?)`,
			range(FLATS * PER_FLAT).map((i) => [
				Math.floor(i / PER_FLAT) + 1,
				i + 1,
				i % PER_FLAT < 2 ? 'verbinder' : 'resident',
				i % 10 === 0 ? 1 : 0,
				i % 10 === 0 ? '["errands"]' : '[]'
			])
		);
		run(
			`insert into help_posts (id, flat_id, author_id, type, category, title, "when", status, expires_at, created_at)
			 values (?, ?, ?, ?, 'errands', 'Boodschappen', 'flexible', ?, ?, ?)`,
			range(8000).map((i) => {
				const flat = (i % FLATS) + 1;
				const created = NOW - (8000 - i) * 3_600_000;
				return [
					i + 1,
					flat,
					userOf(flat, i * 7),
					i % 3 ? 'request' : 'offer',
					statusOf(i),
					created + 14 * DAY,
					created
				];
			})
		);
		run(
			`insert into help_responses (post_id, user_id, status) values (?, ?, ?)`,
			range(8000).map((i) => [
				i + 1,
				userOf((i % FLATS) + 1, i * 7 + 1),
				statusOf(i) === 'accepted' ? 'accepted' : 'waiting'
			])
		);
		run(
			`insert into help_messages (post_id, author_id, body, created_at) values (?, ?, 'Tot zo', ?)`,
			range(6000).map((i) => [(i % 8000) + 1, userOf((i % FLATS) + 1, i * 7), NOW - i * 60_000])
		);
		run(
			`insert into help_records (flat_id, post_id, giver_id, receiver_id, completed_at) values (?, ?, ?, ?, ?)`,
			range(8000)
				.filter((i) => statusOf(i) === 'done')
				.map((i) => {
					const flat = (i % FLATS) + 1;
					return [
						flat,
						i + 1,
						userOf(flat, i * 7 + 1),
						userOf(flat, i * 7),
						NOW - (8000 - i) * 3_600_000
					];
				})
		);
		run(
			`insert into activities (id, flat_id, author_id, title, place, start_date, start_time, end_time, recurrence, status)
			 values (?, ?, ?, 'Koffie', 'Buurtkamer', ?, '10:00', '12:00', ?, 'published')`,
			range(400).map((i) => {
				const flat = (i % FLATS) + 1;
				return [
					i + 1,
					flat,
					userOf(flat, 0),
					i % 4 ? '2026-06-01' : '2027-03-12',
					i % 4 ? 'weekly' : 'none'
				];
			})
		);
		run(
			`insert or ignore into activity_rsvps (activity_id, occurrence, user_id, kind) values (?, ?, ?, 'coming')`,
			range(6000).map((i) => {
				const activity = (i % 400) + 1;
				return [
					activity,
					`2027-03-${String(10 + (i % 15)).padStart(2, '0')}`,
					userOf(((activity - 1) % FLATS) + 1, i)
				];
			})
		);
		run(
			`insert into notifications (flat_id, user_id, type, link, params, created_at, read_at) values (?, ?, 'response_new', 'help/1', '{}', ?, ?)`,
			range(16000).map((i) => {
				const user = (i % (FLATS * PER_FLAT)) + 1;
				return [Math.floor((user - 1) / PER_FLAT) + 1, user, NOW - i * 60_000, i % 5 ? NOW : null];
			})
		);
		run(
			`insert into push_subscriptions (id, user_id, endpoint, p256dh, auth) values (?, ?, ?, 'k', 'a')`,
			range(600).map((i) => [i + 1, i * 5 + 1, `https://push.example/${i}`])
		);
		run(
			`insert into push_outbox (subscription_id, user_id, flat_id, thread, payload, not_before, status, created_at)
			 values (?, ?, ?, ?, '{"title":"t","body":"b","url":"/","tag":"t"}', ?, ?, ?)`,
			range(6000).map((i) => {
				const sub = (i % 600) + 1;
				const user = (sub - 1) * 5 + 1;
				return [
					sub,
					user,
					Math.floor((user - 1) / PER_FLAT) + 1,
					`1:help/${i}`,
					NOW - i * 1000,
					i % 50 ? 'sent' : 'pending',
					NOW - i * 1000
				];
			})
		);
	})();
	sqlite.exec('ANALYZE');
}

/** Runs the domain functions of the hot paths and keeps every statement they prepare. */
async function hotPaths() {
	const db = testDb();
	fill(db.$client);
	const captured = new Map<string, Captured[]>();
	const original = db.$client.prepare.bind(db.$client);
	let current: Captured[] | undefined;
	// Statements are kept and queries built once, so a statement is recorded when it runs,
	// whichever path prepared it first.
	const wrapped = new WeakSet<Statement>();
	db.$client.prepare = ((source: string) => {
		const stmt = original(source) as Statement;
		if (wrapped.has(stmt)) return stmt;
		wrapped.add(stmt);
		for (const method of ['all', 'get', 'run', 'iterate'] as const) {
			const call = stmt[method].bind(stmt) as (...params: unknown[]) => unknown;
			(stmt as unknown as Record<string, unknown>)[method] = (...params: unknown[]) => {
				current?.push({ sql: source, params });
				return call(...params);
			};
		}
		return stmt;
	}) as typeof db.$client.prepare;
	const path = async (name: string, work: () => unknown) => {
		current = [];
		captured.set(name, current);
		await work();
		current = undefined;
	};

	const flat = flats.bySlug(db, 'flat-3')!;
	const userId = (flat.id - 1) * PER_FLAT + 5;
	const neighbour = userId + 1;
	moderation.block(db, flat.id, userId, userId + 2);
	const now = new Date(NOW);
	const token = 'bench-token';
	db.$client
		.prepare(`insert into sessions (id, user_id, expires_at) values (?, ?, ?)`)
		.run(hashToken(token), userId, NOW + 20 * DAY);
	const feedToken = ical.createFeed(db, flat.id, userId);
	const someone = (flat.id - 1) * PER_FLAT + 1;
	const post = db.$client
		.prepare(
			`select id, author_id as authorId from help_posts where flat_id = ? and status = 'accepted' limit 1`
		)
		.get(flat.id) as { id: number; authorId: number };

	await path('session (every request)', () => session.validate(db, token, now));
	await path('membership guard', () => {
		const found = flats.bySlug(db, flat.slug)!;
		members.membership(db, found.id, userId);
	});
	await path('board', () => {
		help.board(db, flat.id, userId, {});
		help.board(db, flat.id, userId, { type: 'request', category: 'errands', page: 2 });
		help.board(db, flat.id, userId, { mine: true });
		welcome.recentGreetings(db, flat.id, { viewer: userId, now });
		balance.forMember(db, flat.id, userId, now);
		balance.flatThisMonth(db, flat, now);
	});
	await path('balance.forMembers', () =>
		balance.forMembers(db, flat.id, [userId, neighbour, neighbour + 1], now)
	);
	await path('calendar agenda', () =>
		calendar.agenda(db, flat, '2027-03-10', '2027-04-06', userId)
	);
	await path('notifications', () => {
		notify.list(db, flat.id, userId);
		notify.unreadCount(db, flat.id, userId);
	});
	await path('post page', () => help.view(db, flat.id, post.id, post.authorId));
	await path('post a request', () =>
		help.create(
			db,
			flat,
			{ userId: neighbour, role: 'resident' },
			request('Wie haalt mijn pakje op?'),
			now
		)
	);
	await path('new activity for the whole flat', () =>
		calendar.create(
			db,
			{ ...flat, residentActivities: 'publish' },
			{ userId: someone, role: 'verbinder' },
			{
				title: 'Repair café',
				description: '',
				place: 'Buurtkamer',
				startDate: '2027-03-20',
				startTime: '10:00',
				endTime: '12:00',
				recurrence: 'none',
				untilDate: null,
				count: null,
				capacity: null,
				helpersWanted: 0
			},
			now
		)
	);
	await path('calendar feed', () => {
		if (ical.memberForFeed(db, flat.id, feedToken) === undefined) throw new Error('no feed');
		ical.feed(db, flat, now);
	});
	await path('push outbox due rows', () =>
		deliver(db, async () => ({ status: 201, headers: {} }), now)
	);
	await path('lost and found on the board', () =>
		help.board(db, flat.id, userId, { type: 'lost_found' })
	);
	const membershipId = members.membership(db, flat.id, userId)!.id;
	const noticeId = notices.create(
		db,
		flat,
		someone,
		{
			kind: 'maintenance',
			validFrom: '2027-03-10',
			validUntil: '2027-03-20',
			texts: [{ locale: 'nl', title: 'De lift is kapot', body: '' }]
		},
		now
	);
	await path('notices on the board', () => {
		const shown = notices.current(db, flat, 'nl', now);
		notices.markSeen(
			db,
			membershipId,
			shown.map((n) => n.id),
			now
		);
		notices.seenCounts(db, flat.id, [noticeId]);
	});
	await path('weekly summary of a flat', () => {
		const reader = { userId, role: 'resident' as const };
		summary.current(db, flat, reader, 'nl', now);
		summary.tick(db, now);
	});
	await path('requests waiting for a neighbour', () => {
		help.waiting(db, flat, someone, now);
		help.waitingTick(db, now);
	});
	const open = db.$client
		.prepare(
			`select id from help_posts where flat_id = ? and status = 'open' and type = 'request' limit 1`
		)
		.pluck()
		.get(flat.id) as number;
	await path('suggest a neighbour', () =>
		help.candidates(db, flat, { userId: someone, role: 'verbinder' }, open)
	);
	const publishing = { ...flat, residentActivities: 'publish' as const };
	const verbinder = { userId: someone, role: 'verbinder' as const };
	const pollId = calendar.createPoll(
		db,
		publishing,
		verbinder,
		{
			title: 'Lunch',
			description: '',
			place: 'Buurtkamer',
			options: [
				{ date: '2027-03-20', startTime: '12:00', endTime: '13:00' },
				{ date: '2027-03-21', startTime: '12:00', endTime: '13:00' }
			]
		},
		now
	);
	const resident = { userId, role: 'resident' as const };
	const optionIds = calendar.pollOptions(db, pollId, resident).map((o) => o.id);
	await path('figures page', () => figures.forFlat(db, flat, now));
	await path('date poll', () => {
		calendar.pollView(db, flat.id, pollId, resident);
		calendar.openPolls(db, flat.id);
		calendar.vote(db, flat.id, pollId, resident, optionIds, now);
		calendar.decide(db, publishing, pollId, optionIds[0]!, verbinder, now);
		calendar.closePolls(db, now);
	});
	return { db, captured };
}

/** The plan's lines that read a large table from end to end. */
function fullScans(sqlite: ReturnType<typeof testDb>['$client'], { sql, params }: Captured) {
	const plan = sqlite.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[];
	return {
		plan: plan.map((p) => p.detail),
		scans: plan
			.map((p) => p.detail)
			.filter((d) => {
				const table = /^SCAN (?:TABLE )?(\w+)/.exec(d)?.[1];
				return !!table && LARGE.has(table) && !/USING (COVERING )?INDEX/.test(d);
			})
	};
}

const explained = (s: string) => /^\s*(select|update|delete|insert|with)\b/i.test(s);

describe('query plans of the hot paths', () => {
	let result: Awaited<ReturnType<typeof hotPaths>>;
	beforeAll(async () => {
		result = await hotPaths();
	});

	it('tells a whole-table read from an index search', () => {
		const sqlite = result.db.$client;
		const scan = { sql: 'select id from notifications where link = ?', params: ['help/1'] };
		const search = { sql: 'select id from notifications where user_id = ?', params: [1] };
		expect(fullScans(sqlite, scan).scans).toHaveLength(1);
		expect(fullScans(sqlite, search).scans).toEqual([]);
	});

	it('captures the statements of every hot path', () => {
		for (const [name, statements] of result.captured)
			expect(statements.filter((s) => explained(s.sql)).length, name).toBeGreaterThan(0);
	});

	for (const stats of ['this database', 'the national bench database'] as const)
		it(`reads no large table whole, with the statistics of ${stats}`, () => {
			const sqlite = result.db.$client;
			if (stats === 'the national bench database') {
				if (NATIONAL_STATS.length === 0) return;
				sqlite.exec('DELETE FROM sqlite_stat1');
				sqlite.exec('DELETE FROM sqlite_stat4');
				const put = sqlite.prepare('INSERT INTO sqlite_stat1 (tbl, idx, stat) VALUES (?, ?, ?)');
				for (const row of NATIONAL_STATS) put.run(...row);
				// Makes the planner read the statistics again.
				sqlite.exec('ANALYZE sqlite_schema');
			}
			const problems: string[] = [];
			for (const [name, statements] of result.captured)
				for (const statement of statements.filter((s) => explained(s.sql))) {
					const { plan, scans } = fullScans(sqlite, statement);
					if (scans.length) problems.push(`${name}: ${statement.sql}\n    ${plan.join('\n    ')}`);
				}
			expect(problems, problems.join('\n\n')).toEqual([]);
		});
});
