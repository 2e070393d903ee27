import { isActionFailure } from '@sveltejs/kit';
import { beforeAll, describe, expect, it } from 'vitest';
import { appFlatWithNeighbours, routeEvent, useTempData } from '../../../tests/unit/action-event';
import * as account from '$lib/server/auth/account';
import * as session from '$lib/server/auth/session';
import { actions } from './+page.server';

beforeAll(() => useTempData());

async function kees() {
	const { db, ids } = await appFlatWithNeighbours(['Kees'], { password: 'het-oude-wachtwoord' });
	const userId = ids.Kees;
	const here = session.create(db, userId);
	const phone = session.create(db, userId);
	const user = account.get(db, userId)!;
	const change = async (current: string, address = '203.0.113.7') => {
		const { event } = routeEvent('/settings?/password', {
			form: { current, password: 'een-nieuw-wachtwoord' },
			locals: { user, session: here.session },
			address
		});
		const answer = await actions.password!(event as never);
		return isActionFailure(answer) ? answer.status : 200;
	};
	return { db, here, phone, change };
}

describe('changing the password', () => {
	it('ends the other sessions and keeps this one', async () => {
		const { db, here, phone, change } = await kees();
		expect(await change('het-oude-wachtwoord')).toBe(200);
		expect(session.validate(db, here.token)).not.toBeNull();
		expect(session.validate(db, phone.token)).toBeNull();
	});

	it('limits guesses of the current password per account', async () => {
		const { change } = await kees();
		const statuses = [];
		for (let i = 0; i < 8; i++) statuses.push(await change('geraden', `203.0.113.${i}`));
		expect(statuses).toEqual(Array(8).fill(400));
		expect(await change('het-oude-wachtwoord', '198.51.100.1')).toBe(429);
	});
});
