import { and, eq, lte, sql } from 'drizzle-orm';
import { prepared, type DB } from '../db';
import { activityPollOptions, activityPolls, activityPollVotes, activityRsvps } from '../db/schema';
import * as notify from '../notify';
import { localDate } from '../time';
import { activityLink, type Actor, type FlatRef } from './model';
import { mayStartPoll, getPoll } from './poll';
import { PollError } from './poll-model';
import { create } from './series';

// The end of a date poll: a verbinder turns one option into the activity, or the clock
// closes the poll when nobody did within its time.

/**
 * Who may turn an option into the activity: a verbinder, or the poll's author when their
 * role lets them publish activities themselves (a resident only in a flat that lets them).
 */
export function mayDecide(
	actor: Actor,
	flat: Pick<FlatRef, 'residentActivities'>,
	poll: { authorId: number | null }
): boolean {
	return (
		actor.role === 'verbinder' || (poll.authorId === actor.userId && mayStartPoll(actor.role, flat))
	);
}

/**
 * Turns one option into a published activity on that date, in one transaction: whoever
 * ticked it is "coming", and hears so by the poll's own notification rather than the
 * calendar's "new activity" (one message each, not two). Gives the activity and its date.
 */
export function decide(
	db: DB,
	flat: FlatRef,
	pollId: number,
	optionId: number,
	actor: Actor,
	now = new Date()
): { activityId: number; date: string } {
	return db.transaction((tx) => {
		const poll = getPoll(tx, flat.id, pollId);
		if (!mayDecide(actor, flat, poll)) throw new PollError('not_allowed');
		if (poll.status !== 'open' || poll.closesAt <= now) throw new PollError('poll_closed');
		const option = tx
			.select()
			.from(activityPollOptions)
			.where(and(eq(activityPollOptions.id, optionId), eq(activityPollOptions.pollId, poll.id)))
			.get();
		if (!option) throw new PollError('not_found');
		if (option.date < localDate(now, flat.timeZone)) throw new PollError('past');
		const tickers = tx
			.select({ userId: activityPollVotes.userId })
			.from(activityPollVotes)
			.where(eq(activityPollVotes.optionId, option.id))
			.all()
			.map((v) => v.userId);
		// The decider publishes: a verbinder, or an author allowed to publish (see mayDecide).
		const activity = create(
			tx,
			flat,
			actor,
			{
				title: poll.title,
				description: poll.description,
				place: poll.place,
				startDate: option.date,
				startTime: option.startTime,
				endTime: option.endTime,
				recurrence: 'none',
				untilDate: null,
				count: null,
				capacity: null,
				helpersWanted: 0
			},
			now,
			// Those who ticked hear "it is on that date" (below) instead of "new in the calendar".
			tickers
		);
		tx.update(activityPolls)
			.set({ status: 'decided', activityId: activity.id })
			.where(eq(activityPolls.id, poll.id))
			.run();
		const done = { activityId: activity.id, date: option.date };
		if (!tickers.length) return done;
		// No seats to count: an activity from a poll has no limit, so every tick is a place.
		tx.insert(activityRsvps)
			.values(
				tickers.map((userId) => ({
					activityId: activity.id,
					occurrence: option.date,
					userId,
					kind: 'coming' as const,
					guests: 0,
					waiting: false,
					createdAt: now
				}))
			)
			.run();
		notify.record(
			tx,
			tickers
				.filter((userId) => userId !== actor.userId)
				.map((userId) => ({
					flatId: flat.id,
					userId,
					type: 'poll_decided' as const,
					link: activityLink(activity.id),
					params: { title: poll.title, date: option.date, time: option.startTime }
				})),
			now
		);
		return done;
	});
}

const dueToClose = prepared((db) =>
	db
		.update(activityPolls)
		.set({ status: 'closed' })
		.where(
			and(eq(activityPolls.status, 'open'), lte(activityPolls.closesAt, sql.placeholder('now')))
		)
		.prepare()
);

/**
 * The clock's step: polls nobody turned into an activity close when their time is up. Safe to
 * repeat: a closed poll is no longer open. Gives how many closed.
 */
export function closePolls(db: DB, now = new Date()): { pollsClosed: number } {
	return { pollsClosed: dueToClose(db).run({ now: now.getTime() }).changes };
}
