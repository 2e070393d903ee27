import { and, eq } from 'drizzle-orm';
import type { DB } from '../db';
import { activities, type Activity } from '../db/schema';
import { CalendarError, type Actor } from './model';

/** Whether an actor may change an activity: verbinders any, others only their own. */
export function canManage(actor: Actor, a: Pick<Activity, 'authorId'>): boolean {
	return actor.role === 'verbinder' || a.authorId === actor.userId;
}

/**
 * An activity of the flat that this actor may see (a proposal only to verbinders and its
 * author), or undefined: for a page's guard, which answers a 404 itself.
 */
export function find(db: DB, flatId: number, id: number, actor: Actor): Activity | undefined {
	const a = db
		.select()
		.from(activities)
		.where(and(eq(activities.id, id), eq(activities.flatId, flatId)))
		.get();
	return !a || (a.status === 'proposed' && !canManage(actor, a)) ? undefined : a;
}

/** An activity of the flat that this actor may see, as `find`; none is `not_found`. */
export function get(db: DB, flatId: number, id: number, actor: Actor): Activity {
	const a = find(db, flatId, id, actor);
	if (!a) throw new CalendarError('not_found');
	return a;
}

/** An activity this actor may change; one they may only see is `not_allowed`. */
export function manageable(db: DB, flatId: number, id: number, actor: Actor): Activity {
	const a = get(db, flatId, id, actor);
	if (!canManage(actor, a)) throw new CalendarError('not_allowed');
	return a;
}
