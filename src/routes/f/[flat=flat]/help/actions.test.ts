import { beforeAll, describe, expect, it } from 'vitest';
import {
	actionEvent,
	answer,
	appFlatWithNeighbours,
	useTempData
} from '../../../../../tests/unit/action-event';
import { request as postInput } from '../../../../../tests/unit/fixtures';
import type { DB } from '$lib/server/db';
import * as help from '$lib/server/help';
import { addDays, localDate } from '$lib/server/time';
import { m } from '$lib/paraglide/messages';
import { actions as newActions } from './new/+page.server';
import { actions as editActions } from './[id=id]/edit/+page.server';
import { actions as postActions } from './[id=id]/+page.server';

beforeAll(() => useTempData());

/** A post to one of help's actions, as the member with this id sends it. */
const post = (slug: string, userId: number, params: Record<string, string>, form = {}) =>
	actionEvent(`/f/${slug}/help`, userId, { flat: slug, ...params }, form);

async function setup() {
	const made = await appFlatWithNeighbours(['Ans', 'Kees']);
	const today = localDate(new Date(), made.flat.timeZone);
	return { ...made, ans: made.ids.Ans, kees: made.ids.Kees, today };
}

/** Ans asks to borrow a ladder: an open request of hers, with its id. */
const ladder = (db: DB, flat: Parameters<typeof help.create>[1], ans: number) =>
	help.create(
		db,
		flat,
		{ userId: ans, role: 'resident' },
		postInput('Ladder', { category: 'lend' })
	);

const request = (fields: Record<string, string> = {}) => ({
	type: 'request',
	category: 'errands',
	title: 'Boodschap',
	when: 'flexible',
	...fields
});

describe('the post form', () => {
	it('posts and goes to the post; refuses a past day and a long period beside their fields', async () => {
		const { slug, ans, today } = await setup();
		const made = await answer(() => newActions.default!(post(slug, ans, {}, request())));
		expect(made).toMatchObject({ redirect: 303, location: expect.stringMatching(/\/help\/\d+$/) });

		const past = await answer(() =>
			newActions.default!(
				post(slug, ans, {}, request({ when: 'day', startDate: addDays(today, -1) }))
			)
		);
		expect(past).toMatchObject({ status: 400, errors: { startDate: m.err_date_past() } });

		const long = await answer(() =>
			newActions.default!(
				post(
					slug,
					ans,
					{},
					request({
						when: 'period',
						startDate: addDays(today, 1),
						endDate: addDays(today, 60),
						confirmed: '1'
					})
				)
			)
		);
		expect(long).toMatchObject({
			status: 400,
			errors: { endDate: m.err_period_long() },
			check: { concerns: ['long'], harsh: false },
			values: { title: 'Boodschap', when: 'period' }
		});
	});

	it('holds harsh words back with the text as typed, and shows a date typed under any time', async () => {
		const { slug, ans, today } = await setup();
		const title = 'Die idioot van 3 moet de trap vegen';
		const held = await answer(() => newActions.default!(post(slug, ans, {}, request({ title }))));
		expect(held).toMatchObject({ values: { title }, check: { concerns: [], harsh: true } });
		const anyway = await answer(() =>
			newActions.default!(post(slug, ans, {}, request({ title, confirmed: '1' })))
		);
		expect(anyway).toMatchObject({ redirect: 303 });
		const dated = await answer(() =>
			newActions.default!(
				post(slug, ans, {}, request({ title: 'Idioot', startDate: addDays(today, 3) }))
			)
		);
		expect(dated).toMatchObject({ values: { when: 'day', startDate: addDays(today, 3) } });
	});

	it('edits only the author’s own open post', async () => {
		const { db, flat, slug, ans, kees } = await setup();
		const id = ladder(db, flat, ans);
		const params = { id: String(id) };
		const edit = request({ title: 'Trapladder' });
		expect(await answer(() => editActions.default!(post(slug, kees, params, edit)))).toMatchObject({
			status: 403,
			errors: { form: m.help_cannot_edit() }
		});
		expect(await answer(() => editActions.default!(post(slug, ans, params, edit)))).toMatchObject({
			redirect: 303
		});
		expect(help.view(db, flat.id, id, kees).post.title).toBe('Trapladder');
	});

	it('keeps the text when writing too fast, and counts only posts that went up', async () => {
		const { slug, kees } = await setup();
		const offer = (title: string) => request({ type: 'offer', category: 'lend', title });
		for (let i = 0; i < 3; i++)
			expect(
				await answer(() => newActions.default!(post(slug, kees, {}, offer(''))))
			).toMatchObject({ status: 400 });
		const statuses = [];
		for (let i = 0; i < 21; i++) {
			const title = `Ladder te leen ${i}`;
			const res = await answer(() => newActions.default!(post(slug, kees, {}, offer(title))));
			statuses.push((res as { status?: number; redirect?: number }).status ?? 303);
			if (i === 20)
				expect(res).toMatchObject({
					status: 429,
					values: { title },
					message: expect.stringContaining('Je schrijft nu veel achter elkaar.')
				});
		}
		expect(statuses.filter((s) => s === 429)).toEqual([429]);
	});
});

describe('the steps on a post', () => {
	it('answer in the shapes the page reads', async () => {
		const { db, flat, slug, ans, kees } = await setup();
		const id = ladder(db, flat, ans);
		const on = (userId: number, action: keyof typeof postActions, form = {}) =>
			answer(() => postActions[action]!(post(slug, userId, { id: String(id) }, form)));
		expect(await on(kees, 'respond', { message: 'Ik heb er een' })).toEqual({
			action: 'respond',
			done: true
		});
		expect(await on(kees, 'respond', { message: 'nog eens' })).toMatchObject({
			status: 400,
			action: 'respond',
			message: m.help_err_already()
		});
		expect(await on(kees, 'withdraw')).toMatchObject({
			status: 403,
			message: m.help_err_not_allowed()
		});
		expect(await on(ans, 'block')).toMatchObject({ status: 403 });
		expect(await on(kees, 'report', { reason: 'Dubbel', messageId: '999' })).toEqual({
			error: 404
		});
		expect(await on(kees, 'report', { reason: 'Dubbel' })).toEqual({
			action: 'report',
			done: true
		});
		expect(await on(kees, 'report', { reason: '' })).toMatchObject({
			status: 400,
			values: { reason: '' },
			errors: { reason: expect.any(String) }
		});
		const other = await answer(() =>
			postActions.respond!(post(slug, kees, { id: String(id + 1000) }, { message: 'x' }))
		);
		expect(other).toEqual({ error: 404 });
	});
});
