import { isActionFailure } from '@sveltejs/kit';
import { beforeAll, describe, expect, it } from 'vitest';
import { newFlat, routeEvent, useTempData } from '../../../../../tests/unit/action-event';
import { getDb } from '$lib/server/db';
import * as account from '$lib/server/auth/account';
import * as members from '$lib/server/members';
import { actions } from './+page.server';

beforeAll(() => useTempData());

describe('spare keys', () => {
	it('put a holder who cannot hold the key beside the choice, and answer the rest above', async () => {
		const db = getDb();
		const flat = newFlat('De Horst', 'keys-holder');
		const { userId: kees } = await members.join(db, {
			flat,
			name: 'Kees',
			houseNumber: null,
			password: 'een-wachtwoord',
			locale: 'nl'
		});
		const as = (form: Record<string, string>) => {
			const { event } = routeEvent('/f/keys-holder/keys', {
				form,
				locals: { user: account.get(db, kees)! }
			});
			(event as { params: Record<string, string> }).params = { flat: flat.slug };
			return event as never;
		};
		const self = await actions.add!(as({ holderId: String(kees) }));
		expect(isActionFailure(self) && self.status).toBe(400);
		expect(isActionFailure(self) && self.data).toMatchObject({
			action: 'add',
			errors: { holderId: expect.any(String) }
		});
		const end = await actions.end!(as({ keyId: '999' }));
		expect(isActionFailure(end) && end.status).toBe(400);
		expect(isActionFailure(end) && end.data).toMatchObject({
			action: 'end',
			message: expect.any(String)
		});
	});
});
