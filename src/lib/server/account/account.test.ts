import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { testDb } from '../../../../tests/unit/test-db';
import { flatWithNeighbours, request } from '../../../../tests/unit/fixtures';
import {
	helpMessages,
	helpResponses,
	pushSubscriptions,
	sessions,
	spareKeys,
	users
} from '../db/schema';
import * as flats from '../flats';
import * as help from '../help';
import * as keys from '../keys';
import * as members from '../members';
import * as privacy from '../privacy';
import * as session from '../auth/session';
import * as account from '.';

function flat(joinMode: 'open' | 'approval' = 'open') {
	const db = testDb();
	const f = flats.create(db, {
		name: 'De Horst',
		slug: 'de-horst',
		timeZone: 'Europe/Amsterdam',
		joinMode
	});
	return { db, flat: f };
}

const neighbour = { houseNumber: null, password: 'een lang wachtwoord', locale: 'nl' };

describe('removing a member', () => {
	it('removes a member who moves out, with the account and sessions when no flat is left', async () => {
		const { db, flat: f } = flat();
		members.addWithoutPassword(db, { flatId: f.id, name: 'Bram', role: 'verbinder' });
		const { userId } = await members.join(db, { flat: f, name: 'Ans', ...neighbour });
		session.create(db, userId);
		account.removeMember(db, f.id, members.membership(db, f.id, userId)!.id);
		expect(db.select().from(users).where(eq(users.id, userId)).get()).toBeUndefined();
		expect(db.select().from(sessions).where(eq(sessions.userId, userId)).all()).toHaveLength(0);
	});

	it('keeps the last verbinder and stays in its own flat', async () => {
		const { db, flat: f } = flat();
		const b = flats.create(db, { name: 'B', slug: 'b-flat', timeZone: 'UTC', joinMode: 'open' });
		const vId = members.addWithoutPassword(db, { flatId: f.id, name: 'Bram', role: 'verbinder' });
		const v = members.membership(db, f.id, vId)!;
		expect(() => account.removeMember(db, f.id, v.id)).toThrow('last_verbinder');
		expect(() => account.removeMember(db, b.id, v.id)).toThrow('not_found');
		expect(db.select().from(users).where(eq(users.id, vId)).get()).toBeTruthy();
	});
});

describe('removing the last flat of an account', () => {
	/** Ans asks, Kees answers and they write; Ans answers Mo; Ans has a device and a key. */
	async function busyAns() {
		const s = await flatWithNeighbours();
		const { db, flat: f, ans, kees, mo } = s;
		const postId = help.create(db, f, { userId: ans, role: 'resident' }, request('Wie tilt mee?'));
		help.respond(db, f.id, postId, kees, 'Ik kan vanavond.');
		help.accept(db, f.id, postId, ans, help.view(db, f.id, postId, ans).responses[0]!.id);
		help.message(db, f.id, postId, kees, 'Hoe laat?');
		help.message(db, f.id, postId, ans, 'Om zeven uur.');
		const moPost = help.create(db, f, { userId: mo, role: 'resident' }, request('Een ladder?'));
		help.respond(db, f.id, moPost, ans, 'Ik heb er een.');
		keys.add(db, f.id, ans, kees);
		session.create(db, ans);
		session.create(db, kees);
		db.insert(pushSubscriptions)
			.values({ userId: ans, endpoint: 'https://push.example.net/a', p256dh: 'p', auth: 'a' })
			.run();
		return { ...s, postId, moPost };
	}

	/** How many rows each table holds: two ways of leaving should leave the same database. */
	function counts(db: ReturnType<typeof testDb>) {
		const tables = db.$client
			.prepare("select name from sqlite_master where type = 'table'")
			.all() as { name: string }[];
		return Object.fromEntries(
			tables.map(({ name }) => [
				name,
				(db.$client.prepare(`select count(*) as n from "${name}"`).get() as { n: number }).n
			])
		);
	}

	it('anonymises the account the way deleting it does', async () => {
		const removed = await busyAns();
		const { db, flat: f, ans, kees, postId, moPost } = removed;
		account.removeMember(db, f.id, members.membership(db, f.id, ans)!.id);

		expect(db.select().from(users).where(eq(users.id, ans)).get()).toBeUndefined();
		const seen = help.view(db, f.id, postId, kees);
		expect(seen.post).toMatchObject({ authorName: null, formerNeighbour: true, status: 'closed' });
		expect(seen.messages.map((x) => x.body)).toEqual(['Hoe laat?']);
		expect(db.select().from(helpMessages).where(eq(helpMessages.authorId, ans)).all()).toEqual([]);
		expect(db.select().from(helpResponses).where(eq(helpResponses.postId, moPost)).all()).toEqual(
			[]
		);
		expect(db.select().from(pushSubscriptions).all()).toEqual([]);
		expect(db.select().from(spareKeys).all()).toEqual([]);
		expect(db.select().from(sessions).where(eq(sessions.userId, ans)).all()).toEqual([]);
		expect(db.select().from(sessions).where(eq(sessions.userId, kees)).all()).toHaveLength(1);

		const deleted = await busyAns();
		privacy.deleteAccount(deleted.db, deleted.ans);
		expect(counts(db)).toEqual(counts(deleted.db));
	});

	it('only ends the membership when the account still has another flat', async () => {
		const { db, flat: a, ans, postId } = await busyAns();
		const b = flats.create(db, { name: 'B', slug: 'b-flat', timeZone: 'UTC', joinMode: 'open' });
		members.joinAsUser(db, { flat: b, userId: ans, houseNumber: null });
		account.removeMember(db, a.id, members.membership(db, a.id, ans)!.id);
		expect(db.select().from(users).where(eq(users.id, ans)).get()).toBeTruthy();
		expect(members.flatsOf(db, ans).map((x) => x.slug)).toEqual(['b-flat']);
		expect(help.view(db, a.id, postId, ans).post.status).toBe('closed');
	});
});
