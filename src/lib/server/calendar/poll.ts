import { and, eq, inArray, sql } from 'drizzle-orm';
import { prepared, type DB } from '../db';
import { activityPollOptions, activityPolls, activityPollVotes, type Role } from '../db/schema';
import { can } from '../auth/roles';
import * as notify from '../notify';
import { DAY, localDate } from '../time';
import type { Actor, FlatRef } from './model';
import { POLL_OPEN_DAYS, PollError, pollLink, type PollInput } from './poll-model';

// A date poll: 2–5 dates and times instead of one; members tick what suits them. Turning an
// option into the activity, and the clock closing old polls, are in poll-decide.ts.

const MIN_OPTIONS = 2;
const MAX_OPTIONS = 5;

/**
 * Who may offer dates: verbinders and professionals always; a resident only where the flat
 * lets residents publish activities. A poll goes to the whole flat at once, which is what a
 * 'propose' flat keeps behind a verbinder's look first.
 */
export function mayStartPoll(role: Role, flat: Pick<FlatRef, 'residentActivities'>): boolean {
	return role !== 'resident' || flat.residentActivities === 'publish';
}

/** Opens a poll of 2–5 distinct dates still ahead in the flat, and the flat hears of it. */
export function createPoll(
	db: DB,
	flat: FlatRef,
	actor: Actor,
	input: PollInput,
	now = new Date()
): number {
	if (!mayStartPoll(actor.role, flat)) throw new PollError('not_allowed');
	const options = input.options;
	const distinct = new Set(options.map((o) => `${o.date} ${o.startTime}`));
	if (
		options.length < MIN_OPTIONS ||
		options.length > MAX_OPTIONS ||
		distinct.size !== options.length ||
		options.some((o) => o.endTime <= o.startTime)
	)
		throw new PollError('poll_options');
	const today = localDate(now, flat.timeZone);
	if (options.some((o) => o.date < today)) throw new PollError('past');
	return db.transaction((tx) => {
		const poll = tx
			.insert(activityPolls)
			.values({
				flatId: flat.id,
				authorId: actor.userId,
				title: input.title,
				description: input.description,
				place: input.place,
				status: 'open',
				closesAt: new Date(now.getTime() + POLL_OPEN_DAYS * DAY),
				createdAt: now
			})
			.returning({ id: activityPolls.id })
			.get();
		tx.insert(activityPollOptions)
			.values(options.map((o) => ({ pollId: poll.id, ...o })))
			.run();
		notify.record(
			tx,
			notify
				.activeMembers(tx, flat.id)
				.filter((userId) => userId !== actor.userId)
				.map((userId) => ({
					flatId: flat.id,
					userId,
					type: 'poll_new' as const,
					link: pollLink(poll.id),
					params: { title: input.title }
				})),
			now
		);
		return poll.id;
	});
}

const pollOfFlat = prepared((db) =>
	db
		.select()
		.from(activityPolls)
		.where(
			and(
				eq(activityPolls.id, sql.placeholder('id')),
				eq(activityPolls.flatId, sql.placeholder('flatId'))
			)
		)
		.prepare()
);

/** A poll of this flat; another flat's poll is not there. */
export function findPoll(db: DB, flatId: number, id: number) {
	return pollOfFlat(db).get({ id, flatId });
}

/** A poll of this flat, as `findPoll`; none is `not_found`. */
export function getPoll(db: DB, flatId: number, id: number) {
	const poll = findPoll(db, flatId, id);
	if (!poll) throw new PollError('not_found');
	return poll;
}

/**
 * A member's ticks, replacing the ones they gave before; an empty list takes them all back.
 * Only while the poll is open, and only on its own options.
 */
export function vote(
	db: DB,
	flatId: number,
	pollId: number,
	actor: Actor,
	optionIds: number[],
	now = new Date()
): void {
	if (!can(actor.role, 'calendar.rsvp')) throw new PollError('not_allowed');
	db.transaction((tx) => {
		const poll = getPoll(tx, flatId, pollId);
		if (poll.status !== 'open' || poll.closesAt <= now) throw new PollError('poll_closed');
		const own = tx
			.select({ id: activityPollOptions.id })
			.from(activityPollOptions)
			.where(eq(activityPollOptions.pollId, poll.id))
			.all()
			.map((o) => o.id);
		if (optionIds.some((id) => !own.includes(id))) throw new PollError('not_found');
		tx.delete(activityPollVotes)
			.where(
				and(eq(activityPollVotes.userId, actor.userId), inArray(activityPollVotes.optionId, own))
			)
			.run();
		if (optionIds.length)
			tx.insert(activityPollVotes)
				.values(optionIds.map((optionId) => ({ optionId, userId: actor.userId, createdAt: now })))
				.run();
	});
}

const openOfFlat = prepared((db) =>
	db
		.select({
			id: activityPolls.id,
			title: activityPolls.title,
			closesAt: activityPolls.closesAt
		})
		.from(activityPolls)
		.where(
			and(eq(activityPolls.flatId, sql.placeholder('flatId')), eq(activityPolls.status, 'open'))
		)
		.prepare()
);

/** The flat's open polls, soonest to close first: the calendar lists them above the agenda. */
export function openPolls(db: DB, flatId: number) {
	// Sorted here: asking SQLite to would lead it to the index of every flat's closing polls.
	return openOfFlat(db)
		.all({ flatId })
		.sort((a, b) => a.closesAt.getTime() - b.closesAt.getTime());
}

/**
 * Someone leaves the flat: their ticks on its open polls no longer count. Ticks on decided
 * polls already became answers, which the calendar forgets itself.
 */
export function forgetPollVotes(db: DB, flatId: number, userId: number): void {
	const options = db
		.select({ id: activityPollOptions.id })
		.from(activityPollOptions)
		.innerJoin(activityPolls, eq(activityPolls.id, activityPollOptions.pollId))
		.where(and(eq(activityPolls.flatId, flatId), eq(activityPolls.status, 'open')))
		.all()
		.map((o) => o.id);
	if (!options.length) return;
	db.delete(activityPollVotes)
		.where(and(eq(activityPollVotes.userId, userId), inArray(activityPollVotes.optionId, options)))
		.run();
}
