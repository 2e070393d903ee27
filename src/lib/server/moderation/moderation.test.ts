import { describe, expect, it } from 'vitest';
import { flatWithNeighbours, request, otherFlat } from '../../../../tests/unit/fixtures';
import { notifications, reports } from '../db/schema';
import * as help from '../help';
import * as moderation from '.';

const setup = () => flatWithNeighbours();

const input = request('Wie zet de container buiten?', { category: 'bins' });

describe('blocking', () => {
	it('keeps two neighbours apart on the board, on the post and in responses, both ways', async () => {
		const { db, flat, ans, kees, mo } = await setup();
		const id = help.create(db, flat, { userId: ans, role: 'resident' }, input);
		moderation.block(db, flat.id, kees, ans);
		expect(help.board(db, flat.id, kees).posts).toEqual([]);
		expect(help.board(db, flat.id, mo).posts).toHaveLength(1);
		expect(() => help.view(db, flat.id, id, kees)).toThrow('not_found');
		expect(() => help.respond(db, flat.id, id, kees, 'hoi')).toThrow('not_found');
		const keesPost = help.create(db, flat, { userId: kees, role: 'resident' }, input);
		expect(help.board(db, flat.id, ans).posts.map((p) => p.id)).toEqual([id]);
		expect(() => help.respond(db, flat.id, keesPost, ans, 'hoi')).toThrow('not_found');
		expect(moderation.blockedBy(db, flat.id, kees).map((b) => b.name)).toEqual(['Ans']);
		expect(moderation.blockedBy(db, flat.id, ans)).toEqual([]);
		expect(() => moderation.block(db, flat.id, kees, kees)).toThrow('self');
		moderation.unblock(db, flat.id, kees, ans);
		expect(help.board(db, flat.id, kees).posts).toHaveLength(2);
	});
});

describe('reports', () => {
	it('go to the queue; hiding takes a post off the board, restoring brings it back; the reporter hears', async () => {
		const { db, flat, ans, kees, mo } = await setup();
		const id = help.create(db, flat, { userId: ans, role: 'resident' }, input);
		moderation.report(db, flat.id, kees, { postId: id }, 'Niet aardig');
		const [r] = moderation.queue(db, flat.id);
		expect([r!.postTitle, r!.reporter, r!.reason, r!.status]).toEqual([
			'Wie zet de container buiten?',
			'Kees',
			'Niet aardig',
			'open'
		]);
		moderation.handle(db, flat.id, r!.id, 'hide');
		expect(help.board(db, flat.id, mo).posts).toEqual([]);
		expect(() => help.view(db, flat.id, id, mo)).toThrow('not_found');
		expect(help.view(db, flat.id, id, ans).post.hidden).toBe(true);
		moderation.handle(db, flat.id, r!.id, 'restore');
		expect(help.board(db, flat.id, mo).posts).toHaveLength(1);
		expect(moderation.queue(db, flat.id)).toEqual([]);
		const answers = db
			.select()
			.from(notifications)
			.all()
			.filter((n) => n.type === 'report_handled');
		expect(answers.map((n) => [n.userId, n.params.outcome])).toEqual([
			[kees, 'hide'],
			[kees, 'restore']
		]);
	});

	it('can remove a thread message, and never reach another flat', async () => {
		const { db, flat, ans, kees } = await setup();
		const other = otherFlat(db);
		const id = help.create(db, flat, { userId: ans, role: 'resident' }, input);
		help.respond(db, flat.id, id, kees, '');
		help.accept(db, flat.id, id, ans, help.view(db, flat.id, id, ans).responses[0]!.id);
		help.message(db, flat.id, id, kees, 'iets lelijks');
		const messageId = help.view(db, flat.id, id, ans).messages[0]!.id;
		expect(() => moderation.report(db, other.id, ans, { messageId }, 'x')).toThrow('not_found');
		moderation.report(db, flat.id, ans, { messageId }, 'Grof');
		const [r] = moderation.queue(db, flat.id);
		expect(r!.messageBody).toBe('iets lelijks');
		expect(() => moderation.handle(db, other.id, r!.id, 'remove')).toThrow('not_found');
		moderation.handle(db, flat.id, r!.id, 'remove');
		expect(help.view(db, flat.id, id, ans).messages).toEqual([]);
		expect(db.select().from(reports).all()).toEqual([]);
	});
});
