import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { flatWithNeighbours, otherFlat, request } from '../../../../tests/unit/fixtures';
import { helpSuggestions, notifications } from '../db/schema';
import type { HelpCategory } from '../db/schema';
import * as account from '../account';
import * as members from '../members';
import * as moderation from '../moderation';
import * as privacy from '../privacy';
import * as help from '.';

const DAY = 24 * 60 * 60 * 1000;
const T0 = new Date('2027-07-01T10:00:00Z');
const at = (days: number) => new Date(T0.getTime() + days * DAY);
const resident = (userId: number) => ({ userId, role: 'resident' as const });

/** Bram is the verbinder; Ans asks; the others may be suggested if their profile says so. */
async function setup() {
	const made = await flatWithNeighbours('Europe/Amsterdam');
	const { db, flat, join } = made;
	const bram = await join('Bram');
	members.setRole(db, flat.id, members.membership(db, flat.id, bram)!.id, 'verbinder');
	const verbinder = { userId: bram, role: 'verbinder' as const };
	const profile = (
		userId: number,
		talents: HelpCategory[],
		languages: string[] = [],
		suggestable = true
	) =>
		members.saveProfile(db, flat.id, userId, {
			talents,
			tags: [],
			languages,
			notifyMatches: false,
			showBalance: false,
			suggestable
		});
	const told = () => db.select().from(notifications).all();
	return { ...made, bram, verbinder, profile, told };
}

describe('suggesting a neighbour for a request', () => {
	it('lists who allowed it and fits by talent or a language of the asker, with why', async () => {
		const { db, flat, ans, kees, mo, join, verbinder, profile } = await setup();
		const pro = await join('Pien');
		members.setRole(db, flat.id, members.membership(db, flat.id, pro)!.id, 'professional');
		const lies = await join('Lies');
		const els = await join('Els');
		profile(ans, ['letters'], ['Nederlands', 'Arabisch']);
		profile(kees, ['letters']);
		profile(mo, [], ['arabisch ', 'Nederlands']);
		profile(pro, ['letters']);
		profile(lies, ['letters'], [], false);
		profile(els, ['pets'], ['nederlands']);
		const id = help.create(
			db,
			flat,
			resident(ans),
			request('Brief lezen', { category: 'letters' }),
			T0
		);

		const found = help.candidates(db, flat, verbinder, id);
		expect(found.people).toEqual([
			{ userId: kees, name: 'Kees', talent: true, languages: [], sharesLanguage: false },
			{ userId: mo, name: 'Mo', talent: false, languages: ['Arabisch'], sharesLanguage: true }
		]);
		expect(found.left).toBe(help.MAX_SUGGESTIONS_PER_POST);
		expect(found.post).toMatchObject({ title: 'Brief lezen', authorName: 'Ans' });

		// Whoever blocked the asker, or was blocked by the verbinder, is not offered.
		moderation.block(db, flat.id, kees, ans);
		expect(help.candidates(db, flat, verbinder, id).people.map((p) => p.name)).toEqual(['Mo']);
		moderation.unblock(db, flat.id, kees, ans);
		moderation.block(db, flat.id, verbinder.userId, mo);
		expect(help.candidates(db, flat, verbinder, id).people.map((p) => p.name)).toEqual(['Kees']);
	});

	it('keeps an anonymous asker anonymous: no name, no language named', async () => {
		const { db, flat, ans, mo, verbinder, profile } = await setup();
		profile(ans, [], ['Tigrinya']);
		profile(mo, [], ['Tigrinya']);
		const id = help.create(
			db,
			flat,
			resident(ans),
			request('Brief lezen', { category: 'letters', anonymous: true }),
			T0
		);
		const found = help.candidates(db, flat, verbinder, id);
		expect(found.post.authorName).toBeNull();
		expect(found.people).toEqual([
			{ userId: mo, name: 'Mo', talent: false, languages: [], sharesLanguage: true }
		]);
		expect(JSON.stringify(found)).not.toMatch(/Ans|Tigrinya/);
	});

	it('tells the neighbour in person, and the asker nothing', async () => {
		const { db, flat, ans, kees, verbinder, profile, told } = await setup();
		profile(kees, ['errands']);
		const id = help.create(db, flat, resident(ans), request('Boodschappen'), T0);
		const before = told().length;

		expect(help.suggest(db, flat, verbinder, id, kees, at(2))).toEqual({ name: 'Kees' });
		const sent = told().slice(before);
		expect(sent).toHaveLength(1);
		expect(sent[0]).toMatchObject({
			userId: kees,
			type: 'suggestion_new',
			link: `help/${id}`,
			params: { name: 'Bram', title: 'Boodschappen' },
			aboutUserId: verbinder.userId
		});
		expect(help.suggestionFor(db, flat.id, id, kees)).toEqual({ by: 'Bram' });
		// The asker's view of the post is as it was.
		expect(JSON.stringify(help.view(db, flat.id, id, ans))).not.toMatch(/Kees|Bram|suggest/i);
		expect(help.suggestionFor(db, flat.id, id, ans)).toBeNull();

		// Once per neighbour per request, and a suggested neighbour is no longer offered.
		expect(() => help.suggest(db, flat, verbinder, id, kees, at(2))).toThrow(
			expect.objectContaining({ concept: 'help', code: 'suggested' })
		);
		expect(help.candidates(db, flat, verbinder, id).people).toEqual([]);
		expect(help.candidates(db, flat, verbinder, id).left).toBe(help.MAX_SUGGESTIONS_PER_POST - 1);

		// The neighbour helps the usual way.
		help.respond(db, flat.id, id, kees, 'Ik ga morgen');
		const response = help.view(db, flat.id, id, ans).responses[0]!;
		help.accept(db, flat.id, id, ans, response.id);
		expect(help.view(db, flat.id, id, kees).isHelper).toBe(true);
	});

	it('suggests only neighbours who fit and allowed it, for open requests of the flat', async () => {
		const { db, flat, ans, kees, mo, verbinder, profile } = await setup();
		profile(kees, ['errands'], [], false);
		profile(mo, ['pets']);
		const id = help.create(db, flat, resident(ans), request('Boodschappen'), T0);
		const code = (run: () => unknown) => {
			try {
				run();
			} catch (e) {
				return (e as { code?: string }).code;
			}
			return 'done';
		};
		expect(code(() => help.suggest(db, flat, verbinder, id, kees))).toBe('not_candidate');
		expect(code(() => help.suggest(db, flat, verbinder, id, mo))).toBe('not_candidate');
		expect(code(() => help.suggest(db, flat, verbinder, id, ans))).toBe('not_candidate');
		// Only a verbinder.
		profile(mo, ['errands']);
		expect(code(() => help.suggest(db, flat, resident(kees), id, mo))).toBe('not_allowed');
		// Not an offer, not another flat's request, not a closed one.
		const offer = help.create(db, flat, resident(ans), { ...request('Boor'), type: 'offer' }, T0);
		expect(code(() => help.suggest(db, flat, verbinder, offer, mo))).toBe('not_found');
		expect(code(() => help.candidates(db, flat, verbinder, offer))).toBe('not_found');
		const other = otherFlat(db);
		expect(code(() => help.suggest(db, other, verbinder, id, mo))).toBe('not_found');
		help.withdraw(db, flat.id, id, ans);
		expect(code(() => help.suggest(db, flat, verbinder, id, mo))).toBe('wrong_state');
		expect(db.select().from(helpSuggestions).all()).toEqual([]);
	});

	it('asks at most five neighbours per request and twenty a day per verbinder', async () => {
		const { db, flat, ans, join, verbinder, profile } = await setup();
		const names = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J', 'K', 'L'];
		const ids: number[] = [];
		for (const name of names) {
			const userId = await join(`Buur${name}`);
			profile(userId, ['errands']);
			ids.push(userId);
		}
		const post = () => help.create(db, flat, resident(ans), request('Boodschappen'), T0);
		const first = post();
		for (const userId of ids.slice(0, 5)) help.suggest(db, flat, verbinder, first, userId, at(0));
		expect(help.candidates(db, flat, verbinder, first).left).toBe(0);
		expect(() => help.suggest(db, flat, verbinder, first, ids[5]!, at(0))).toThrow(
			expect.objectContaining({ code: 'full' })
		);
		// A "not now" still counts: that neighbour was asked.
		help.notNow(db, flat.id, first, ids[0]!);
		expect(help.candidates(db, flat, verbinder, first).left).toBe(0);

		// 5 + 5 + 5 + 5 = 20 in one day; the 21st waits for tomorrow.
		const posts = [post(), post(), post()];
		for (const p of posts)
			for (const userId of ids.slice(0, 5)) help.suggest(db, flat, verbinder, p, userId, at(0));
		const fifth = post();
		expect(() => help.suggest(db, flat, verbinder, fifth, ids[0]!, at(0.5))).toThrow(
			expect.objectContaining({ code: 'too_many' })
		);
		expect(help.suggest(db, flat, verbinder, fifth, ids[0]!, at(1.01))).toEqual({
			name: 'BuurA'
		});
	});

	it('"not now" puts it aside without telling anyone', async () => {
		const { db, flat, ans, kees, verbinder, profile, told } = await setup();
		profile(kees, ['errands']);
		const id = help.create(db, flat, resident(ans), request('Boodschappen'), T0);
		help.suggest(db, flat, verbinder, id, kees, at(1));
		const before = told().length;
		help.notNow(db, flat.id, id, kees, at(2));
		help.notNow(db, flat.id, id, kees, at(3));
		expect(help.suggestionFor(db, flat.id, id, kees)).toBeNull();
		expect(db.select().from(helpSuggestions).get()!.declinedAt).toEqual(at(2));
		expect(told()).toHaveLength(before);
		// A "not now" about another flat's post is no post at all.
		expect(() => help.notNow(db, flat.id + 1, id, kees)).toThrow(
			expect.objectContaining({ code: 'not_found' })
		);
	});

	it('goes with the neighbour’s account; a verbinder’s stay for the neighbour, nameless', async () => {
		const { db, flat, ans, kees, mo, bram, verbinder, profile } = await setup();
		profile(kees, ['errands']);
		profile(mo, ['errands']);
		const id = help.create(db, flat, resident(ans), request('Boodschappen'), T0);
		help.suggest(db, flat, verbinder, id, kees, at(1));
		help.suggest(db, flat, verbinder, id, mo, at(1));
		const exported = privacy.exportData(db, kees) as { suggestions: unknown };
		expect(exported.suggestions).toMatchObject({
			received: [{ post: 'Boodschappen', by: 'Bram', declinedAt: null }],
			made: []
		});
		expect((privacy.exportData(db, bram) as { suggestions: unknown }).suggestions).toMatchObject({
			received: [],
			made: [{ name: 'Kees' }, { name: 'Mo' }]
		});

		db.transaction((tx) => account.erase(tx, kees));
		db.transaction((tx) => account.erase(tx, bram));
		const left = db.select().from(helpSuggestions).all();
		expect(left.map((s) => [s.userId, s.suggestedBy])).toEqual([[mo, null]]);
		expect(help.suggestionFor(db, flat.id, id, mo)).toEqual({ by: null });
		expect(db.select().from(notifications).where(eq(notifications.userId, mo)).all()).toEqual([]);
	});
});
