import { asc, eq, sql } from 'drizzle-orm';
import { prepared, type DB } from '../db';
import { activities, activityPollOptions, activityPollVotes, users } from '../db/schema';
import { can } from '../auth/roles';
import type { Actor } from './model';
import { getPoll } from './poll';
import type { PollOptionView, PollView } from './poll-model';

// What a date poll page shows: each date with how many it suits, and who where the role may know.

/** The poll's options with every tick, the page's one read of them (poll_id and the PK). */
const optionsWithTicks = prepared((db) =>
	db
		.select({
			id: activityPollOptions.id,
			date: activityPollOptions.date,
			startTime: activityPollOptions.startTime,
			endTime: activityPollOptions.endTime,
			userId: activityPollVotes.userId,
			name: users.name
		})
		.from(activityPollOptions)
		.leftJoin(activityPollVotes, eq(activityPollVotes.optionId, activityPollOptions.id))
		.leftJoin(users, eq(users.id, activityPollVotes.userId))
		.where(eq(activityPollOptions.pollId, sql.placeholder('pollId')))
		.orderBy(asc(activityPollOptions.id), asc(activityPollVotes.createdAt))
		.prepare()
);

/**
 * Each option with how many it suits, best suited first (by count, then by date). Options
 * with the same count stay side by side as a tie: choosing is the verbinder's, not the app's.
 */
export function pollOptions(db: DB, pollId: number, viewer: Actor): PollOptionView[] {
	const byId = new Map<number, PollOptionView>();
	const names = can(viewer.role, 'calendar.attendees');
	for (const row of optionsWithTicks(db).all({ pollId })) {
		let o = byId.get(row.id);
		if (!o) {
			o = {
				id: row.id,
				date: row.date,
				startTime: row.startTime,
				endTime: row.endTime,
				count: 0,
				names: names ? [] : null,
				mine: false,
				top: false
			};
			byId.set(row.id, o);
		}
		if (row.userId === null) continue;
		o.count++;
		if (row.userId === viewer.userId) o.mine = true;
		if (o.names && row.name !== null) o.names.push(row.name);
	}
	const list = [...byId.values()].sort(
		(a, b) =>
			b.count - a.count || a.date.localeCompare(b.date) || a.startTime.localeCompare(b.startTime)
	);
	const most = list[0]?.count ?? 0;
	for (const o of list) o.top = most > 0 && o.count === most;
	return list;
}

/** The poll page: the poll, its options with counts, and who ticked where the role may know. */
export function pollView(db: DB, flatId: number, id: number, viewer: Actor): PollView {
	const poll = getPoll(db, flatId, id);
	const options = pollOptions(db, poll.id, viewer);
	const author = poll.authorId
		? db.select({ name: users.name }).from(users).where(eq(users.id, poll.authorId)).get()
		: undefined;
	return {
		id: poll.id,
		title: poll.title,
		description: poll.description,
		place: poll.place,
		status: poll.status,
		activityId: poll.activityId,
		decided: poll.activityId
			? (db
					.select({ date: activities.startDate, startTime: activities.startTime })
					.from(activities)
					.where(eq(activities.id, poll.activityId))
					.get() ?? null)
			: null,
		closesAt: poll.closesAt,
		authorName: author?.name ?? null,
		options
	};
}
