import { isActionFailure, isHttpError, isRedirect } from '@sveltejs/kit';
import { beforeAll, describe, expect, it } from 'vitest';
import {
	actionEvent,
	appFlatWithNeighbours,
	newFlat,
	useTempData
} from '../../../../../tests/unit/action-event';
import * as account from '$lib/server/auth/account';
import * as socialmap from '$lib/server/socialmap';
import { actions as newActions } from './new/+page.server';
import { actions as editActions } from './[id=id]/edit/+page.server';

beforeAll(() => useTempData());

/** A flat with its verbinder Bram, who edits the map, and a neighbour, Kees. */
async function flat(slug: string) {
	const made = await appFlatWithNeighbours(['Bram', 'Kees'], {
		slug,
		verbinder: 'Bram',
		password: 'een-wachtwoord'
	});
	const as = (userId: number, url: string, form: Record<string, string>, id?: number) =>
		actionEvent(
			url,
			{ user: account.get(made.db, userId)! },
			{ flat: slug, ...(id ? { id: String(id) } : {}) },
			form
		);
	return { db: made.db, flat: made.flat, bram: made.ids.Bram, kees: made.ids.Kees, as };
}

async function answer(run: unknown) {
	try {
		const got = await run;
		return isActionFailure(got)
			? { status: got.status, data: got.data }
			: { status: 200, data: got };
	} catch (e) {
		if (isRedirect(e)) return { status: e.status, data: e.location };
		if (isHttpError(e)) return { status: e.status, data: e.body };
		throw e;
	}
}

describe('the map’s forms', () => {
	it('want a name for a new place, beside the field, and keep what was typed', async () => {
		const { as, bram } = await flat('map-name');
		const got = await answer(
			newActions.default!(as(bram, '/f/map-name/map/new', { category: 'other', phone: '112' }))
		);
		expect(got).toMatchObject({
			status: 400,
			data: { action: 'save', values: { phone: '112' }, errors: { name: 'Vul de naam in.' } }
		});
		const saved = await answer(
			newActions.default!(as(bram, '/f/map-name/map/new', { category: 'other', name: 'Kelder' }))
		);
		expect(saved.status).toBe(303);
	});

	it('answer a place of another flat as not there, and keep the preset rows', async () => {
		const { db, as, bram, flat: horst } = await flat('map-edit');
		const other = newFlat('Elders', 'map-elders');
		const theirs = socialmap.create(db, other.id, {
			category: 'other',
			name: 'Hun plek',
			helpsWith: '',
			phone: '',
			website: '',
			address: '',
			hours: [],
			afterHours: false
		});
		const url = '/f/map-edit/map/1/edit?/remove';
		const gone = await answer(editActions.remove!(as(bram, url, { confirm: 'on' }, theirs.id)));
		expect(gone.status).toBe(404);
		const [emergency] = socialmap.list(db, horst.id).afterHours;
		const kept = await answer(editActions.remove!(as(bram, url, { confirm: 'on' }, emergency!.id)));
		expect(kept).toMatchObject({
			status: 400,
			data: { action: 'remove', message: expect.any(String) }
		});
		const unsure = await answer(editActions.remove!(as(bram, url, {}, emergency!.id)));
		expect(unsure).toMatchObject({
			status: 400,
			data: { action: 'remove', errors: { confirm: expect.any(String) } }
		});
	});
});
