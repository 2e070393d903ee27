import { isActionFailure, isHttpError, isRedirect } from '@sveltejs/kit';
import { beforeAll, describe, expect, it } from 'vitest';
import { newFlat, routeEvent, useTempData } from '../../../../tests/unit/action-event';
import { getDb } from '$lib/server/db';
import * as members from '$lib/server/members';
import { m } from '$lib/paraglide/messages';
import { actions as joinActions } from './+page.server';

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
	return { db, flat, slug, ans, kees, join, id };
}

describe('the join page', () => {
	it('puts a taken name beside its field, and sends a member home', async () => {
		const { flat, slug, kees } = await setup();
		const code = flat.joinCode;
		const join = (userId: number | null, action: 'join' | 'member', form: Record<string, string>) =>
			answer(() => joinActions[action]!(post(`/join/${code}`, userId, { code }, form)));
		expect(
			await join(null, 'join', {
				name: 'kees',
				houseNumber: '',
				password: 'een lang wachtwoord',
				locale: 'nl'
			})
		).toMatchObject({ status: 400, errors: { name: m.join_name_taken() } });
		expect(await join(kees, 'member', { houseNumber: '' })).toEqual({
			redirect: 303,
			location: `/f/${slug}`
		});
		const other = newFlat('B', `b-${slug}`);
		await members.join(getDb(), {
			flat: other,
			name: 'Kees',
			houseNumber: null,
			password: 'wachtwoord',
			locale: 'nl'
		});
		const otherKees = members.forLogin(getDb(), other.id, 'Kees')!.userId;
		expect(await join(otherKees, 'member', { houseNumber: '' })).toMatchObject({
			status: 400,
			errors: { form: m.join_name_taken_member() }
		});
		expect(
			await answer(() =>
				joinActions.join!(
					post(
						'/join/NOPE',
						null,
						{ code: 'NOPE-2345' },
						{ name: 'Zo', houseNumber: '', password: 'een lang wachtwoord', locale: 'nl' }
					)
				)
			)
		).toEqual({ error: 404 });
	});
});
