import { isActionFailure } from '@sveltejs/kit';
import { beforeAll, describe, expect, it } from 'vitest';
import {
	actionEvent,
	appFlatWithNeighbours,
	useTempData
} from '../../../../../tests/unit/action-event';
import * as account from '$lib/server/auth/account';
import { actions } from './+page.server';

beforeAll(() => useTempData());

describe('spare keys', () => {
	it('put a holder who cannot hold the key beside the choice, and answer the rest above', async () => {
		const { db, flat, ids } = await appFlatWithNeighbours(['Kees'], {
			slug: 'keys-holder',
			password: 'een-wachtwoord'
		});
		const kees = ids.Kees;
		const as = (form: Record<string, string>) =>
			actionEvent(
				'/f/keys-holder/keys',
				{ user: account.get(db, kees)! },
				{ flat: flat.slug },
				form
			);
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
