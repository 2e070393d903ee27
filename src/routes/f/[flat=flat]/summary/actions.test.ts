import { beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import {
	actionEvent,
	answer,
	appFlatWithNeighbours,
	useTempData
} from '../../../../../tests/unit/action-event';
import { flats } from '$lib/server/db/schema';
import * as prefs from '$lib/server/notify/prefs';
import * as members from '$lib/server/members';
import { m } from '$lib/paraglide/messages';
import { actions } from './+page.server';
import { actions as settingsActions } from '../notifications/settings/+page.server';

beforeAll(() => useTempData());

describe('the weekly summary’s actions', () => {
	it('a verbinder sets the day and time; a neighbour may not; nonsense is refused', async () => {
		const { db, flat, slug, ids } = await appFlatWithNeighbours(['Ans', 'Kees'], {
			verbinder: 'Ans'
		});
		const url = `/f/${slug}/summary?/schedule`;
		const send = (userId: number, form: Record<string, string>) =>
			answer(() => actions.schedule!(actionEvent(url, userId, { flat: slug }, form)));

		expect(await send(ids.Ans, { day: '3', time: '09:30' })).toMatchObject({ saved: true });
		const { summaryDay, summaryTime } = db.select().from(flats).where(eq(flats.id, flat.id)).get()!;
		expect([summaryDay, summaryTime]).toEqual([3, '09:30']);

		expect(await send(ids.Kees, { day: '1', time: '10:00' })).toMatchObject({ error: 403 });
		expect(await send(ids.Ans, { day: '7', time: '25:00' })).toMatchObject({
			status: 400,
			values: { day: '7', time: '25:00' },
			errors: { day: m.err_choose(), time: m.err_time() }
		});
		expect(await send(ids.Ans, { day: 'x'.repeat(5000) })).toMatchObject({ status: 400 });
	});

	it('the settings save "weekly" only where the summary lists that kind', async () => {
		const { db, flat, slug, ids } = await appFlatWithNeighbours(['Ans']);
		const url = `/f/${slug}/notifications/settings`;
		const send = (form: Record<string, string>) =>
			answer(() => settingsActions.default!(actionEvent(url, ids.Ans, { flat: slug }, form)));
		expect(await send({ kind_activities: 'weekly', kind_requests: 'push' })).toMatchObject({
			saved: true
		});
		const id = members.membership(db, flat.id, ids.Ans)!.id;
		expect(prefs.forMembership(db, id)).toMatchObject({ activities: 'weekly', requests: 'push' });
		expect(await send({ kind_messages: 'weekly' })).toMatchObject({
			status: 400,
			errors: { kind_messages: m.err_choose() }
		});
		expect(prefs.forMembership(db, id).messages).toBe('push');
	});
});
