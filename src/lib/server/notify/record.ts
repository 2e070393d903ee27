import { and, eq, inArray, sql } from 'drizzle-orm';
import { isLocale } from '$lib/paraglide/runtime';
import { listOf, prepared, type DB } from '../db';
import { flats, memberships, notifications, users, type Role } from '../db/schema';
import { can } from '../auth/roles';
import * as push from '../push';
import { delivery, GROUP_OF, NEEDS, text, unseenBy, type NewNotification } from './model';
import * as prefs from './prefs';
import { flatPath } from '$lib/stored-links';

/** The memberships a batch of notifications is for, with what their text and push need. */
const recipients = prepared((db) =>
	db
		.select({
			membershipId: memberships.id,
			flatId: memberships.flatId,
			userId: memberships.userId,
			role: memberships.role,
			quietStart: memberships.quietStart,
			quietEnd: memberships.quietEnd,
			locale: users.locale,
			timeZone: flats.timeZone,
			slug: flats.slug,
			flatName: flats.name
		})
		.from(memberships)
		.innerJoin(users, eq(users.id, memberships.userId))
		.innerJoin(flats, eq(flats.id, memberships.flatId))
		.where(
			and(
				inArray(memberships.flatId, listOf('flatIds')),
				inArray(memberships.userId, listOf('userIds'))
			)
		)
		.prepare()
);

/**
 * One notification row. Rows go in one by one through a statement built once: a post in a
 * big flat can notify dozens, and a many-row insert is new SQL for every count. (In an
 * insert, placeholders go through the columns' own mapping: objects and dates as they are.)
 */
const insertOne = prepared((db) =>
	db
		.insert(notifications)
		.values({
			flatId: sql.placeholder('flatId'),
			userId: sql.placeholder('userId'),
			type: sql.placeholder('type'),
			link: sql.placeholder('link'),
			params: sql.placeholder('params'),
			aboutUserId: sql.placeholder('aboutUserId'),
			createdAt: sql.placeholder('createdAt')
		})
		.prepare()
);

/**
 * Stores notifications as each member chose (the bell, a push too, the weekly summary, or
 * nothing; see `delivery`), rendered in
 * the recipient's language when shown. A push is written here in the recipient's language
 * and handed to the outbox with the end of their quiet hours; push folds and sends it.
 */
export function record(db: DB, items: NewNotification | NewNotification[], now = new Date()): void {
	const list = Array.isArray(items) ? items : [items];
	if (list.length === 0) return;
	const members = recipients(db).all({
		flatIds: JSON.stringify([...new Set(list.map((n) => n.flatId))]),
		userIds: JSON.stringify([...new Set(list.map((n) => n.userId))])
	});
	const member = new Map(members.map((r) => [`${r.flatId}/${r.userId}`, r]));
	const chosen = prefs.forMemberships(
		db,
		members.map((r) => r.membershipId)
	);
	const kept: { n: NewNotification; push: boolean }[] = [];
	for (const n of list) {
		const who = member.get(`${n.flatId}/${n.userId}`);
		// Someone who left the flat hears nothing more of it; nobody hears what their role may not see.
		if (!who || !can(who.role, NEEDS[n.type])) continue;
		const how = delivery(n.type, chosen.get(who.membershipId)![GROUP_OF[n.type]]);
		if (how) kept.push({ n, push: how === 'push' });
	}
	if (kept.length === 0) return;
	const insert = insertOne(db);
	for (const { n } of kept)
		insert.run({
			flatId: n.flatId,
			userId: n.userId,
			type: n.type,
			link: n.link,
			params: n.params ?? {},
			aboutUserId: n.about ?? null,
			createdAt: now
		});
	push.queue(
		db,
		kept
			.filter((k) => k.push)
			.map(({ n }) => {
				const who = member.get(`${n.flatId}/${n.userId}`)!;
				const locale = isLocale(who.locale) ? who.locale : 'nl';
				const url = flatPath(who.slug, n.link);
				return {
					userId: n.userId,
					flatId: n.flatId,
					thread: `${n.flatId}:${n.link}`,
					title: who.flatName,
					body: text(n.type, n.params ?? {}, locale),
					url,
					about: n.about,
					quietUntil: prefs.quietUntil(now, who.timeZone, who.quietStart, who.quietEnd)
				};
			}),
		now
	);
}

/** The flat's active members (of some roles only, if given): who hears of the flat's news. */
export function activeMembers(db: DB, flatId: number, roles?: Role[]): number[] {
	return db
		.select({ userId: memberships.userId })
		.from(memberships)
		.where(
			and(
				eq(memberships.flatId, flatId),
				eq(memberships.status, 'active'),
				roles ? inArray(memberships.role, roles) : undefined
			)
		)
		.all()
		.map((r) => r.userId);
}

/** The flat's active verbinders: who hears of joins and reports. */
export const verbinders = (db: DB, flatId: number) => activeMembers(db, flatId, ['verbinder']);

/**
 * After a role change: the notifications the new role may not see are gone, and so are the
 * member's pushes for this flat still waiting to go out (their text may be about help).
 */
export function forgetUnseen(db: DB, flatId: number, userId: number, role: Role): void {
	const unseen = unseenBy(role);
	if (unseen.length === 0) return;
	db.delete(notifications)
		.where(
			and(
				eq(notifications.flatId, flatId),
				eq(notifications.userId, userId),
				inArray(notifications.type, unseen)
			)
		)
		.run();
	push.dropPending(db, flatId, userId);
}
