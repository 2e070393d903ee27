// `npm run bench:seed`: a database the size of a national roll-out, for the benchmarks.
// 10,000 flats, a million households, three years of help and a calendar in every flat, made
// in minutes with raw prepared statements in large transactions. The same seed and the same
// day give the same data (BENCH_SEED, BENCH_NOW); BENCH_SCALE=0.1 makes a tenth of it.
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { openDatabase } from '../src/lib/server/db';
import { hashPassword } from '../src/lib/server/auth/password';
import { hashToken } from '../src/lib/server/auth/tokens';
import * as recurrence from '../src/lib/server/calendar/recurrence';
import * as privacy from '../src/lib/server/privacy';
import * as socialmap from '../src/lib/server/socialmap';
import { HELP_CATEGORIES } from '../src/lib/help';
import type { Recurrence } from '../src/lib/calendar';
import { addDays } from '../src/lib/server/time';
import { nameKey, nameSkeleton } from '../src/lib/server/members/name';
import { benchDir, BENCH_PASSWORD, mulberry32, type BenchInfo } from './common';

const SCALE = Number(process.env.BENCH_SCALE ?? 1);
if (!(SCALE > 0 && SCALE <= 1)) throw new Error('BENCH_SCALE must be above 0 and at most 1');
const SEED = Number(process.env.BENCH_SEED ?? 20261121);

const DAY = 24 * 60 * 60 * 1000;
/** Midnight UTC today (or BENCH_NOW): open posts must still be open when the server starts. */
const NOW = process.env.BENCH_NOW
	? Date.parse(process.env.BENCH_NOW)
	: Math.floor(Date.now() / DAY) * DAY;
const TODAY = new Date(NOW).toISOString().slice(0, 10);
const SPAN = 3 * 365 * DAY;

const FLATS = Math.round(10_000 * SCALE);
const HOUSEHOLDS = Math.round(1_000_000 * SCALE);
const POSTS = Math.round(1_000_000 * SCALE);
const ACTIVITIES = Math.round(50_000 * SCALE);
/** The big flats keep their size at every scale: the bench flat is always a 400-household one. */
const BIG_FLATS = 10;
const BIG = 400;
const NOTIFICATIONS_PER_MEMBER = 2.5;
const BATCH_FLATS = 50;
/** What the counts in bench.json name. */
const TABLES = {
	flats: 'flats',
	users: 'users',
	posts: 'help_posts',
	responses: 'help_responses',
	messages: 'help_messages',
	records: 'help_records',
	activities: 'activities',
	rsvps: 'activity_rsvps',
	notifications: 'notifications'
};

const random = mulberry32(SEED);
const int = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
const chance = (p: number) => random() < p;

const FIRST = [
	'Ans',
	'Kees',
	'Mo',
	'Samira',
	'Fatima',
	'Henk',
	'Ingrid',
	'Youssef',
	'Els',
	'Priya',
	'Bram',
	'Noor',
	'Joop',
	'Aisha',
	'Wim',
	'Lotte',
	'Ahmed',
	'Ria',
	'Daan',
	'Sevda',
	'Gerrit',
	'Mila',
	'Kofi',
	'Tineke',
	'Omar',
	'Jan',
	'Yara',
	'Piet',
	'Leyla',
	'Ruud'
];
const TITLES = {
	request: [
		'Wie kan mijn planten water geven?',
		'Hulp bij een brief van de gemeente',
		'Boodschappen meenemen',
		'Kat voeren dit weekend',
		'Wie heeft een boormachine?',
		'Kliko aan de straat zetten',
		'Even samen een kop koffie?',
		'Lamp vervangen in de gang'
	],
	offer: [
		'Ik leen mijn ladder uit',
		'Ik doe boodschappen op zaterdag',
		'Ik help met formulieren',
		'Ik pas op uw huisdier',
		'Gereedschap te leen',
		'Samen wandelen in het park'
	]
};
const ACTIVITY_TITLES = [
	'Koffieochtend',
	'Repair café',
	'Samen koken',
	'Taalcafé',
	'Spelletjesmiddag',
	'Breiclub',
	'Buurtlunch',
	'Wandelgroep',
	'Huiswerkhulp',
	'Klusochtend'
];
const PLACES = ['Buurtkamer', 'Hal beneden', 'Binnentuin'];
const MESSAGES = [
	'Dank je, morgen om tien uur?',
	'Prima, ik bel aan.',
	'Lukt het ook later?',
	'Tot straks!',
	'Ik heb de sleutel bij de buren gelegd.',
	'Graag gedaan.'
];
const NOTIFY_TYPES = [
	'response_new',
	'response_accepted',
	'message_new',
	'done_confirmed',
	'activity_new',
	'activity_reminder',
	'request_match',
	'post_expiring'
] as const;

/** A join code per flat, unique by construction (the flat's number in the poster alphabet). */
function joinCode(n: number): string {
	const alphabet = '23456789ABCDEFGHJKMNPQRSTWXYZ';
	let out = '';
	let x = n + 29 ** 5;
	while (x > 0) {
		out = alphabet[x % 29] + out;
		x = Math.floor(x / 29);
	}
	return out.padStart(8, 'B');
}

/** Households per flat: a few of 400, most of 50 to 150, adding up to the total exactly. */
function flatSizes(): number[] {
	const sizes = Array.from({ length: FLATS }, (_, i) => (i < BIG_FLATS ? BIG : int(50, 150)));
	let diff = HOUSEHOLDS - sizes.reduce((a, b) => a + b, 0);
	for (let i = BIG_FLATS; diff !== 0; i = i + 1 < FLATS ? i + 1 : BIG_FLATS) {
		const step = Math.sign(diff);
		const next = sizes[i]! + step;
		if (next < 50 || next > 150) continue;
		sizes[i] = next;
		diff -= step;
	}
	return sizes;
}

async function main() {
	const started = Date.now();
	const dir = benchDir();
	const file = path.join(dir, 'burenbord.db');
	for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
	// The project's own migrations make the schema, indexes included.
	const db = openDatabase(file);
	const sqlite = db.$client;
	sqlite.pragma('journal_mode = WAL');
	sqlite.pragma('synchronous = OFF');
	sqlite.pragma('foreign_keys = OFF');
	sqlite.pragma('cache_size = -2000000');
	sqlite.pragma('temp_store = MEMORY');

	const passwordHash = await hashPassword(BENCH_PASSWORD);
	const sizes = flatSizes();
	const totalMembers = sizes.reduce((a, b) => a + b, 0);

	const insert = {
		flat: sqlite.prepare(
			`insert into flats (id, slug, name, time_zone, join_mode, join_code, places, resident_activities, created_at)
			 values (?, ?, ?, 'Europe/Amsterdam', 'open', ?, '["Buurtkamer","Hal beneden","Binnentuin"]', 'propose', ?)`
		),
		user: sqlite.prepare(
			`insert into users (id, name, name_key, name_skeleton, password_hash, locale, is_admin, created_at)
			 values (?, ?, ?, ?, ?, ?, 0, ?)`
		),
		membership: sqlite.prepare(
			`insert into memberships (id, flat_id, user_id, role, status, house_number, talents, tags, languages,
			   notify_matches, show_balance, welcome_done, quiet_start, quiet_end, created_at)
			 values (?, ?, ?, ?, 'active', ?, ?, '[]', ?, ?, ?, 1, ?, ?, ?)`
		),
		post: sqlite.prepare(
			`insert into help_posts (id, flat_id, author_id, type, category, title, description, "when", start_date, end_date,
			   anonymous, status, expires_at, extended, reminder_sent_at, done_marked_by, done_marked_at, closed_at, hidden, created_at)
			 values (?, ?, ?, ?, ?, ?, ?, ?, ?, null, ?, ?, ?, 0, ?, ?, ?, ?, ?, ?)`
		),
		response: sqlite.prepare(
			`insert into help_responses (post_id, user_id, message, status, created_at) values (?, ?, ?, ?, ?)`
		),
		message: sqlite.prepare(
			`insert into help_messages (post_id, author_id, body, hidden, created_at) values (?, ?, ?, 0, ?)`
		),
		record: sqlite.prepare(
			`insert into help_records (flat_id, post_id, giver_id, receiver_id, activity_id, occurrence, thanks, completed_at)
			 values (?, ?, ?, ?, ?, ?, ?, ?)`
		),
		activity: sqlite.prepare(
			`insert into activities (id, flat_id, author_id, title, description, place, start_date, start_time, end_time,
			   recurrence, until_date, count, capacity, helpers_wanted, status, sequence, created_at, updated_at)
			 values (?, ?, ?, ?, '', ?, ?, ?, ?, ?, ?, null, ?, ?, ?, 0, ?, ?)`
		),
		rsvp: sqlite.prepare(
			`insert or ignore into activity_rsvps (activity_id, occurrence, user_id, kind, guests, waiting, created_at)
			 values (?, ?, ?, ?, ?, 0, ?)`
		),
		reminder: sqlite.prepare(
			`insert or ignore into activity_reminders (activity_id, occurrence, sent_at) values (?, ?, ?)`
		),
		notification: sqlite.prepare(
			`insert into notifications (flat_id, user_id, type, link, params, created_at, read_at) values (?, ?, ?, ?, ?, ?, ?)`
		),
		greeting: sqlite.prepare(
			`insert into greetings (flat_id, user_id, body, created_at) values (?, ?, ?, ?)`
		)
	};

	const counts = {
		flats: 0,
		users: 0,
		posts: 0,
		responses: 0,
		messages: 0,
		records: 0,
		activities: 0,
		rsvps: 0,
		notifications: 0
	};
	let firstUser = 1;
	let postId = 1;
	let activityId = 1;
	let postsDue = 0;
	let activitiesDue = 0;

	const seedFlat = (f: number) => {
		const flatId = f + 1;
		const size = sizes[f]!;
		const users0 = firstUser;
		firstUser += size;
		const member = () => users0 + int(0, size - 1);
		const other = (not: number) => {
			for (;;) {
				const u = member();
				if (u !== not) return u;
			}
		};
		const flatCreated = NOW - SPAN - int(0, 60) * DAY;
		insert.flat.run(
			flatId,
			f < BIG_FLATS ? `groot-${String(flatId).padStart(2, '0')}` : `flat-${flatId}`,
			f < BIG_FLATS ? `De Hoge Hof ${flatId}` : `Flat ${flatId}`,
			joinCode(flatId),
			flatCreated
		);
		socialmap.addDefaults(db, flatId);

		for (let i = 0; i < size; i++) {
			const userId = users0 + i;
			const bench = f === 0 && i === 2;
			const name = bench ? 'Bench Buur' : `${FIRST[(userId * 7) % FIRST.length]} ${i + 1}`;
			const locale = chance(0.8) ? 'nl' : chance(0.5) ? 'en' : 'ar';
			const created = flatCreated + Math.floor(random() * (NOW - flatCreated));
			insert.user.run(
				userId,
				name,
				nameKey(name),
				nameSkeleton(name),
				passwordHash,
				bench ? 'nl' : locale,
				created
			);
			const talents = chance(0.3)
				? JSON.stringify([...new Set([pick(HELP_CATEGORIES), pick(HELP_CATEGORIES)])])
				: '[]';
			insert.membership.run(
				userId,
				flatId,
				userId,
				i < 2 ? 'verbinder' : chance(0.01) ? 'professional' : 'resident',
				String(int(1, 400)),
				talents,
				locale === 'ar' ? '["Arabisch"]' : '[]',
				talents !== '[]' && chance(0.3) ? 1 : 0,
				chance(0.2) ? 1 : 0,
				chance(0.9) ? '22:00' : null,
				'08:00',
				created
			);
		}
		counts.users += size;

		// Posts in proportion to the households, more of them lately: the app caught on.
		postsDue += (POSTS * size) / totalMembers;
		const last = f === FLATS - 1;
		const postCount = last ? Math.round(postsDue) : Math.floor(postsDue);
		postsDue -= postCount;
		const ages = Array.from({ length: postCount }, () => Math.floor(SPAN * random() ** 2)).sort(
			(a, b) => b - a
		);
		for (const age of ages) {
			const id = postId++;
			const created = NOW - age - int(1, 3600) * 1000;
			const author = member();
			const type = chance(0.7) ? 'request' : 'offer';
			const category = pick(HELP_CATEGORIES);
			const title = pick(TITLES[type]);
			let status: 'open' | 'accepted' | 'done_pending' | 'done' | 'closed';
			if (age < 12 * DAY) {
				const r = random();
				status =
					r < 0.7
						? 'open'
						: r < 0.9
							? 'accepted'
							: r < 0.95 && age < 5 * DAY
								? 'done_pending'
								: 'closed';
			} else status = chance(0.35) ? 'done' : 'closed';
			const flexible = chance(0.6);
			const startDate = flexible
				? null
				: addDays(new Date(created).toISOString().slice(0, 10), int(1, 10));
			const expires = flexible
				? created + 14 * DAY
				: Date.parse(`${addDays(startDate!, 1)}T00:00:00Z`);
			const ended = Math.min(NOW - 1000, created + int(1, 10) * DAY);
			insert.post.run(
				id,
				flatId,
				author,
				type,
				category,
				title,
				'Graag, als het uitkomt. Ik woon op de derde verdieping.',
				flexible ? 'flexible' : 'day',
				startDate,
				type === 'request' && chance(0.05) ? 1 : 0,
				status,
				expires,
				status === 'open' && expires - NOW < 2 * DAY ? NOW : null,
				status === 'done_pending' || status === 'done' ? author : null,
				status === 'done_pending'
					? Math.max(created, NOW - 2 * DAY)
					: status === 'done'
						? ended
						: null,
				status === 'done' || status === 'closed' ? ended : null,
				chance(0.002) ? 1 : 0,
				created
			);
			counts.posts++;
			const responders =
				status === 'open' ? int(0, 2) : status === 'closed' ? int(0, 2) : int(1, 3);
			const chosen = new Set<number>();
			for (let r = 0; r < responders; r++) chosen.add(other(author));
			const helper =
				status === 'accepted' || status === 'done_pending' || status === 'done'
					? [...chosen][0]
					: undefined;
			for (const u of chosen) {
				insert.response.run(
					id,
					u,
					'Ik kan wel helpen.',
					helper === undefined ? 'waiting' : u === helper ? 'accepted' : 'declined',
					created + int(10, 600) * 60_000
				);
				counts.responses++;
			}
			if (helper !== undefined) {
				const messages = int(0, 4);
				for (let m = 0; m < messages; m++) {
					insert.message.run(
						id,
						m % 2 ? helper : author,
						pick(MESSAGES),
						created + (m + 1) * 3_600_000
					);
					counts.messages++;
				}
				if (status === 'done') {
					const [giver, receiver] = type === 'request' ? [helper, author] : [author, helper];
					insert.record.run(
						flatId,
						id,
						giver,
						receiver,
						null,
						null,
						chance(0.4) ? 'Dank je wel!' : null,
						ended
					);
					counts.records++;
				}
			}
		}

		// Activities: most of them series, answered for in the weeks around today.
		activitiesDue += (ACTIVITIES * size) / totalMembers;
		const a = last ? Math.round(activitiesDue) : Math.floor(activitiesDue);
		activitiesDue -= a;
		for (let k = 0; k < a; k++) {
			const id = activityId++;
			const r = random();
			const rule: Recurrence =
				r < 0.4 ? 'weekly' : r < 0.6 ? 'biweekly' : r < 0.8 ? 'monthly' : 'none';
			const startDate = addDays(TODAY, rule === 'none' ? int(-60, 60) : -int(0, 700));
			const untilDate = rule !== 'none' && chance(0.3) ? addDays(startDate, int(30, 400)) : null;
			const capacity = chance(0.5) ? null : int(10, 40);
			const helpersWanted = chance(0.4) ? int(1, 2) : 0;
			const published = chance(0.95);
			const hour = int(9, 19);
			const created = Date.parse(`${addDays(startDate, -int(3, 30))}T10:00:00Z`);
			insert.activity.run(
				id,
				flatId,
				users0 + int(0, 1),
				pick(ACTIVITY_TITLES),
				pick(PLACES),
				startDate,
				`${String(hour).padStart(2, '0')}:00`,
				`${String(hour + 2).padStart(2, '0')}:00`,
				rule,
				untilDate,
				capacity,
				helpersWanted,
				published ? 'published' : 'proposed',
				created,
				created
			);
			counts.activities++;
			if (!published) continue;
			const dates = recurrence.dates(
				{ startDate, recurrence: rule, untilDate, count: null },
				addDays(TODAY, -28),
				addDays(TODAY, 14)
			);
			for (const date of dates) {
				const answers = int(0, Math.min(10, capacity ?? 10));
				let helpers = 0;
				for (let q = 0; q < answers; q++) {
					const helping = helpers < helpersWanted && chance(0.2);
					if (helping) helpers++;
					const u = member();
					const done = insert.rsvp.run(
						id,
						date,
						u,
						helping ? 'helping' : 'coming',
						helping ? 0 : chance(0.2) ? 1 : 0,
						Date.parse(`${addDays(date, -int(1, 10))}T12:00:00Z`)
					);
					counts.rsvps += done.changes;
					// A database that has been live has counted the helping of past dates.
					if (done.changes && helping && date < TODAY) {
						insert.record.run(
							flatId,
							null,
							u,
							null,
							id,
							date,
							null,
							Date.parse(`${date}T${String(hour + 2).padStart(2, '0')}:00:00Z`)
						);
						counts.records++;
					}
				}
				// …and sent the reminders of past dates: the server's clock starts where a live one is.
				if (answers && date < TODAY) insert.reminder.run(id, date, Date.parse(`${date}T06:00:00Z`));
			}
		}

		for (let i = 0; i < size; i++) {
			const userId = users0 + i;
			const n = i === 2 && f === 0 ? 60 : int(0, 2 * NOTIFICATIONS_PER_MEMBER);
			for (let k = 0; k < n; k++) {
				const created = NOW - Math.floor(180 * DAY * random() ** 2);
				const type = pick(NOTIFY_TYPES);
				const link = type.startsWith('activity')
					? `calendar/${activityId - 1 - int(0, Math.max(0, a - 1))}`
					: `help/${postId - 1 - int(0, Math.max(0, postCount - 1))}`;
				insert.notification.run(
					flatId,
					userId,
					type,
					link,
					JSON.stringify({
						title: type.startsWith('activity') ? 'Koffieochtend' : 'Boodschappen meenemen'
					}),
					created,
					NOW - created > 2 * DAY || chance(0.5) ? created + 3_600_000 : null
				);
				counts.notifications++;
			}
		}

		for (let g = 0, n = int(0, 3); g < n; g++)
			insert.greeting.run(
				flatId,
				users0 + 10 + g,
				'Hallo buren, ik woon hier sinds kort!',
				NOW - int(1, 25) * DAY
			);
		counts.flats++;
	};

	const batch = sqlite.transaction((from: number, to: number) => {
		for (let f = from; f < to; f++) seedFlat(f);
	});
	for (let f = 0; f < FLATS; f += BATCH_FLATS) {
		batch(f, Math.min(FLATS, f + BATCH_FLATS));
		if ((f / BATCH_FLATS) % 20 === 0)
			console.log(
				`${f} flats, ${counts.posts} posts, ${((Date.now() - started) / 1000).toFixed(0)} s`
			);
	}

	const info = benchFixtures(sqlite);
	sqlite.pragma('foreign_keys = ON');
	const broken = sqlite.pragma('foreign_key_check') as unknown[];
	if (broken.length)
		throw new Error(`${broken.length} rows point nowhere, e.g. ${JSON.stringify(broken[0])}`);
	// A live server keeps no more than its retention policy allows, and would delete the rest
	// at its first start: the benchmarks measure what it keeps.
	console.log('retention…', privacy.retention(db, new Date(NOW)));
	const kept = Object.fromEntries(
		Object.entries(TABLES).map(([name, table]) => [
			name,
			(sqlite.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n
		])
	);
	console.log('ANALYZE…');
	sqlite.exec('ANALYZE');
	sqlite.pragma('wal_checkpoint(TRUNCATE)');
	sqlite.close();

	const seconds = (Date.now() - started) / 1000;
	const out: BenchInfo = {
		scale: SCALE,
		seed: SEED,
		now: new Date(NOW).toISOString(),
		seconds,
		counts,
		kept,
		...info
	};
	writeFileSync(path.join(dir, 'bench.json'), JSON.stringify(out, null, '\t') + '\n');
	console.log(out);
}

/**
 * What the benchmarks need by name: the bench member of the first 400-household flat, a post
 * of theirs with a thread and responses (the heaviest post page), and a calendar feed.
 */
function benchFixtures(sqlite: ReturnType<typeof openDatabase>['$client']) {
	const flat = sqlite.prepare(`select id, slug from flats where id = 1`).get() as {
		id: number;
		slug: string;
	};
	const user = sqlite.prepare(`select id, name from users where name = 'Bench Buur'`).get() as {
		id: number;
		name: string;
	};
	const created = NOW - 2 * DAY;
	const post = sqlite
		.prepare(
			`insert into help_posts (flat_id, author_id, type, category, title, description, "when", status, expires_at, created_at)
			 values (?, ?, 'request', 'errands', 'Wie haalt mijn medicijnen bij de apotheek?', 'Ik ben deze week slecht ter been.', 'flexible', 'accepted', ?, ?)`
		)
		.run(flat.id, user.id, created + 14 * DAY, created).lastInsertRowid as number;
	const helpers = sqlite
		.prepare(`select user_id from memberships where flat_id = ? and user_id != ? limit 3 offset 5`)
		.all(flat.id, user.id) as { user_id: number }[];
	helpers.forEach((h, i) => {
		sqlite
			.prepare(
				`insert into help_responses (post_id, user_id, message, status, created_at) values (?, ?, ?, ?, ?)`
			)
			.run(
				post,
				h.user_id,
				'Ik ga morgen toch die kant op.',
				i === 0 ? 'accepted' : 'declined',
				created + (i + 1) * 600_000
			);
	});
	for (let m = 0; m < 6; m++)
		sqlite
			.prepare(
				`insert into help_messages (post_id, author_id, body, created_at) values (?, ?, ?, ?)`
			)
			.run(
				post,
				m % 2 ? helpers[0]!.user_id : user.id,
				MESSAGES[m % MESSAGES.length],
				created + (m + 2) * 3_600_000
			);
	const feedToken = `bench-feed-${SEED}`;
	sqlite
		.prepare(`insert into calendar_feeds (id, flat_id, user_id, created_at) values (?, ?, ?, ?)`)
		.run(hashToken(feedToken), flat.id, user.id, NOW);
	return {
		slug: flat.slug,
		flatId: flat.id,
		member: { id: user.id, name: user.name, password: BENCH_PASSWORD },
		postId: post,
		feedToken
	};
}

await main();
