import { eq, isNull, sql } from 'drizzle-orm';
import type { DB } from '../db';
import { users } from '../db/schema';
import { nameKey, nameSkeleton } from './name';

/**
 * Run at start-up, after the migrations: accounts made before names had a confusable skeleton
 * get one, or a look-alike could still join their flat. Their login key, made by the older
 * cleaning, is made again the same way, so what they type keeps matching it. One transaction;
 * when nothing is missing, one read of the users table. Returns how many accounts it filled.
 */
export function fillNameSkeletons(db: DB): number {
	return db.transaction((tx) => {
		const missing = tx
			.select({ id: users.id, name: users.name })
			.from(users)
			.where(isNull(users.nameSkeleton))
			.all();
		// Built once: an older database may hold many accounts, and building the query per row
		// cost more than running it.
		const update = tx
			.update(users)
			.set({
				nameKey: sql`${sql.placeholder('key')}`,
				nameSkeleton: sql`${sql.placeholder('skeleton')}`
			})
			.where(eq(users.id, sql.placeholder('id')))
			.prepare();
		for (const { id, name } of missing)
			update.run({ id, key: nameKey(name), skeleton: nameSkeleton(name) });
		return missing.length;
	});
}
