import { isActionFailure } from '@sveltejs/kit';
import { beforeAll, describe, expect, it } from 'vitest';
import { newFlat, routeEvent, useTempData } from '../../../tests/unit/action-event';
import { getDb } from '$lib/server/db';
import * as admin from '$lib/server/admin';
import * as loginCode from '$lib/server/auth/login-code';
import { actions } from './+page.server';

beforeAll(() => useTempData());

describe('/code redeem', () => {
	it('is limited like check, and a limited answer names nobody', async () => {
		const db = getDb();
		const flat = newFlat('De Horst', 'de-horst');
		const code = admin.handVerbinder(db, { flatId: flat.id, name: 'Bram' });
		const answers = [];
		// A password too short: the action answers without using the code, as a guesser would make it.
		for (let i = 0; i < 12; i++) {
			const { event } = routeEvent('/code?/redeem', { form: { code, password: 'kort' } });
			answers.push(await actions.redeem!(event as never));
		}
		const statuses = answers.map((a) => (isActionFailure(a) ? a.status : 200));
		expect(statuses.slice(0, 10)).toEqual(Array(10).fill(400));
		expect(statuses.slice(10)).toEqual([429, 429]);
		expect(JSON.stringify(answers.slice(10))).not.toContain('Bram');
		// The code itself was never used.
		expect(loginCode.check(db, code)?.name).toBe('Bram');
	});
});
