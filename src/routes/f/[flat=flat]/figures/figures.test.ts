import { beforeAll, describe, expect, it } from 'vitest';
import {
	actionEvent,
	answer,
	appFlatWithNeighbours,
	useTempData
} from '../../../../../tests/unit/action-event';
import * as help from '$lib/server/help';
import * as members from '$lib/server/members';
import { request } from '../../../../../tests/unit/fixtures';
import { load } from './+page.server';
import { GET } from './csv/+server';

beforeAll(() => useTempData());

const FLAT = 'de-cijfers';

describe('the figures page and its CSV', () => {
	it('give verbinders and professionals the same counts, no names; residents are refused', async () => {
		const { db, flat, ids, membershipId } = await appFlatWithNeighbours(
			['Ans', 'Kees', 'Mo', 'Sara'],
			{ slug: FLAT, verbinder: 'Ans' }
		);
		members.setRole(db, flat.id, Number(membershipId(ids.Kees)), 'professional');
		for (const [name, category] of [
			['Mo', 'errands'],
			['Sara', 'plants'],
			['Ans', 'pets']
		] as const)
			help.create(
				db,
				flat,
				{ userId: ids[name], role: 'resident' },
				request(`Vraag van ${name}`, { category })
			);
		const url = `/f/${FLAT}/figures`;
		const as = (id: number) => actionEvent(url, id, { flat: FLAT });
		const verbinder = (await load(as(ids.Ans))) as {
			measures: { key: string; total: unknown }[];
		};
		const professional = await load(as(ids.Kees));
		expect(professional).toEqual(verbinder);
		const requests = verbinder.measures.find((m) => m.key === 'requests')!;
		expect(requests.total).toBe(3);
		expect(verbinder.measures.find((m) => m.key === 'answered')!.total).toBe('<3');
		const data = JSON.stringify(verbinder);
		for (const word of ['Ans', 'Kees', 'Mo', 'Sara', 'Vraag van']) expect(data).not.toContain(word);

		const csv = (await GET(as(ids.Kees))) as Response;
		expect(csv.headers.get('content-disposition')).toMatch(
			/^attachment; filename="figures-de-cijfers-/
		);
		const text = await csv.text();
		expect(text.split('\r\n').at(-2)).toMatch(/^Totaal;3;<3;/);
		for (const word of ['Ans', 'Kees', 'Mo', 'Sara', 'Vraag van']) expect(text).not.toContain(word);

		expect(await answer(() => load(as(ids.Mo)))).toEqual({ error: 403 });
		expect(await answer(() => GET(as(ids.Mo)))).toEqual({ error: 403 });
	});
});
