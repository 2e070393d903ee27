import { describe, expect, it } from 'vitest';
import { flatWithNeighbours, otherFlat } from '../../../../tests/unit/fixtures';
import * as members from '../members';
import * as notify from '../notify';
import type { DB } from '../db';
import * as notices from '.';

/** 10:00 in Amsterdam on Wednesday 10 March 2027 (09:00 UTC). */
const NOW = new Date('2027-03-10T09:00:00Z');

const input = (over: Partial<notices.NoticeInput> = {}): notices.NoticeInput => ({
	kind: 'maintenance',
	validFrom: '2027-03-10',
	validUntil: '2027-03-12',
	texts: [{ locale: 'nl', title: 'De lift is kapot', body: 'Tot vrijdag.' }],
	...over
});

/** The code a domain verb refused with, or null when it went through. */
function refusal(run: () => unknown): string | null {
	try {
		run();
		return null;
	} catch (e) {
		if (e instanceof notices.NoticeError) return e.code;
		throw e;
	}
}

const membershipId = (db: DB, flatId: number, userId: number) =>
	members.membership(db, flatId, userId)!.id;

async function amsterdam() {
	const made = await flatWithNeighbours('Europe/Amsterdam');
	const { db, flat, ans } = made;
	members.setRole(db, flat.id, membershipId(db, flat.id, ans), 'verbinder');
	return made;
}

describe('a notice’s days', () => {
	it('shows from its first to its last day, both included, in the flat’s own zone', async () => {
		const { db, flat, ans } = await amsterdam();
		const id = notices.create(db, flat, ans, input(), NOW);
		const shown = (at: string) => notices.current(db, flat, 'nl', new Date(at)).map((n) => n.id);
		expect(shown('2027-03-10T09:00:00Z')).toEqual([id]);
		// 23:30 on Friday the 12th in Amsterdam is still its last day, though UTC says 22:30.
		expect(shown('2027-03-12T22:30:00Z')).toEqual([id]);
		// 00:30 on Saturday in Amsterdam: over, while it is still Friday in UTC.
		expect(shown('2027-03-12T23:30:00Z')).toEqual([]);
		// Before its first day it waits.
		expect(shown('2027-03-09T22:59:00Z')).toEqual([]);
	});

	it('is read by each flat’s own calendar: one instant, two different todays', async () => {
		const { db, flat, ans } = await amsterdam();
		const far = otherFlat(db, 'Pacific/Auckland');
		const kiwi = (
			await members.join(db, {
				flat: far,
				name: 'Aroha',
				houseNumber: null,
				password: 'wachtwoord',
				locale: 'en'
			})
		).userId;
		// 12:00 UTC on the 10th is already the 11th in Auckland.
		const noon = new Date('2027-03-10T12:00:00Z');
		const here = notices.create(db, flat, ans, input({ validUntil: '2027-03-10' }), noon);
		const there = notices.create(
			db,
			far,
			kiwi,
			input({ validFrom: '2027-03-11', validUntil: '2027-03-11' }),
			noon
		);
		expect(notices.current(db, flat, 'nl', noon).map((n) => n.id)).toEqual([here]);
		expect(notices.current(db, far, 'nl', noon).map((n) => n.id)).toEqual([there]);
		// For Auckland the 10th is over: a notice starting then is refused as past.
		expect(
			refusal(() =>
				notices.create(
					db,
					far,
					kiwi,
					input({ validFrom: '2027-03-10', validUntil: '2027-03-10' }),
					noon
				)
			)
		).toBe('past');
	});

	it('lasts at most eight weeks, and never ends before it begins', async () => {
		const { db, flat, ans } = await amsterdam();
		const create = (validFrom: string, validUntil: string) =>
			refusal(() => notices.create(db, flat, ans, input({ validFrom, validUntil }), NOW));
		// 56 days, first and last included: the longest allowed.
		expect(create('2027-03-10', '2027-05-04')).toBeNull();
		expect(create('2027-03-10', '2027-05-05')).toBe('too_long');
		expect(create('2027-03-12', '2027-03-11')).toBe('order');
		expect(create('2027-03-09', '2027-03-11')).toBe('past');
		// A single day is a period too.
		expect(create('2027-03-10', '2027-03-10')).toBeNull();
	});

	it('keeps a first day already past when its writer corrects it', async () => {
		const { db, flat, ans } = await amsterdam();
		const id = notices.create(db, flat, ans, input(), NOW);
		const later = new Date('2027-03-11T09:00:00Z');
		const actor = { userId: ans, role: 'verbinder' as const };
		notices.update(db, flat, id, actor, input({ validUntil: '2027-03-14' }), later);
		expect(notices.current(db, flat, 'nl', later)[0]!.validUntil).toBe('2027-03-14');
		// Moving it back further is refused.
		expect(
			refusal(() => notices.update(db, flat, id, actor, input({ validFrom: '2027-03-09' }), later))
		).toBe('past');
	});

	it('needs a Dutch title, in a language the app knows', async () => {
		const { db, flat, ans } = await amsterdam();
		const texts = (t: notices.NoticeText[]) =>
			refusal(() => notices.create(db, flat, ans, input({ texts: t }), NOW));
		expect(texts([{ locale: 'en', title: 'The lift is broken', body: '' }])).toBe('texts');
		expect(
			texts([
				{ locale: 'nl', title: 'Lift kapot', body: '' },
				{ locale: 'xx', title: 'Lift', body: '' }
			])
		).toBe('texts');
	});
});

describe('a notice’s languages', () => {
	it('reads in the reader’s language, else in Dutch, and says where else it is written', async () => {
		const { db, flat, ans } = await amsterdam();
		notices.create(
			db,
			flat,
			ans,
			input({
				texts: [
					{ locale: 'ar', title: 'المصعد معطّل', body: 'حتى يوم الجمعة.' },
					{ locale: 'nl', title: 'De lift is kapot', body: 'Tot vrijdag.' }
				]
			}),
			NOW
		);
		const [ar] = notices.current(db, flat, 'ar', NOW);
		expect(ar).toMatchObject({ locale: 'ar', title: 'المصعد معطّل', alsoIn: ['nl'] });
		const [en] = notices.current(db, flat, 'en', NOW);
		expect(en).toMatchObject({ locale: 'nl', title: 'De lift is kapot', alsoIn: ['ar'] });
		const [nl] = notices.current(db, flat, 'nl', NOW);
		expect(nl).toMatchObject({ locale: 'nl', body: 'Tot vrijdag.', alsoIn: ['ar'] });
	});

	it('tells every other member in their own language, the writer not', async () => {
		const { db, flat, ans, kees, mo } = await amsterdam();
		const id = notices.create(
			db,
			flat,
			ans,
			input({
				texts: [
					{ locale: 'nl', title: 'De lift is kapot', body: '' },
					{ locale: 'en', title: 'The lift is broken', body: '' }
				]
			}),
			NOW
		);
		const bell = (userId: number, locale: 'nl' | 'en' | 'ar') =>
			notify
				.list(db, flat.id, userId, 10, locale)
				.map((n) => ({ type: n.type, link: n.link, text: n.text }));
		expect(bell(kees, 'en')).toEqual([
			{
				type: 'notice_new',
				link: `notices/${id}`,
				text: expect.stringContaining('The lift is broken')
			}
		]);
		expect(bell(mo, 'ar')[0]!.text).toContain('De lift is kapot');
		expect(bell(ans, 'nl')).toEqual([]);
	});

	it('is the flat’s own: another flat sees nothing of it', async () => {
		const { db, flat, ans } = await amsterdam();
		const id = notices.create(db, flat, ans, input(), NOW);
		const far = otherFlat(db, 'Europe/Amsterdam');
		expect(notices.current(db, far, 'nl', NOW)).toEqual([]);
		expect(notices.find(db, far, id, 'nl', { writer: true, now: NOW })).toBeNull();
	});
});

describe('who has seen a notice', () => {
	it('counts households, not people, and only those who live in the flat', async () => {
		const { db, flat, kees } = await amsterdam();
		const join = async (name: string, houseNumber: string | null) =>
			(await members.join(db, { flat, name, houseNumber, password: 'wachtwoord', locale: 'nl' }))
				.userId;
		// Two people at 12a (typed two ways) are one household; the flat coach is none.
		const sara = await join('Sara', '12a');
		const omar = await join('Omar', '12A ');
		const coach = await join('Coach', null);
		members.setRole(db, flat.id, membershipId(db, flat.id, coach), 'professional');
		const id = notices.create(db, flat, coach, input(), NOW);
		const count = () => notices.seenCounts(db, flat.id, [id]).get(id);
		// Ans, Kees, Mo and house 12a.
		expect(count()).toEqual({ seen: 0, of: 4 });

		const see = (userId: number) =>
			notices.markSeen(db, membershipId(db, flat.id, userId), [id], NOW);
		see(sara);
		see(omar);
		see(coach);
		expect(count()).toEqual({ seen: 1, of: 4 });
		see(kees);
		see(kees);
		expect(count()).toEqual({ seen: 2, of: 4 });
		expect(Object.keys(count()!)).toEqual(['seen', 'of']);
	});

	it('writes nothing on a visit that shows nothing new', async () => {
		const { db, flat, ans, kees } = await amsterdam();
		const id = notices.create(db, flat, ans, input(), NOW);
		const ms = membershipId(db, flat.id, kees);
		notices.markSeen(db, ms, [id], NOW);
		const before = db.$client.prepare('select total_changes() as n').get() as { n: number };
		notices.markSeen(db, ms, [id], new Date(NOW.getTime() + 60_000));
		const after = db.$client.prepare('select total_changes() as n').get() as { n: number };
		expect(after.n).toBe(before.n);
	});
});

describe('clearing away', () => {
	it('removes a notice the day after its last day in its flat, and keeps the others', async () => {
		const { db, flat, ans } = await amsterdam();
		const ending = notices.create(db, flat, ans, input({ validUntil: '2027-03-10' }), NOW);
		const running = notices.create(db, flat, ans, input(), NOW);
		// 00:30 on the 11th in Amsterdam (23:30 UTC on the 10th).
		expect(notices.expire(db, new Date('2027-03-10T22:30:00Z'))).toBe(0);
		expect(notices.expire(db, new Date('2027-03-10T23:30:00Z'))).toBe(1);
		const left = notices.list(db, flat, ans, 'nl', NOW).map((n) => n.id);
		expect(left).toEqual([running]);
		expect(left).not.toContain(ending);
	});

	it('lets only the writer change a notice; a verbinder may take it down', async () => {
		const { db, flat, ans, kees, mo } = await amsterdam();
		members.setRole(db, flat.id, membershipId(db, flat.id, mo), 'professional');
		const id = notices.create(db, flat, mo, input(), NOW);
		expect(
			refusal(() => notices.update(db, flat, id, { userId: ans, role: 'verbinder' }, input(), NOW))
		).toBe('not_allowed');
		expect(refusal(() => notices.remove(db, flat.id, id, { userId: kees, role: 'resident' }))).toBe(
			'not_allowed'
		);
		expect(
			refusal(() => notices.remove(db, flat.id, id, { userId: ans, role: 'verbinder' }))
		).toBeNull();
		expect(notices.current(db, flat, 'nl', NOW)).toEqual([]);
	});
});

describe('the weekly summary’s question', () => {
	it('counts the notices made after an instant', async () => {
		const { db, flat, ans } = await amsterdam();
		notices.create(db, flat, ans, input(), NOW);
		notices.create(db, flat, ans, input(), new Date(NOW.getTime() + 1000));
		expect(notices.since(db, flat.id, NOW)).toBe(1);
		expect(notices.since(db, flat.id, new Date(NOW.getTime() - 1))).toBe(2);
	});
});
