import { isActionFailure, isHttpError, isRedirect } from '@sveltejs/kit';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { newFlat, routeEvent, useTempData } from '../../../../../tests/unit/action-event';
import { getDb } from '$lib/server/db';
import { users } from '$lib/server/db/schema';
import * as members from '$lib/server/members';
import { m } from '$lib/paraglide/messages';
import { actions } from './+page.server';

beforeAll(() => useTempData());

const user = (id: number) => ({ user: { id, name: 'x', locale: 'nl', isAdmin: false } });

/** A post to a page's action as this user (or a visitor), with the route's parameters. */
function post(url: string, userId: number | null, params: Record<string, string>, form = {}) {
	const { event } = routeEvent(url, {
		form,
		locals: userId ? user(userId) : {},
		address: `198.51.100.${Math.floor(Math.random() * 250)}`
	});
	(event as { params: Record<string, string> }).params = params;
	return event as never;
}

/** What a thrown redirect or error answers; a failure as its status and data. */
async function answer(run: () => unknown) {
	try {
		const done = await run();
		return isActionFailure(done)
			? { status: done.status, ...(done.data as unknown as object) }
			: done;
	} catch (e) {
		if (isRedirect(e)) return { redirect: e.status, location: e.location };
		if (isHttpError(e)) return { error: e.status };
		throw e;
	}
}

async function setup() {
	const db = getDb();
	const slug = `horst-${Math.random().toString(36).slice(2, 8)}`;
	const flat = newFlat('De Horst', slug);
	const join = async (name: string, f = flat) =>
		(
			await members.join(db, {
				flat: f,
				name,
				houseNumber: null,
				password: 'wachtwoord',
				locale: 'nl'
			})
		).userId;
	const ans = await join('Ans');
	const kees = await join('Kees');
	members.setRole(db, flat.id, members.membership(db, flat.id, ans)!.id, 'verbinder');
	const id = (userId: number) => String(members.membership(db, flat.id, userId)!.id);
	const onMembers = (action: keyof typeof actions, form: Record<string, string>) =>
		answer(() => actions[action]!(post(`/f/${slug}/members`, ans, { flat: slug }, form)));
	return { db, flat, slug, ans, kees, join, id, onMembers };
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
