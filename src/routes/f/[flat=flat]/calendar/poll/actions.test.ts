import { isActionFailure } from '@sveltejs/kit';
import { beforeAll, describe, expect, it } from 'vitest';
import {
	actionEvent,
	answer,
	appFlatWithNeighbours,
	useTempData
} from '../../../../../../tests/unit/action-event';
import * as calendar from '$lib/server/calendar';
import { addDays, localDate } from '$lib/server/time';
import { m } from '$lib/paraglide/messages';
import { actions as newActions } from './new/+page.server';
import { actions as pollActions } from './[id=id]/+page.server';

beforeAll(() => useTempData());

const FLAT = 'poll-horst';

const post = (userId: number, url: string, params: Record<string, string>, form = {}) =>
	actionEvent(url, userId, { flat: FLAT, ...params }, form);

describe('date poll actions', () => {
	it('read the rows of the form, tick a list and decide, in the shapes the pages read', async () => {
		const { db, flat, ids } = await appFlatWithNeighbours(['Ans', 'Kees'], {
			slug: FLAT,
			verbinder: 'Ans'
		});
		const today = localDate(new Date(), flat.timeZone);
		const url = `/f/${FLAT}/calendar/poll/new`;
		const rows = {
			title: 'Lunch',
			place: 'Buurtkamer',
			date1: addDays(today, 5),
			start1: '12:00',
			end1: '13:00',
			// A row without a date is left out, whatever its times say.
			date2: '',
			start2: '14:00',
			end2: '',
			date3: addDays(today, 6),
			start3: '12:00',
			end3: '11:00'
		};
		const wrong = await newActions.default!(post(ids.Ans, url, {}, rows));
		expect(isActionFailure(wrong) && wrong.data).toMatchObject({
			values: { title: 'Lunch', date3: addDays(today, 6) },
			errors: { end3: m.err_end_time() }
		});
		const failed = isActionFailure(wrong) ? (wrong.data as unknown as { errors?: object }) : {};
		expect(Object.keys(failed.errors ?? {})).toEqual(['end3']);

		const past = await newActions.default!(
			post(ids.Ans, url, {}, { ...rows, date1: addDays(today, -1), end3: '13:00' })
		);
		expect(isActionFailure(past) && past.data).toMatchObject({
			errors: { date1: m.poll_err_past() }
		});

		const made = await answer(() =>
			newActions.default!(post(ids.Ans, url, {}, { ...rows, end3: '13:00' }))
		);
		expect(made).toMatchObject({ redirect: 303 });
		const id = (made as { location: string }).location.match(/poll\/(\d+)$/)![1]!;
		const kees = { userId: ids.Kees, role: 'resident' as const };
		const [a, b] = calendar.pollOptions(db, Number(id), kees).map((o) => String(o.id));

		// Checkboxes come as a list; the same id twice counts once.
		const pollUrl = `/f/${FLAT}/calendar/poll/${id}`;
		const form = new FormData();
		for (const option of [a!, b!, b!]) form.append('options', option);
		const event = post(ids.Kees, `${pollUrl}?/tick`, { id });
		const request = new Request(`http://localhost${pollUrl}?/tick`, {
			method: 'POST',
			body: form,
			headers: { origin: 'http://localhost' }
		});
		(event as { request: Request }).request = request;
		expect(await pollActions.tick!(event)).toEqual({ action: 'tick', done: true, saved: true });
		expect(calendar.pollOptions(db, Number(id), kees).map((o) => o.count)).toEqual([1, 1]);

		// Kees may not decide; another flat's poll is not there.
		const refused = await pollActions.decide!(
			post(ids.Kees, `${pollUrl}?/decide`, { id }, { optionId: a! })
		);
		expect(isActionFailure(refused) && refused.status).toBe(403);
		expect(
			await answer(() =>
				pollActions.decide!(
					post(ids.Ans, `/f/${FLAT}/calendar/poll/9999?/decide`, { id: '9999' }, { optionId: a! })
				)
			)
		).toEqual({ error: 404 });

		const decided = await answer(() =>
			pollActions.decide!(post(ids.Ans, `${pollUrl}?/decide`, { id }, { optionId: a! }))
		);
		expect(decided).toMatchObject({
			redirect: 303,
			location: expect.stringMatching(new RegExp(`/calendar/\\d+/${addDays(today, 5)}$`))
		});
		const again = await pollActions.tick!(
			post(ids.Kees, `${pollUrl}?/tick`, { id }, { options: a! })
		);
		expect(isActionFailure(again) && again.status).toBe(409);
		expect(isActionFailure(again) && again.data).toMatchObject({ message: m.poll_err_closed() });
	});
});
