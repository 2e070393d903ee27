import * as flats from '$lib/server/flats';
import type * as help from '$lib/server/help';
import * as members from '$lib/server/members';
import type { DB } from '$lib/server/db';
import { testDb } from './test-db';

/** For unit tests: a request as a neighbour types one (flexible, for themselves, named). */
export const request = (title: string, over: Partial<help.PostInput> = {}): help.PostInput => ({
	type: 'request',
	category: 'errands',
	title,
	description: '',
	when: 'flexible',
	startDate: null,
	endDate: null,
	anonymous: false,
	onBehalfOf: null,
	...over
});

/** For unit tests: a second flat on the same database, to show nothing crosses between flats. */
export const otherFlat = (db: DB, timeZone = 'UTC') =>
	flats.create(db, { name: 'O', slug: 'o-flat', timeZone, joinMode: 'open' });

/** For unit tests: a flat on a fresh in-memory database, with three neighbours who joined. */
export async function flatWithNeighbours(timeZone = 'UTC') {
	const db = testDb();
	const flat = flats.create(db, { name: 'H', slug: 'h-flat', timeZone, joinMode: 'open' });
	const join = async (name: string) =>
		(
			await members.join(db, {
				flat,
				name,
				houseNumber: null,
				password: 'wachtwoord',
				locale: 'nl'
			})
		).userId;
	return { db, flat, join, ans: await join('Ans'), kees: await join('Kees'), mo: await join('Mo') };
}
