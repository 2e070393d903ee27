import { openDatabase } from '$lib/server/db';

/** A fresh in-memory database with the real migrations, for unit tests. */
export function testDb() {
	return openDatabase(':memory:');
}
