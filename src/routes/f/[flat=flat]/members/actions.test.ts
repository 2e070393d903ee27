import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import {
	actionEvent,
	answer,
	anyAddress,
	appFlatWithNeighbours,
	newFlat,
	useTempData
} from '../../../../../tests/unit/action-event';
import { getDb } from '$lib/server/db';
import { users } from '$lib/server/db/schema';
import * as members from '$lib/server/members';
import { m } from '$lib/paraglide/messages';
import { actions } from './+page.server';

beforeAll(() => useTempData());

/** Ans the verbinder and Kees; `onMembers` posts to the members page as Ans. */
async function setup() {
	const made = await appFlatWithNeighbours(['Ans', 'Kees'], { verbinder: 'Ans' });
	const { slug, ids } = made;
	const post = (form: Record<string, string>) =>
		actionEvent(`/f/${slug}/members`, ids.Ans, { flat: slug }, form, anyAddress());
	const onMembers = (action: keyof typeof actions, form: Record<string, string>) =>
		answer(() => actions[action]!(post(form)));
	return { ...made, ans: ids.Ans, kees: ids.Kees, id: made.membershipId, onMembers };
}

describe('the members page', () => {
	it('gives a login code, and names the neighbour when the flat may not', async () => {
		const { flat, kees, join, id, onMembers } = await setup();
		expect(await onMembers('loginCode', { membershipId: id(kees) })).toMatchObject({
			action: 'loginCode',
			issued: { name: 'Kees', membershipId: Number(id(kees)) }
		});
		const other = newFlat('B', `b-${flat.slug}`);
		members.joinAsUser(getDb(), { flat: other, userId: kees, houseNumber: null });
		expect(await onMembers('loginCode', { membershipId: id(kees) })).toEqual({
			status: 400,
			action: 'loginCode',
			values: { membershipId: id(kees) },
			message: m.members_code_elsewhere({ name: 'Kees' })
		});
		expect(await onMembers('loginCode', { membershipId: '999999' })).toMatchObject({
			status: 400,
			message: m.members_not_found()
		});
		expect(await join('Mo', other)).toBeGreaterThan(0);
	});

	it('keeps the last verbinder, and ends the account of a member with no other flat', async () => {
		const { db, ans, kees, id, onMembers } = await setup();
		expect(await onMembers('role', { membershipId: id(ans), role: 'resident' })).toMatchObject({
			status: 400,
			action: 'role',
			message: m.members_last_verbinder()
		});
		expect(await onMembers('remove', { membershipId: id(kees) })).toEqual({
			action: 'remove',
			done: true
		});
		expect(db.select().from(users).where(eq(users.id, kees)).get()).toBeUndefined();
		expect(await onMembers('approve', { membershipId: 'x' })).toMatchObject({ status: 400 });
	});
});
