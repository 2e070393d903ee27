import { and, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { listOf, prepared, type DB } from '../db';
import {
	flats,
	memberships,
	notifications,
	pushOutbox,
	pushSubscriptions,
	users,
	type Role
} from '../db/schema';
import { notificationText } from '$lib/notifications';
import { isLocale } from '$lib/paraglide/runtime';
import { kick } from '../push/deliver';
import { can, type Permission } from '../auth/roles';
import * as prefs from './prefs';

export type NotificationType =
	| 'request_match'
	| 'request_new'
	| 'member_joined'
	| 'member_waiting'
	| 'verbinder_added'
	| 'report_new'
	| 'response_new'
	| 'response_accepted'
	| 'response_declined'
	| 'message_new'
	| 'done_marked'
	| 'done_confirmed'
	| 'thanks_received'
	| 'post_expiring'
	| 'post_closed'
	| 'report_handled'
	| 'key_added'
	| 'key_review'
	| 'activity_new'
	| 'activity_proposed'
	| 'activity_approved'
	| 'activity_declined'
	| 'activity_cancelled'
	| 'activity_moved'
	| 'activity_restored'
	| 'activity_promoted'
	| 'activity_reminder';

export type NewNotification = {
	flatId: number;
	userId: number;
	type: NotificationType;
	link: string;
	params?: Record<string, string | number>;
	/** The person the text names: deleting their account deletes it (and its push) too. */
	about?: number;
};

/**
 * What a member must be allowed to see for a kind of notification to reach them. Its text
 * names a post, a key or a neighbour, so a professional (who never sees help) hears nothing
 * of help, even with a choice left over from before their role changed.
 */
const NEEDS: Record<NotificationType, Permission> = {
	request_match: 'help.view',
	request_new: 'help.view',
	response_new: 'help.view',
	response_accepted: 'help.view',
	response_declined: 'help.view',
	message_new: 'messages.view',
	done_marked: 'help.view',
	done_confirmed: 'help.view',
	thanks_received: 'help.view',
	post_expiring: 'help.view',
	post_closed: 'help.view',
	report_handled: 'help.view',
	key_added: 'keys.use',
	key_review: 'keys.use',
	member_joined: 'members.view',
	member_waiting: 'members.view',
	verbinder_added: 'members.view',
	report_new: 'reports.manage',
	activity_new: 'calendar.view',
	activity_proposed: 'calendar.view',
	activity_approved: 'calendar.view',
	activity_declined: 'calendar.view',
	activity_cancelled: 'calendar.view',
	activity_moved: 'calendar.view',
	activity_restored: 'calendar.view',
	activity_promoted: 'calendar.view',
	activity_reminder: 'calendar.view'
};

/** The kinds of notification a role may not see. */
function unseenBy(role: Role): NotificationType[] {
	return (Object.keys(NEEDS) as NotificationType[]).filter((type) => !can(role, NEEDS[type]));
}

/** Pushes of one thread (a post, an activity date) go out at most this often; later ones fold in. */
export const FOLD_MS = 10 * 60 * 1000;

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

const devicesOf = prepared((db) =>
	db
		.select()
		.from(pushSubscriptions)
		.where(inArray(pushSubscriptions.userId, listOf('userIds')))
		.prepare()
);

/**
 * Stores notifications as each member chose (the bell, a push too, or nothing), rendered in
 * the recipient's language when shown. Pushes go to the outbox, held through quiet hours and
 * folded per thread; the push worker sends them off the request path.
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
		const channel = chosen.get(who.membershipId)![prefs.GROUP_OF[n.type]];
		if (channel !== 'off') kept.push({ n, push: channel === 'push' });
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
	const pushes = kept.filter((k) => k.push).map((k) => k.n);
	if (pushes.length === 0) return;
	const devices = devicesOf(db).all({
		userIds: JSON.stringify([...new Set(pushes.map((n) => n.userId))])
	});
	let queued = 0;
	for (const n of pushes) {
		const who = member.get(`${n.flatId}/${n.userId}`)!;
		const locale = isLocale(who.locale) ? who.locale : 'nl';
		const path = `/f/${who.slug}${n.link ? `/${n.link}` : ''}`;
		const payload = {
			title: who.flatName,
			body: notificationText(n.type, n.params ?? {}, locale),
			url: path,
			tag: path
		};
		const quiet = prefs.quietUntil(now, who.timeZone, who.quietStart, who.quietEnd);
		for (const device of devices.filter((d) => d.userId === n.userId)) {
			queue(db, device.id, n, payload, quiet, now);
			queued++;
		}
	}
	if (queued) kick();
}

/** One push for one device: folded into a waiting push of the same thread, or queued. */
function queue(
	db: DB,
	subscriptionId: number,
	n: NewNotification,
	payload: { title: string; body: string; url: string; tag: string },
	quietEnd: Date | null,
	now: Date
) {
	const thread = `${n.flatId}:${n.link}`;
	const last = db
		.select()
		.from(pushOutbox)
		.where(and(eq(pushOutbox.subscriptionId, subscriptionId), eq(pushOutbox.thread, thread)))
		.orderBy(desc(pushOutbox.createdAt), desc(pushOutbox.id))
		.limit(1)
		.get();
	if (last?.status === 'pending') {
		db.update(pushOutbox)
			.set({ payload, count: last.count + 1 })
			.where(eq(pushOutbox.id, last.id))
			.run();
		return;
	}
	const foldUntil =
		last?.status === 'sent' && last.sentAt && now.getTime() - last.sentAt.getTime() < FOLD_MS
			? new Date(last.sentAt.getTime() + FOLD_MS)
			: now;
	const notBefore = new Date(Math.max(foldUntil.getTime(), quietEnd?.getTime() ?? 0));
	db.insert(pushOutbox)
		.values({
			subscriptionId,
			userId: n.userId,
			flatId: n.flatId,
			thread,
			payload,
			aboutUserId: n.about ?? null,
			quiet: !!quietEnd,
			notBefore,
			createdAt: now
		})
		.run();
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

/** How many of a member's notifications in this flat are unread: the number on the bell. */
export function unreadCount(db: DB, flatId: number, userId: number): number {
	return unread(db).get({ flatId, userId })!.n;
}

const unread = prepared((db) =>
	db
		.select({ n: sql<number>`count(*)` })
		.from(notifications)
		.where(
			and(
				eq(notifications.userId, sql.placeholder('userId')),
				eq(notifications.flatId, sql.placeholder('flatId')),
				isNull(notifications.readAt)
			)
		)
		.prepare()
);

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
	db.delete(pushOutbox)
		.where(
			and(
				eq(pushOutbox.flatId, flatId),
				eq(pushOutbox.userId, userId),
				eq(pushOutbox.status, 'pending')
			)
		)
		.run();
}

/** A member's latest notifications in this flat, newest first. */
export function list(db: DB, flatId: number, userId: number, limit = 50) {
	return db
		.select({
			id: notifications.id,
			type: notifications.type,
			link: notifications.link,
			params: notifications.params,
			createdAt: notifications.createdAt,
			read: sql<number>`${notifications.readAt} is not null`
		})
		.from(notifications)
		.where(and(eq(notifications.userId, userId), eq(notifications.flatId, flatId)))
		.orderBy(desc(notifications.createdAt), desc(notifications.id))
		.limit(limit)
		.all()
		.map((n) => ({ ...n, read: !!n.read }));
}

/** Marks one notification read and returns where it points (relative to the flat). */
export function open(db: DB, flatId: number, userId: number, id: number, now = new Date()) {
	const row = db
		.update(notifications)
		.set({ readAt: now })
		.where(
			and(
				eq(notifications.id, id),
				eq(notifications.userId, userId),
				eq(notifications.flatId, flatId)
			)
		)
		.returning({ link: notifications.link })
		.get();
	return row?.link;
}

export function markAllRead(db: DB, flatId: number, userId: number, now = new Date()): void {
	db.update(notifications)
		.set({ readAt: now })
		.where(
			and(
				eq(notifications.userId, userId),
				eq(notifications.flatId, flatId),
				isNull(notifications.readAt)
			)
		)
		.run();
}
