import { isActionFailure, isHttpError, isRedirect } from '@sveltejs/kit';
import { beforeAll, describe, expect, it } from 'vitest';
import { newFlat, routeEvent, useTempData } from '../../../../tests/unit/action-event';
import { getDb } from '$lib/server/db';
import * as members from '$lib/server/members';
import { m } from '$lib/paraglide/messages';
import { actions as privacyActions } from './+page.server';

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

describe('deleting an account', () => {
	it('says which flat needs its verbinder, and which password was wrong', async () => {
		const { ans } = await setup();
		const del = (form: Record<string, string>) =>
			answer(() => privacyActions.delete!(post('/settings/privacy', ans, {}, form)));
		expect(await del({ password: 'fout', confirm: 'on' })).toMatchObject({
			status: 400,
			errors: { password: m.privacy_delete_wrong_password() }
		});
		expect(await del({ password: 'wachtwoord', confirm: 'on' })).toMatchObject({
			status: 400,
			errors: { form: m.privacy_delete_last_verbinder({ flat: 'De Horst' }) }
		});
	});
});
