import { beforeAll, describe, expect, it } from 'vitest';
import {
	actionEvent,
	answer,
	anyAddress,
	appFlatWithNeighbours,
	newFlat,
	useTempData
} from '../../../../tests/unit/action-event';
import { getDb } from '$lib/server/db';
import * as members from '$lib/server/members';
import { m } from '$lib/paraglide/messages';
import { actions as joinActions } from './+page.server';

beforeAll(() => useTempData());

/** A post to the join page, from another address each time. */
const post = (url: string, userId: number | null, params: Record<string, string>, form = {}) =>
	actionEvent(url, userId, params, form, anyAddress());

const setup = async () => {
	const made = await appFlatWithNeighbours(['Ans', 'Kees'], { verbinder: 'Ans' });
	return { ...made, kees: made.ids.Kees };
};

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
