import { and, desc, eq, gte, sql } from 'drizzle-orm';
import { prepared, type DB } from '../db';
import { greetings, memberships, users } from '../db/schema';
import * as moderation from '../moderation';
import { DAY } from '../time';
import { tick } from './checklist';
import type { Greeting } from './model';

/** The board shows a handful of hellos; a busy month does not push the posts out of sight. */
const GREETINGS_SHOWN = 12;

/**
 * A new neighbour says hello to the flat: one hello per member per flat, which also ticks
 * the checklist's first step. False when this member already said hello here.
 */
export function greet(
	db: DB,
	flatId: number,
	userId: number,
	membershipId: number,
	body: string,
	now = new Date()
): boolean {
	return db.transaction((tx) => {
		const added = tx
			.insert(greetings)
			.values({ flatId, userId, body: body.trim(), createdAt: now })
			.onConflictDoNothing()
			.run().changes;
		tick(tx, membershipId, 'greet', now);
		return added > 0;
	});
}

const greetingsSince = prepared((db) =>
	db
		.select({ name: users.name, body: greetings.body, createdAt: greetings.createdAt })
		.from(greetings)
		.innerJoin(users, eq(users.id, greetings.userId))
		.innerJoin(
			memberships,
			and(eq(memberships.flatId, greetings.flatId), eq(memberships.userId, greetings.userId))
		)
		.where(
			and(
				eq(greetings.flatId, sql.placeholder('flatId')),
				eq(memberships.status, 'active'),
				gte(greetings.createdAt, sql.placeholder('since')),
				// Blocking keeps two neighbours apart here too, both ways, as on the board.
				moderation.apart(greetings.userId, sql.placeholder('flatId'), sql.placeholder('viewer'))
			)
		)
		.orderBy(desc(greetings.createdAt), desc(greetings.id))
		.limit(GREETINGS_SHOWN)
		.prepare()
);

/**
 * The hellos of the last `days` days, newest first, from neighbours who still live here
 * (someone who left, or still waits for approval, is not announced).
 */
export function recentGreetings(
	db: DB,
	flatId: number,
	{ viewer, days = 30, now = new Date() }: { viewer?: number; days?: number; now?: Date } = {}
): Greeting[] {
	// The placeholder takes what SQLite stores: milliseconds, as the column's mode says.
	const since = now.getTime() - days * DAY;
	return greetingsSince(db).all({ flatId, since, viewer: viewer ?? null });
}
