import { isActionFailure, isRedirect } from '@sveltejs/kit';
import { beforeAll, describe, expect, it } from 'vitest';
import {
	appFlatWithNeighbours,
	newFlat,
	routeEvent,
	useTempData
} from '../../../tests/unit/action-event';
import * as flats from '$lib/server/flats';
import { actions, load } from './+page.server';

beforeAll(() => useTempData());

async function attempt(form: Record<string, string>, address: string) {
	const { event } = routeEvent('/login', { form, address });
	try {
		const answer = await actions.default!(event as never);
		return isActionFailure(answer) ? answer.status : 200;
	} catch (e) {
		if (isRedirect(e)) return e.status;
		throw e;
	}
}

describe('login', () => {
	it('counts guesses against the account, however its flat is typed', async () => {
		const { flat } = await appFlatWithNeighbours(['Kees'], {
			slug: 'de-horst',
			password: 'het-goede-wachtwoord'
		});
		const shown = flats.joinCode.format(flat.joinCode);
		const ways = ['de-horst', 'DE-HORST', ' de-horst ', shown, shown.toLowerCase(), flat.joinCode];
		const statuses = [];
		// From different addresses, so only the account's own limit can stop them.
		for (let i = 0; i < 8; i++)
			statuses.push(
				await attempt(
					{ flat: ways[i % ways.length]!, name: i % 2 ? 'KEES' : 'kees', password: 'fout' },
					`203.0.113.${i}`
				)
			);
		expect(statuses).toEqual(Array(8).fill(400));
		const right = { flat: shown, name: 'Kees', password: 'het-goede-wachtwoord' };
		expect(await attempt(right, '198.51.100.1')).toBe(429);
	});

	it('fills in the remembered flat without looking it up, for anyone logged out', () => {
		const secret = newFlat('Geheime Toren', 'geheime-toren');
		for (const slug of [secret.slug, 'bestaat-niet']) {
			const { event } = routeEvent('/login', { cookies: { flat: slug } });
			const data = load(event as never);
			expect(JSON.stringify(data)).not.toContain('Geheime Toren');
			expect(data).toMatchObject({ remembered: slug });
		}
	});
});
