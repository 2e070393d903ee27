import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import * as balance from '../balance';
import * as calendar from '../calendar';
import * as help from '../help';
import * as members from '../members';
import * as notify from '../notify';
import * as session from '../auth/session';
import * as welcome from '../welcome';
import * as flats from '../flats';
import { flatWithNeighbours, request } from '../../../../tests/unit/fixtures';

// The rule of prepared.ts, held to the code: the page-view path runs only prepared queries
// (built once per connection), so a second visit asks the connection to compile nothing;
// every other query is built where it runs.

/** What the board asks of the database, from the session cookie to the last line. */
function visitBoard(
	db: Awaited<ReturnType<typeof flatWithNeighbours>>['db'],
	token: string,
	slug: string,
	today: string
) {
	const found = session.validate(db, token, new Date(`${today}T12:00:00Z`))!;
	const flat = flats.bySlug(db, slug)!;
	const membership = members.membership(db, flat.id, found.user.id)!;
	notify.unreadCount(db, flat.id, membership.userId);
	calendar.week(db, flat, today);
	welcome.recentGreetings(db, flat.id, { viewer: found.user.id });
	balance.forMember(db, flat.id, found.user.id);
	help.board(db, flat.id, found.user.id, {});
	help.board(db, flat.id, found.user.id, { mine: true });
	balance.flatThisMonth(db, flat);
}

describe('the page-view path', () => {
	it('runs prepared queries only: a second visit builds none', async () => {
		const { db, flat, ans, kees } = await flatWithNeighbours();
		help.create(db, flat, { userId: kees, role: 'resident' }, request('Boodschappen'));
		calendar.create(
			db,
			{ ...flat, residentActivities: 'publish' },
			{ userId: ans, role: 'verbinder' },
			{
				title: 'Koffie',
				description: '',
				place: 'Buurtkamer',
				startDate: '2027-03-01',
				startTime: '10:00',
				endTime: '12:00',
				recurrence: 'weekly',
				untilDate: null,
				count: null,
				capacity: null,
				helpersWanted: 0
			}
		);
		const { token } = session.create(db, ans, new Date('2027-03-10T12:00:00Z'));

		// The first visit builds each query once; another day's week is worked out anew.
		visitBoard(db, token, flat.slug, '2027-03-10');
		const compiled: string[] = [];
		const prepare = db.$client.prepare;
		db.$client.prepare = ((source: string) => {
			compiled.push(source);
			return prepare(source);
		}) as typeof prepare;
		visitBoard(db, token, flat.slug, '2027-03-11');
		db.$client.prepare = prepare;
		expect(compiled).toEqual([]);
	});
});

describe('lists of values', () => {
	/** The app's server files, tests left out. */
	function* serverFiles(dir: string): Generator<string> {
		for (const entry of readdirSync(dir, { withFileTypes: true })) {
			const file = path.join(dir, entry.name);
			if (entry.isDirectory()) yield* serverFiles(file);
			else if (file.endsWith('.ts') && !file.endsWith('.test.ts')) yield file;
		}
	}

	it('go into a prepared query through listOf, and nowhere else', () => {
		const root = path.resolve(import.meta.dirname, '..');
		const misplaced = [...serverFiles(root)].filter((file) => {
			const text = readFileSync(file, 'utf8');
			return /\blistOf\(/.test(text) && !/\bprepared\(/.test(text) && !file.includes('/db/');
		});
		expect(misplaced.map((file) => path.relative(root, file))).toEqual([]);
	});
});
