import { and, eq, inArray, sql } from 'drizzle-orm';
import type * as v from 'valibot';
import { channelsOf, type notifyPrefsSchema } from '$lib/schemas/notify';
import { listOf, prepared, type DB } from '../db';
import {
	memberships,
	notificationPrefs,
	NOTIFY_GROUPS,
	type Channel,
	type NotifyGroup,
	type Role
} from '../db/schema';
import { can } from '../auth/roles';
import { localDate, localInstant, localTime, addDays } from '../time';
import { KINDS, TYPES } from './model';

/**
 * Quiet by default: a push only for what is about you (answers, messages, reminders, a
 * request that fits your talents if you asked for those), the bell for the flat's news,
 * and every new request and offer once a week, in the summary, unless you want more.
 */
export const DEFAULTS: Record<NotifyGroup, Channel> = {
	matches: 'push',
	requests: 'weekly',
	responses: 'push',
	messages: 'push',
	activities: 'app',
	reminders: 'push',
	joins: 'app',
	reports: 'push',
	notices: 'push',
	waiting: 'push'
};

/** Each role's kinds, worked out once per role: the weekly summary asks for every member. */
const groupsOfRole = new Map<Role, readonly NotifyGroup[]>();

function heard(role: Role): readonly NotifyGroup[] {
	let groups = groupsOfRole.get(role);
	if (!groups) {
		groups = NOTIFY_GROUPS.filter((g) =>
			TYPES.some(
				(t) => KINDS[t].group === g && !('pushed' in KINDS[t]) && can(role, KINDS[t].needs)
			)
		);
		groupsOfRole.set(role, groups);
	}
	return groups;
}

/**
 * The kinds a role can hear of: those with a notification the role may see (see `KINDS`). The
 * weekly summary itself is no reason to list a kind: it comes whatever that kind's choice is.
 */
export function groupsFor(role: Role): NotifyGroup[] {
	return [...heard(role)];
}

/**
 * Whether a member asked for the weekly summary: one of the kinds their role hears of waits for
 * it. A professional's default for requests (a kind they never hear of) does not count.
 */
export function wantsSummary(role: Role, chosen: Record<NotifyGroup, Channel>): boolean {
	return heard(role).some((g) => chosen[g] === 'weekly' && channelsOf(g).includes('weekly'));
}

/** A member's channel for each kind, their own choice over the default. */
export function forMembership(db: DB, membershipId: number): Record<NotifyGroup, Channel> {
	const out = { ...DEFAULTS };
	for (const row of db
		.select()
		.from(notificationPrefs)
		.where(eq(notificationPrefs.membershipId, membershipId))
		.all())
		out[row.group] = row.channel;
	return out;
}

const prefsOf = prepared((db) =>
	db
		.select()
		.from(notificationPrefs)
		.where(inArray(notificationPrefs.membershipId, listOf('ids')))
		.prepare()
);

/** The same for many members at once (a new activity reaches the whole flat). */
export function forMemberships(db: DB, membershipIds: number[]) {
	const out = new Map(membershipIds.map((id) => [id, { ...DEFAULTS }]));
	if (membershipIds.length === 0) return out;
	for (const row of prefsOf(db).all({ ids: JSON.stringify(membershipIds) }))
		out.get(row.membershipId)![row.group] = row.channel;
	return out;
}

/**
 * Saves the settings form: the channel for each kind the member's role has (anything else in
 * the form is ignored, as is the weekly summary for a kind it does not list), and quiet hours
 * when they are on.
 */
export function choose(
	db: DB,
	membership: { id: number; role: Role },
	form: v.InferOutput<typeof notifyPrefsSchema>
): void {
	const { quiet, quietStart, quietEnd, ...fields } = form;
	const allowed = groupsFor(membership.role);
	const choices: Partial<Record<NotifyGroup, Channel>> = {};
	for (const [field, channel] of Object.entries(fields)) {
		const group = field.replace(/^kind_/, '') as NotifyGroup;
		if (channel && allowed.includes(group) && channelsOf(group).includes(channel))
			choices[group] = channel;
	}
	save(db, membership.id, choices, quiet === 'on' ? { start: quietStart, end: quietEnd } : null);
}

/** Stores a member's channels for some kinds and their quiet hours (null: none). */
export function save(
	db: DB,
	membershipId: number,
	choices: Partial<Record<NotifyGroup, Channel>>,
	quiet: { start: string; end: string } | null
): void {
	db.transaction((tx) => {
		for (const [group, channel] of Object.entries(choices) as [NotifyGroup, Channel][])
			tx.insert(notificationPrefs)
				.values({ membershipId, group, channel })
				.onConflictDoUpdate({
					target: [notificationPrefs.membershipId, notificationPrefs.group],
					set: { channel }
				})
				.run();
		tx.update(memberships)
			.set({ quietStart: quiet?.start ?? null, quietEnd: quiet?.end ?? null })
			.where(eq(memberships.id, membershipId))
			.run();
	});
}

const listening = prepared((db) =>
	db
		.select({ userId: memberships.userId })
		.from(notificationPrefs)
		.innerJoin(memberships, eq(memberships.id, notificationPrefs.membershipId))
		.where(
			and(
				eq(memberships.flatId, sql.placeholder('flatId')),
				eq(memberships.status, 'active'),
				eq(notificationPrefs.group, sql.placeholder('group')),
				inArray(notificationPrefs.channel, ['push', 'app'])
			)
		)
		.prepare()
);

/** Everyone in a flat who chose to hear of a kind at all (for opt-in kinds like every request). */
export function listeners(db: DB, flatId: number, group: NotifyGroup): number[] {
	return listening(db)
		.all({ flatId, group })
		.map((r) => r.userId);
}

/**
 * When quiet hours that hold `now` end, or null when `now` is not in them. Hours are local
 * wall times in the flat and may cross midnight (22:00–08:00); DST is the time zone's affair.
 * Quiet hours are a member's choice in a flat, so they are read here and push gets only the
 * instant a push waits for (push knows devices, not memberships).
 */
export function quietUntil(
	now: Date,
	timeZone: string,
	start: string | null,
	end: string | null
): Date | null {
	if (!start || !end || start === end) return null;
	const t = localTime(now, timeZone);
	const today = localDate(now, timeZone);
	if (start < end) return t >= start && t < end ? localInstant(today, end, timeZone) : null;
	if (t >= start) return localInstant(addDays(today, 1), end, timeZone);
	if (t < end) return localInstant(today, end, timeZone);
	return null;
}
