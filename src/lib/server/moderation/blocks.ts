import { and, eq, or, sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import type { DB } from '../db';
import { blocks, users } from '../db/schema';
import { ModerationError } from './model';

/** Everyone this member blocked or was blocked by, in this flat: they do not meet on the board. */
export function blockedWith(db: DB, flatId: number, userId: number): number[] {
	return db
		.select({ blockerId: blocks.blockerId, blockedId: blocks.blockedId })
		.from(blocks)
		.where(
			and(eq(blocks.flatId, flatId), or(eq(blocks.blockerId, userId), eq(blocks.blockedId, userId)))
		)
		.all()
		.map((b) => (b.blockerId === userId ? b.blockedId : b.blockerId));
}

/**
 * A condition for a query: the member in `column` (a post's author, a greeting's writer) and
 * the viewer did not block each other in this flat; rows without a member pass. The flat and
 * viewer may be `sql.placeholder`s, so a prepared query keeps one shape however many blocks
 * there are. A null viewer is no one: nothing is hidden.
 */
export function apart(
	column: SQLiteColumn,
	flatId: number | SQLWrapper,
	viewerId: number | null | SQLWrapper
): SQL {
	return sql`(${column} is null or ${column} not in (select ${blocks.blockedId} from ${blocks} where ${blocks.flatId} = ${flatId} and ${blocks.blockerId} = ${viewerId} union all select ${blocks.blockerId} from ${blocks} where ${blocks.flatId} = ${flatId} and ${blocks.blockedId} = ${viewerId}))`;
}

/** One member blocks another in this flat: from now on they do not meet on the board. */
export function block(db: DB, flatId: number, blockerId: number, blockedId: number): void {
	if (blockerId === blockedId) throw new ModerationError('self');
	db.insert(blocks).values({ flatId, blockerId, blockedId }).onConflictDoNothing().run();
}

/** Lifts a block this member made. */
export function unblock(db: DB, flatId: number, blockerId: number, blockedId: number): void {
	db.delete(blocks)
		.where(
			and(
				eq(blocks.flatId, flatId),
				eq(blocks.blockerId, blockerId),
				eq(blocks.blockedId, blockedId)
			)
		)
		.run();
}

/** The people this member blocked (never who blocked them). */
export function blockedBy(db: DB, flatId: number, blockerId: number) {
	return db
		.select({ userId: users.id, name: users.name })
		.from(blocks)
		.innerJoin(users, eq(users.id, blocks.blockedId))
		.where(and(eq(blocks.flatId, flatId), eq(blocks.blockerId, blockerId)))
		.all();
}
