import { describe, expect, it } from 'vitest';
import { flatWithNeighbours, request } from '../../../../tests/unit/fixtures';
import * as moderation from '../moderation';
import * as notify from '../notify';
import { postInFlat } from '../../stored-links';
import * as help from '.';

const T0 = new Date('2027-07-01T10:00:00Z');
const resident = (userId: number) => ({ userId, role: 'resident' as const });
const setup = () => flatWithNeighbours('Europe/Amsterdam');

describe('submitting the post form', () => {
	it('refuses a first day that is over in the flat, and posts one that is today', async () => {
		const { db, flat, ans } = await setup();
		const on = (startDate: string) => ({
			...request('Wie helpt?'),
			when: 'day' as const,
			startDate
		});
		expect(() => help.submit(db, flat, resident(ans), on('2027-06-30'), undefined, T0)).toThrow(
			'past'
		);
		const saved = help.submit(db, flat, resident(ans), on('2027-07-01'), undefined, T0);
		expect('id' in saved && help.view(db, flat.id, saved.id, ans).post.startDate).toBe(
			'2027-07-01'
		);
	});

	it('holds a post back for a kind word until it was seen, and a long period for good', async () => {
		const { db, flat, ans } = await setup();
		const harsh = request('Die idioot van 3 moet de trap vegen');
		expect(help.submit(db, flat, resident(ans), harsh, undefined, T0)).toEqual({
			check: { concerns: [], harsh: true }
		});
		const care = request('Wie helpt mij elke dag met mijn medicijnen?');
		expect(help.submit(db, flat, resident(ans), care, undefined, T0)).toEqual({
			check: { concerns: ['care'], harsh: false }
		});
		expect(help.board(db, flat.id, ans, { mine: true }).posts).toEqual([]);
		const posted = help.submit(
			db,
			flat,
			resident(ans),
			{ ...care, confirmed: true },
			undefined,
			T0
		);
		expect(posted).toHaveProperty('id');

		const long = request('Wie voert mijn kat?', {
			when: 'period',
			startDate: '2027-07-02',
			endDate: '2027-09-01'
		});
		for (const confirmed of [false, true])
			expect(help.submit(db, flat, resident(ans), { ...long, confirmed }, undefined, T0)).toEqual({
				check: { concerns: ['long'], harsh: false }
			});
		expect(help.board(db, flat.id, ans, { mine: true }).posts).toHaveLength(1);
	});

	it('edits only the author’s own open post', async () => {
		const { db, flat, ans, kees } = await setup();
		const id = help.create(db, flat, resident(ans), request('Ladder'), T0);
		const edit = request('Trapladder');
		expect(() => help.submit(db, flat, resident(kees), edit, id, T0)).toThrow('not_allowed');
		expect(help.submit(db, flat, resident(ans), edit, id, T0)).toEqual({ id });
		expect(help.view(db, flat.id, id, kees).post.title).toBe('Trapladder');
		help.withdraw(db, flat.id, id, ans, T0);
		expect(() => help.submit(db, flat, resident(ans), edit, id, T0)).toThrow('wrong_state');
	});
});

describe('a post as a page finds it', () => {
	it('is null where a step would be not_found: hidden, blocked, or not there', async () => {
		const { db, flat, ans, kees } = await setup();
		const id = help.create(db, flat, resident(ans), request('Ladder'), T0);
		expect(help.find(db, flat.id, id, kees)?.post.title).toBe('Ladder');
		expect(help.find(db, flat.id, id + 1, kees)).toBeNull();
		moderation.block(db, flat.id, kees, ans);
		expect(help.find(db, flat.id, id, kees)).toBeNull();
		expect(() => help.view(db, flat.id, id, kees)).toThrow('not_found');
		expect(help.find(db, flat.id, id, ans)?.isAuthor).toBe(true);
	});
});

describe('reporting and blocking from a post', () => {
	it('reports the post, or a message only of the thread the reporter is in', async () => {
		const { db, flat, ans, kees, mo } = await setup();
		const id = help.create(db, flat, resident(ans), request('Ladder'), T0);
		help.respond(db, flat.id, id, kees, 'Ik heb er een');
		help.accept(db, flat.id, id, ans, help.view(db, flat.id, id, ans).responses[0]!.id);
		help.message(db, flat.id, id, kees, 'Morgen?');
		const said = help.view(db, flat.id, id, ans).messages[0]!.id;
		help.report(db, flat.id, id, mo, { reason: 'Dubbel' });
		help.report(db, flat.id, id, ans, { reason: 'Onaardig', messageId: said });
		expect(() => help.report(db, flat.id, id, mo, { reason: 'x', messageId: said })).toThrow(
			'not_found'
		);
		expect(moderation.queue(db, flat.id)).toHaveLength(2);
	});

	it('blocks an author only when the post lets the viewer know who it is', async () => {
		const { db, flat, ans, kees } = await setup();
		const open = help.create(db, flat, resident(ans), request('Ladder'), T0);
		const hidden = help.create(db, flat, resident(ans), request('Brief', { anonymous: true }), T0);
		expect(() => help.blockAuthor(db, flat.id, open, ans)).toThrow('not_allowed');
		expect(() => help.blockAuthor(db, flat.id, hidden, kees)).toThrow('not_allowed');
		help.blockAuthor(db, flat.id, open, kees);
		expect(moderation.blockedWith(db, flat.id, kees)).toEqual([ans]);
	});
});

describe('the link a notification stores', () => {
	it('is the post’s path inside its flat', async () => {
		expect(postInFlat(12)).toBe('help/12');
		const { db, flat, ans, kees } = await setup();
		const id = help.create(db, flat, resident(ans), request('Ladder'), T0);
		help.respond(db, flat.id, id, kees, '');
		const [note] = notify.list(db, flat.id, ans);
		expect(note?.link).toBe(`help/${id}`);
	});
});
