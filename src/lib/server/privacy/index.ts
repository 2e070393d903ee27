import { and, asc, eq, inArray, isNotNull, lte, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { DB } from '../db';
import {
	activities,
	activityRsvps,
	blocks,
	calendarFeeds,
	flats,
	greetings,
	helpMessages,
	helpPosts,
	helpRecords,
	helpResponses,
	loginCodes,
	memberships,
	notifications,
	pushOutbox,
	pushSubscriptions,
	reports,
	sessions,
	spareKeys,
	users,
	welcomeSteps
} from '../db/schema';
import { checkLogin } from '../auth/password';
import * as calendar from '../calendar';
import * as help from '../help';
import * as prefs from '../notify/prefs';
import { serviceHost } from '../push/label';
import { DAY } from '../time';
import { notificationText } from '$lib/notifications';
import { isLocale } from '$lib/paraglide/runtime';

/** How long things are kept; the public privacy page says the same in words. */
export const KEEP = {
	/** A closed or expired post, with its answers and messages, after it closed. */
	postMonths: 12,
	/** A message in a thread, whatever the post's state. */
	messageMonths: 6,
	/** A notification that was read. */
	readNotificationMonths: 3,
	/** A push that went out (or could not). */
	pushDays: 7
} as const;

export class PrivacyError extends Error {
	constructor(
		readonly code: 'not_found' | 'admin' | 'last_verbinder',
		/** The flat that would be left without a verbinder. */
		readonly flat?: string
	) {
		super(code);
	}
}

/** The first flat (by name) this user is the last active verbinder of, if any: one query. */
function lastVerbinderOf(db: DB, userId: number): string | undefined {
	const verbinders = alias(memberships, 'verbinders');
	return db
		.select({ name: flats.name })
		.from(memberships)
		.innerJoin(flats, eq(flats.id, memberships.flatId))
		.innerJoin(
			verbinders,
			and(
				eq(verbinders.flatId, memberships.flatId),
				eq(verbinders.role, 'verbinder'),
				eq(verbinders.status, 'active')
			)
		)
		.where(
			and(
				eq(memberships.userId, userId),
				eq(memberships.role, 'verbinder'),
				eq(memberships.status, 'active')
			)
		)
		.groupBy(memberships.flatId)
		.having(sql`count(*) <= 1`)
		.orderBy(asc(flats.name))
		.get()?.name;
}

/**
 * Why this account cannot be deleted by its owner, or null when it can: an instance admin
 * cannot delete themself, and a flat is never left without a verbinder.
 */
export function deleteRefusal(db: DB, userId: number): PrivacyError | null {
	const user = db.select({ isAdmin: users.isAdmin }).from(users).where(eq(users.id, userId)).get();
	if (!user) return new PrivacyError('not_found');
	if (user.isAdmin) return new PrivacyError('admin');
	const flat = lastVerbinderOf(db, userId);
	return flat ? new PrivacyError('last_verbinder', flat) : null;
}

/** True when this is the account's password; takes as long when the account has none. */
export async function checkPassword(db: DB, userId: number, password: string): Promise<boolean> {
	const account = db
		.select({ passwordHash: users.passwordHash })
		.from(users)
		.where(eq(users.id, userId))
		.get();
	return checkLogin(account, password);
}

/**
 * Everything the app keeps about one person, as a plain object for a JSON download. Other
 * people appear only by the first name this person already saw; no secrets, no one else's ids.
 */
export function exportData(db: DB, userId: number, now = new Date()) {
	const user = db
		.select({
			name: users.name,
			locale: users.locale,
			isAdmin: users.isAdmin,
			createdAt: users.createdAt
		})
		.from(users)
		.where(eq(users.id, userId))
		.get();
	if (!user) throw new PrivacyError('not_found');
	const locale = isLocale(user.locale) ? user.locale : 'nl';
	const other = alias(users, 'other');

	const flatRows = db
		.select({ membership: memberships, flat: { name: flats.name, slug: flats.slug } })
		.from(memberships)
		.innerJoin(flats, eq(flats.id, memberships.flatId))
		.where(eq(memberships.userId, userId))
		.orderBy(asc(flats.name))
		.all();
	const memberOf = flatRows.map(({ membership: ms, flat }) => ({
		flat,
		role: ms.role,
		status: ms.status,
		houseNumber: ms.houseNumber,
		talents: ms.talents,
		tags: ms.tags,
		languages: ms.languages,
		settings: {
			notifyMatches: ms.notifyMatches,
			showBalance: ms.showBalance,
			welcomeDone: ms.welcomeDone,
			quietStart: ms.quietStart,
			quietEnd: ms.quietEnd
		},
		notificationPreferences: prefs.forMembership(db, ms.id),
		welcomeSteps: db
			.select({ step: welcomeSteps.step, doneAt: welcomeSteps.doneAt })
			.from(welcomeSteps)
			.where(eq(welcomeSteps.membershipId, ms.id))
			.all(),
		greeting:
			db
				.select({ body: greetings.body, createdAt: greetings.createdAt })
				.from(greetings)
				.where(and(eq(greetings.flatId, ms.flatId), eq(greetings.userId, userId)))
				.get() ?? null,
		// Whether a private calendar address exists; the address itself is a secret.
		calendarFeed: !!db
			.select({ flatId: calendarFeeds.flatId })
			.from(calendarFeeds)
			.where(and(eq(calendarFeeds.flatId, ms.flatId), eq(calendarFeeds.userId, userId)))
			.get(),
		joinedAt: ms.createdAt
	}));

	const posts = db
		.select({
			id: helpPosts.id,
			flat: flats.name,
			type: helpPosts.type,
			category: helpPosts.category,
			title: helpPosts.title,
			description: helpPosts.description,
			when: helpPosts.when,
			startDate: helpPosts.startDate,
			endDate: helpPosts.endDate,
			anonymous: helpPosts.anonymous,
			onBehalfOf: helpPosts.onBehalfOf,
			status: helpPosts.status,
			hidden: helpPosts.hidden,
			createdAt: helpPosts.createdAt,
			expiresAt: helpPosts.expiresAt,
			closedAt: helpPosts.closedAt
		})
		.from(helpPosts)
		.innerJoin(flats, eq(flats.id, helpPosts.flatId))
		.where(eq(helpPosts.authorId, userId))
		.orderBy(asc(helpPosts.createdAt), asc(helpPosts.id))
		.all();
	const answers = posts.length
		? db
				.select({
					postId: helpResponses.postId,
					name: other.name,
					message: helpResponses.message,
					status: helpResponses.status,
					createdAt: helpResponses.createdAt
				})
				.from(helpResponses)
				.innerJoin(other, eq(other.id, helpResponses.userId))
				.where(
					inArray(
						helpResponses.postId,
						posts.map((p) => p.id)
					)
				)
				.orderBy(asc(helpResponses.createdAt), asc(helpResponses.id))
				.all()
		: [];

	const responses = db
		.select({
			flat: flats.name,
			post: helpPosts.title,
			message: helpResponses.message,
			status: helpResponses.status,
			createdAt: helpResponses.createdAt
		})
		.from(helpResponses)
		.innerJoin(helpPosts, eq(helpPosts.id, helpResponses.postId))
		.innerJoin(flats, eq(flats.id, helpPosts.flatId))
		.where(eq(helpResponses.userId, userId))
		.orderBy(asc(helpResponses.createdAt))
		.all();

	const messages = db
		.select({
			flat: flats.name,
			post: helpPosts.title,
			body: helpMessages.body,
			hidden: helpMessages.hidden,
			createdAt: helpMessages.createdAt
		})
		.from(helpMessages)
		.innerJoin(helpPosts, eq(helpPosts.id, helpMessages.postId))
		.innerJoin(flats, eq(flats.id, helpPosts.flatId))
		.where(eq(helpMessages.authorId, userId))
		.orderBy(asc(helpMessages.createdAt), asc(helpMessages.id))
		.all();

	const rsvps = db
		.select({
			flat: flats.name,
			activity: activities.title,
			date: activityRsvps.occurrence,
			kind: activityRsvps.kind,
			guests: activityRsvps.guests,
			waiting: activityRsvps.waiting,
			createdAt: activityRsvps.createdAt
		})
		.from(activityRsvps)
		.innerJoin(activities, eq(activities.id, activityRsvps.activityId))
		.innerJoin(flats, eq(flats.id, activities.flatId))
		.where(eq(activityRsvps.userId, userId))
		.orderBy(asc(activityRsvps.occurrence))
		.all();

	const activitiesMade = db
		.select({
			flat: flats.name,
			title: activities.title,
			description: activities.description,
			place: activities.place,
			startDate: activities.startDate,
			startTime: activities.startTime,
			endTime: activities.endTime,
			recurrence: activities.recurrence,
			status: activities.status,
			createdAt: activities.createdAt
		})
		.from(activities)
		.innerJoin(flats, eq(flats.id, activities.flatId))
		.where(eq(activities.authorId, userId))
		.orderBy(asc(activities.createdAt))
		.all();

	const balance = db
		.select({
			flat: flats.name,
			date: helpRecords.completedAt,
			post: helpPosts.title,
			activity: activities.title,
			occurrence: helpRecords.occurrence,
			giverId: helpRecords.giverId,
			thanks: helpRecords.thanks
		})
		.from(helpRecords)
		.innerJoin(flats, eq(flats.id, helpRecords.flatId))
		.leftJoin(helpPosts, eq(helpPosts.id, helpRecords.postId))
		.leftJoin(activities, eq(activities.id, helpRecords.activityId))
		.where(or(eq(helpRecords.giverId, userId), eq(helpRecords.receiverId, userId)))
		.orderBy(asc(helpRecords.completedAt), asc(helpRecords.id))
		.all()
		.map(({ giverId, ...r }) => ({
			...r,
			role: giverId === userId ? ('given' as const) : ('received' as const)
		}));

	const notes = db
		.select({
			flat: flats.name,
			type: notifications.type,
			params: notifications.params,
			link: notifications.link,
			createdAt: notifications.createdAt,
			readAt: notifications.readAt
		})
		.from(notifications)
		.innerJoin(flats, eq(flats.id, notifications.flatId))
		.where(eq(notifications.userId, userId))
		.orderBy(asc(notifications.createdAt), asc(notifications.id))
		.all()
		.map(({ params, ...n }) => ({ ...n, text: notificationText(n.type, params, locale) }));

	// The endpoint is an address the push service gave this browser: only its host is shown.
	const devices = db
		.select({
			label: pushSubscriptions.label,
			endpoint: pushSubscriptions.endpoint,
			createdAt: pushSubscriptions.createdAt,
			lastSentAt: pushSubscriptions.lastSentAt
		})
		.from(pushSubscriptions)
		.where(eq(pushSubscriptions.userId, userId))
		.orderBy(asc(pushSubscriptions.createdAt))
		.all()
		.map(({ endpoint, ...d }) => ({ ...d, service: serviceHost(endpoint) ?? '' }));

	const owner = alias(users, 'owner');
	const holder = alias(users, 'holder');
	const keys = db
		.select({
			flat: flats.name,
			ownerId: spareKeys.ownerId,
			owner: owner.name,
			holder: holder.name,
			createdAt: spareKeys.createdAt,
			reviewedAt: spareKeys.reviewedAt
		})
		.from(spareKeys)
		.innerJoin(flats, eq(flats.id, spareKeys.flatId))
		.innerJoin(owner, eq(owner.id, spareKeys.ownerId))
		.innerJoin(holder, eq(holder.id, spareKeys.holderId))
		.where(or(eq(spareKeys.ownerId, userId), eq(spareKeys.holderId, userId)))
		.all()
		.map(({ ownerId, owner: ownerName, holder: holderName, ...k }) =>
			ownerId === userId
				? { ...k, yourKey: true, keptBy: holderName }
				: { ...k, yourKey: false, keyOf: ownerName }
		);

	const blocked = db
		.select({ flat: flats.name, name: other.name, createdAt: blocks.createdAt })
		.from(blocks)
		.innerJoin(flats, eq(flats.id, blocks.flatId))
		.innerJoin(other, eq(other.id, blocks.blockedId))
		.where(eq(blocks.blockerId, userId))
		.all();

	const reported = db
		.select({
			flat: flats.name,
			reason: reports.reason,
			status: reports.status,
			createdAt: reports.createdAt
		})
		.from(reports)
		.innerJoin(flats, eq(flats.id, reports.flatId))
		.where(eq(reports.reporterId, userId))
		.orderBy(asc(reports.createdAt))
		.all();

	return {
		exportedAt: now,
		profile: {
			name: user.name,
			locale: user.locale,
			admin: user.isAdmin,
			createdAt: user.createdAt
		},
		memberships: memberOf,
		posts: posts.map(({ id, ...p }) => ({
			...p,
			responses: answers
				.filter((a) => a.postId === id)
				.map(({ name, message, status, createdAt }) => ({ name, message, status, createdAt }))
		})),
		responses,
		messages,
		rsvps,
		activities: activitiesMade,
		balance,
		notifications: notes,
		pushDevices: devices,
		spareKeys: keys,
		blocked,
		reports: reported
	};
}

export type Export = ReturnType<typeof exportData>;

/** `burenbord-samira.json`: a file name any phone can save, whatever letters the name has. */
export function exportFileName(name: string): { ascii: string; utf8: string } {
	const base = name.trim().toLocaleLowerCase().replace(/\s+/g, '-');
	const ascii = base.normalize('NFKD').replace(/[^a-z0-9-]+/g, '') || 'export';
	return { ascii: `burenbord-${ascii}.json`, utf8: `burenbord-${base}.json` };
}

/**
 * Deletes an account for good, in one transaction, unless its owner may not (see
 * deleteRefusal). What happens to what they wrote is `erase`'s job.
 */
export function deleteAccount(db: DB, userId: number, now = new Date()): void {
	db.transaction((tx) => {
		const refusal = deleteRefusal(tx, userId);
		if (refusal) throw refusal;
		erase(tx, userId, now);
	});
}

/**
 * Removes an account and what it wrote to others (messages, answers to posts); their posts stay
 * for the neighbours as "a former neighbour"; completed help stays in the record without them,
 * so nobody else's balance changes. Run it inside the caller's transaction: the owner deleting
 * their account and a verbinder removing someone's last flat both end here, so they match.
 */
export function erase(tx: DB, userId: number, now = new Date()): void {
	const flatIds = tx
		.select({ flatId: memberships.flatId })
		.from(memberships)
		.where(eq(memberships.userId, userId))
		.all()
		.map((r) => r.flatId);
	for (const flatId of flatIds) {
		// Nobody could answer a post whose author is gone; waiting lists move up.
		help.closeForMember(tx, flatId, userId, now);
		calendar.forgetMember(tx, flatId, userId);
	}
	reopenWhereHelper(tx, userId);
	tx.delete(helpMessages).where(eq(helpMessages.authorId, userId)).run();
	tx.delete(helpResponses).where(eq(helpResponses.userId, userId)).run();
	tx.delete(activityRsvps).where(eq(activityRsvps.userId, userId)).run();
	tx.delete(pushOutbox).where(eq(pushOutbox.userId, userId)).run();
	tx.delete(pushSubscriptions).where(eq(pushSubscriptions.userId, userId)).run();
	tx.delete(sessions).where(eq(sessions.userId, userId)).run();
	tx.delete(loginCodes).where(eq(loginCodes.userId, userId)).run();
	tx.delete(calendarFeeds).where(eq(calendarFeeds.userId, userId)).run();
	tx.delete(greetings).where(eq(greetings.userId, userId)).run();
	tx.delete(notifications).where(eq(notifications.userId, userId)).run();
	tx.delete(spareKeys)
		.where(or(eq(spareKeys.ownerId, userId), eq(spareKeys.holderId, userId)))
		.run();
	tx.delete(blocks)
		.where(or(eq(blocks.blockerId, userId), eq(blocks.blockedId, userId)))
		.run();
	// A report stays for the verbinders to handle; it no longer says who made it.
	tx.update(reports).set({ reporterId: null }).where(eq(reports.reporterId, userId)).run();
	// Memberships, checklist steps and notification choices go with the user (cascade);
	// posts, completed help and activities keep their rows with the person set to null.
	tx.delete(users).where(eq(users.id, userId)).run();
}

/**
 * A request this person was going to help with is open again, with the other answers
 * waiting once more, so its author can choose someone else.
 */
function reopenWhereHelper(db: DB, userId: number): void {
	const taken = db
		.select({ postId: helpResponses.postId })
		.from(helpResponses)
		.innerJoin(helpPosts, eq(helpPosts.id, helpResponses.postId))
		.where(
			and(
				eq(helpResponses.userId, userId),
				eq(helpResponses.status, 'accepted'),
				eq(helpPosts.status, 'accepted')
			)
		)
		.all()
		.map((r) => r.postId);
	if (!taken.length) return;
	db.update(helpPosts).set({ status: 'open' }).where(inArray(helpPosts.id, taken)).run();
	db.update(helpResponses)
		.set({ status: 'waiting' })
		.where(and(inArray(helpResponses.postId, taken), eq(helpResponses.status, 'declined')))
		.run();
}

function monthsBefore(now: Date, months: number): Date {
	const d = new Date(now);
	d.setUTCMonth(d.getUTCMonth() - months);
	return d;
}

/**
 * The daily clean-up: we keep what a neighbour needs and nothing longer. Old threads and
 * messages, read notifications, finished sessions and codes and sent pushes go; completed help
 * stays (the balance counts it), only its link to a deleted post is gone. Returns counts.
 */
export function retention(db: DB, now = new Date()) {
	const postsBefore = monthsBefore(now, KEEP.postMonths);
	const messagesBefore = monthsBefore(now, KEEP.messageMonths);
	const notificationsBefore = monthsBefore(now, KEEP.readNotificationMonths);
	const pushesBefore = new Date(now.getTime() - KEEP.pushDays * DAY);
	return db.transaction((tx) => {
		// Answers, messages and reports go with the post (cascade); help_records keep their row.
		const posts = tx
			.delete(helpPosts)
			.where(
				and(
					inArray(helpPosts.status, ['closed', 'done']),
					sql`coalesce(${helpPosts.closedAt}, ${helpPosts.expiresAt}) <= ${postsBefore.getTime()}`
				)
			)
			.run().changes;
		const messages = tx
			.delete(helpMessages)
			.where(lte(helpMessages.createdAt, messagesBefore))
			.run().changes;
		const readNotifications = tx
			.delete(notifications)
			.where(
				and(isNotNull(notifications.readAt), lte(notifications.createdAt, notificationsBefore))
			)
			.run().changes;
		const expiredSessions = tx.delete(sessions).where(lte(sessions.expiresAt, now)).run().changes;
		const expiredCodes = tx.delete(loginCodes).where(lte(loginCodes.expiresAt, now)).run().changes;
		const pushes = tx
			.delete(pushOutbox)
			.where(
				and(inArray(pushOutbox.status, ['sent', 'failed']), lte(pushOutbox.createdAt, pushesBefore))
			)
			.run().changes;
		return { posts, messages, readNotifications, expiredSessions, expiredCodes, pushes };
	});
}
