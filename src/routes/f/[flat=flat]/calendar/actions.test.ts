import { isActionFailure } from '@sveltejs/kit';
import { beforeAll, describe, expect, it } from 'vitest';
import {
	actionEvent,
	answer,
	appFlatWithNeighbours,
	useTempData
} from '../../../../../tests/unit/action-event';
import * as calendar from '$lib/server/calendar';
import { addDays, localDate } from '$lib/server/time';
import { m } from '$lib/paraglide/messages';
import { actions as newActions } from './new/+page.server';
import { actions as activityActions } from './[id=id]/+page.server';
import { actions as occurrenceActions } from './[id=id]/[date=date]/+page.server';

beforeAll(() => useTempData());

const FLAT = 'de-horst';

/** A post to one of the calendar's actions, as the member with this id sends it. */
const post = (userId: number, url: string, params: Record<string, string>, form = {}) =>
	actionEvent(url, userId, { flat: FLAT, ...params }, form);

async function setup() {
	const made = await appFlatWithNeighbours(['Ans', 'Kees'], { slug: FLAT, verbinder: 'Ans' });
	return { ...made, ans: made.ids.Ans, kees: made.ids.Kees };
}

describe('calendar actions', () => {
	it('answer in the shapes the pages read', async () => {
		const { db, flat, ans, kees } = await setup();
		const today = localDate(new Date(), flat.timeZone);
		const form = {
			title: 'Koffieochtend',
			description: '',
			place: 'Buurtkamer',
			startDate: addDays(today, -1),
			startTime: '10:00',
			endTime: '11:30',
			recurrence: 'weekly',
			ends: 'never',
			helpersWanted: '0'
		};
		const url = `/f/${FLAT}/calendar/new`;

		// A start in the past is said beside the date, with what was typed kept.
		const past = await newActions.default!(post(ans, url, {}, form));
		expect(isActionFailure(past) && past.status).toBe(400);
		expect(isActionFailure(past) && past.data).toMatchObject({
			values: { title: 'Koffieochtend' },
			errors: { startDate: m.err_date_past() }
		});

		const saved = await answer(() =>
			newActions.default!(post(ans, url, {}, { ...form, startDate: addDays(today, 7) }))
		);
		expect(saved).toMatchObject({ redirect: 303 });
		const id = String((saved as { location: string }).location.match(/(\d+)$/)![1]);
		const a = calendar.get(db, flat.id, Number(id), { userId: ans, role: 'verbinder' });

		// A neighbour may see the activity but not change it: a 403 with the calendar's words.
		const refused = await activityActions.pause!(post(kees, `/f/${FLAT}/calendar/${id}`, { id }));
		expect(isActionFailure(refused) && refused.status).toBe(403);
		expect(isActionFailure(refused) && refused.data).toMatchObject({
			action: 'pause',
			message: m.cal_err_not_allowed()
		});
		expect(
			await answer(() =>
				activityActions.pause!(post(kees, `/f/${FLAT}/calendar/9999`, { id: '9999' }))
			)
		).toEqual({ error: 404 });

		// An answer to one date: done, and nothing else the page does not read.
		const date = a.startDate;
		const rsvp = await occurrenceActions.rsvp!(
			post(kees, `/f/${FLAT}/calendar/${id}/${date}`, { id, date }, { kind: 'coming', guests: '1' })
		);
		expect(rsvp).toEqual({ action: 'rsvp', done: true });
		expect(calendar.attendance(db, a.id, date).seats).toBe(2);
	});
});
