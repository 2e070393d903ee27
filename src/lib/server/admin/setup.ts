import type { DB } from '../db';
import { users } from '../db/schema';
import { hashPassword } from '../auth/password';
import * as flats from '../flats';
import { cleanName, nameKey, nameSkeleton } from '../members/name';
import { createFlat } from './admin';
import { SetupError } from './model';

/** Whether the first-run setup is still open: only while there is no flat at all. */
export function setupOpen(db: DB): boolean {
	return flats.count(db) === 0;
}

/** First run: the instance admin's account and the first flat, together or not at all. */
export async function setup(
	db: DB,
	input: { adminName: string; password: string; locale: string; flat: flats.NewFlat }
): Promise<{ userId: number; flatSlug: string }> {
	const passwordHash = await hashPassword(input.password);
	return db.transaction((tx) => {
		if (!setupOpen(tx)) throw new SetupError();
		const name = cleanName(input.adminName);
		const user = tx
			.insert(users)
			.values({
				name,
				nameKey: nameKey(name),
				nameSkeleton: nameSkeleton(name),
				passwordHash,
				locale: input.locale,
				isAdmin: true
			})
			.returning({ id: users.id })
			.get();
		const flat = createFlat(tx, input.flat);
		return { userId: user.id, flatSlug: flat.slug };
	});
}
