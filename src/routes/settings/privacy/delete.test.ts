import { beforeAll, describe, expect, it } from 'vitest';
import {
	actionEvent,
	answer,
	anyAddress,
	appFlatWithNeighbours,
	useTempData
} from '../../../../tests/unit/action-event';
import { m } from '$lib/paraglide/messages';
import { actions as privacyActions } from './+page.server';

beforeAll(() => useTempData());

const setup = async () => {
	const made = await appFlatWithNeighbours(['Ans', 'Kees'], { verbinder: 'Ans' });
	return { ...made, ans: made.ids.Ans };
};

describe('deleting an account', () => {
	it('says which flat needs its verbinder, and which password was wrong', async () => {
		const { ans } = await setup();
		const del = (form: Record<string, string>) =>
			answer(() =>
				privacyActions.delete!(actionEvent('/settings/privacy', ans, {}, form, anyAddress()))
			);
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
