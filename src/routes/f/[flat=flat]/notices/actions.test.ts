import { beforeAll, describe, expect, it } from 'vitest';
import {
	actionEvent,
	answer,
	appFlatWithNeighbours,
	useTempData
} from '../../../../../tests/unit/action-event';
import * as members from '$lib/server/members';
import * as notices from '$lib/server/notices';
import * as privacy from '$lib/server/privacy';
import { addDays, localDate } from '$lib/server/time';
import { m } from '$lib/paraglide/messages';
import { actions as newActions } from './new/+page.server';
import { actions as noticeActions } from './[id=id]/+page.server';
import { actions as editActions } from './[id=id]/edit/+page.server';

beforeAll(() => useTempData());

let n = 0;

/** A flat with a verbinder (Ans), a resident (Kees) and a flat coach (Mo). */
async function setup() {
	const slug = `notices-${++n}`;
	const made = await appFlatWithNeighbours(['Ans', 'Kees', 'Mo'], { slug, verbinder: 'Ans' });
	const { db, flat, ids } = made;
	members.setRole(db, flat.id, Number(made.membershipId(ids.Mo)), 'professional');
	const today = localDate(new Date(), flat.timeZone);
	const form = (over: Record<string, string> = {}) => ({
		kind: 'maintenance',
		validFrom: today,
		validUntil: addDays(today, 3),
		title_nl: 'De lift is kapot',
		body_nl: 'Tot vrijdag.',
		title_ar: 'المصعد معطّل',
		body_ar: '',
		title_en: '',
		body_en: '',
		...over
	});
	const post = (userId: number, form: Record<string, string>) =>
		answer(() =>
			newActions.default!(actionEvent(`/f/${slug}/notices/new`, userId, { flat: slug }, form))
		);
	return { ...made, ...ids, today, form, post, slug };
}

const idOf = (done: unknown) =>
	Number((done as { location: string }).location.match(/notices\/(\d+)$/)![1]);

describe('the notice actions', () => {
	it('let a flat coach post a notice, in Dutch and Arabic, and show it next', async () => {
		const { db, flat, Mo, form, post } = await setup();
		const done = await post(Mo, form());
		expect(done).toMatchObject({ redirect: 303 });
		const [shown] = notices.current(db, flat, 'ar');
		expect(shown).toMatchObject({ id: idOf(done), title: 'المصعد معطّل', alsoIn: ['nl'] });
	});

	it('refuse a resident: reading is for everyone, writing is not', async () => {
		const { Kees, form, post } = await setup();
		expect(await post(Kees, form())).toEqual({ error: 403 });
	});

	it('say beside the field what is wrong, and keep what was typed', async () => {
		const { Ans, today, form, post } = await setup();
		const long = await post(Ans, form({ validUntil: addDays(today, 56) }));
		expect(long).toMatchObject({
			status: 400,
			values: { title_nl: 'De lift is kapot', title_ar: 'المصعد معطّل' },
			errors: { validUntil: m.notice_err_too_long() }
		});
		const past = await post(Ans, form({ validFrom: addDays(today, -1) }));
		expect(past).toMatchObject({ status: 400, errors: { validFrom: m.err_date_past() } });
		const untitled = await post(Ans, form({ title_nl: '', title_en: '', body_en: 'Only a text' }));
		expect(untitled).toMatchObject({
			status: 400,
			errors: { title_nl: expect.any(String), title_en: m.notice_err_title_missing() }
		});
		const order = await post(Ans, form({ validUntil: addDays(today, -1) }));
		expect(order).toMatchObject({ status: 400, errors: { validUntil: m.err_end_date() } });
	});

	it('let only the writer edit, and a verbinder take it down', async () => {
		const { db, flat, slug, Ans, Kees, Mo, form, post } = await setup();
		const id = String(idOf(await post(Mo, form())));
		const edit = (userId: number, over: Record<string, string> = {}) =>
			answer(() =>
				editActions.default!(
					actionEvent(`/f/${slug}/notices/${id}/edit`, userId, { flat: slug, id }, form(over))
				)
			);
		expect(await edit(Ans)).toEqual({ error: 403 });
		expect(await edit(Mo, { title_nl: 'De lift doet het weer bijna' })).toMatchObject({
			redirect: 303
		});
		expect(notices.current(db, flat, 'nl')[0]!.title).toBe('De lift doet het weer bijna');
		expect(notices.current(db, flat, 'nl')[0]!.alsoIn).toEqual(['ar']);
		// Arabic left empty on the edit: that language is gone.
		expect(await edit(Mo, { title_ar: '' })).toMatchObject({ redirect: 303 });
		expect(notices.current(db, flat, 'ar')[0]!.alsoIn).toEqual([]);

		const remove = (userId: number) =>
			answer(() =>
				noticeActions.remove!(actionEvent(`/f/${slug}/notices/${id}`, userId, { flat: slug, id }))
			);
		expect(await remove(Kees)).toEqual({ error: 403 });
		expect(await remove(Ans)).toMatchObject({ redirect: 303 });
		expect(notices.current(db, flat, 'nl')).toEqual([]);
		expect(await remove(Ans)).toEqual({ error: 404 });
	});

	it('are in their writer’s export, and stay for the flat without a name when they go', async () => {
		const { db, flat, Mo, form, post } = await setup();
		await post(Mo, form());
		const data = privacy.exportData(db, Mo);
		expect(data.notices).toMatchObject([
			{
				kind: 'maintenance',
				texts: expect.arrayContaining([
					{ locale: 'nl', title: 'De lift is kapot', body: 'Tot vrijdag.' },
					{ locale: 'ar', title: 'المصعد معطّل', body: '' }
				])
			}
		]);
		privacy.deleteAccount(db, Mo);
		const [kept] = notices.current(db, flat, 'nl');
		expect(kept?.title).toBe('De lift is kapot');
		expect(notices.list(db, flat, Mo, 'nl')[0]!.mine).toBe(false);
	});
});
