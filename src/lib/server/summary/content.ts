import { and, desc, eq, gt, inArray, lt, lte, max, sql } from 'drizzle-orm';
import { HELP_TYPES, type HelpType } from '$lib/help';
import { prepared, type DB } from '../db';
import { blocks, helpPosts, summaryRounds, users } from '../db/schema';
import { can } from '../auth/roles';
import * as calendar from '../calendar';
import * as help from '../help';
import * as notices from '../notices';
import { MAIN_LANGUAGE } from '../notices';
import { addDays, localDate } from '../time';
import { dueAt, previousDue } from './due';
import {
	AHEAD_DAYS,
	MAX_POSTS,
	type Reader,
	type Schedule,
	type Summary,
	type SummaryActivity,
	type SummaryPost
} from './model';

const DAY = 24 * 60 * 60 * 1000;

/** Open requests and offers posted in the window, newest first (the board's index). */
const newPosts = prepared((db) =>
	db
		.select(help.CARD_COLUMNS)
		.from(helpPosts)
		.leftJoin(users, eq(users.id, helpPosts.authorId))
		.where(
			and(
				eq(helpPosts.flatId, sql.placeholder('flatId')),
				eq(helpPosts.status, 'open'),
				gt(helpPosts.createdAt, sql.placeholder('since')),
				lte(helpPosts.createdAt, sql.placeholder('until')),
				eq(helpPosts.hidden, false),
				inArray(helpPosts.type, HELP_TYPES)
			)
		)
		.orderBy(desc(helpPosts.createdAt), desc(helpPosts.id))
		.limit(MAX_POSTS)
		.prepare()
);

/** Who blocked whom in the flat: read once for all its readers. */
const flatBlocks = prepared((db) =>
	db
		.select({ blockerId: blocks.blockerId, blockedId: blocks.blockedId })
		.from(blocks)
		.where(eq(blocks.flatId, sql.placeholder('flatId')))
		.prepare()
);

/** The flat's last summary before an instant (the rounds' primary key). */
const lastRound = prepared((db) =>
	db
		.select({ dueAt: max(summaryRounds.dueAt) })
		.from(summaryRounds)
		.where(
			and(
				eq(summaryRounds.flatId, sql.placeholder('flatId')),
				lt(summaryRounds.dueAt, sql.placeholder('before'))
			)
		)
		.prepare()
);

/**
 * Where "new since the last summary" begins for a summary due at `due`: the one before it, or
 * the flat's summary moment a week earlier when there was none (a new flat, a skipped week).
 */
export function since(db: DB, flat: Schedule & { id: number }, due: Date): Date {
	const last = lastRound(db).get({ flatId: flat.id, before: due.getTime() })?.dueAt;
	return last ? new Date(last) : previousDue(flat, due);
}

/**
 * What a flat's summary holds before it is cut to each reader: gathered once per flat, as the
 * push round reaches every member of it. Notices are put in a reader's language when asked.
 */
export type Gathered = {
	since: Date;
	until: Date;
	posts: (SummaryPost & { authorId: number | null; anonymous: boolean })[];
	activities: SummaryActivity[];
	/** For each member in a block, who they do not meet (either way). */
	apart: Map<number, Set<number>>;
	/** Notices written since the last summary: news, even before they are valid. */
	newNotices: number;
	notices: (locale: string) => notices.NoticeView[];
};

/**
 * The flat's summary from `since` up to `until`: the requests and offers still open that were
 * posted in between, the activities of the seven days from `until`, the notices valid then.
 */
export function gather(
	db: DB,
	flat: { id: number; timeZone: string },
	since: Date,
	until: Date
): Gathered {
	const from = localDate(until, flat.timeZone);
	const end = until.getTime() + AHEAD_DAYS * DAY;
	const activities = calendar
		.occurrences(db, flat, from, addDays(from, AHEAD_DAYS))
		.filter((o) => !o.cancelled && o.start >= until && o.start.getTime() < end)
		.map((o) => ({
			activityId: o.activityId,
			occurrence: o.occurrence,
			date: o.date,
			startTime: o.startTime,
			title: o.title,
			place: o.place,
			cancelled: o.cancelled
		}));
	const byLocale = new Map<string, notices.NoticeView[]>();
	return {
		since,
		until,
		posts: newPosts(db)
			.all({ flatId: flat.id, since: since.getTime(), until: until.getTime() })
			// The query reads requests and offers only.
			.map((p) => ({ ...p, type: p.type as HelpType, mine: false })),
		activities,
		apart: apartIn(db, flat.id),
		newNotices: notices.since(db, flat.id, since),
		notices: (locale) => {
			let list = byLocale.get(locale);
			if (!list) byLocale.set(locale, (list = notices.current(db, flat, locale, until)));
			return list;
		}
	};
}

/** Who does not meet whom in a flat: a block keeps both apart. */
function apartIn(db: DB, flatId: number) {
	const apart = new Map<number, Set<number>>();
	const add = (a: number, b: number) => {
		let set = apart.get(a);
		if (!set) apart.set(a, (set = new Set()));
		set.add(b);
	};
	for (const b of flatBlocks(db).all({ flatId })) {
		add(b.blockerId, b.blockedId);
		add(b.blockedId, b.blockerId);
	}
	return apart;
}

/** Whether a flat's summary has anything new for anyone: if not, nobody gets one. */
export const anythingNew = (g: Gathered) =>
	g.posts.length > 0 || g.newNotices > 0 || g.activities.length > 0;

/** The new posts a reader meets: not their own, none of someone they blocked or who blocked them. */
function postsFor(g: Gathered, reader: Reader) {
	const apart = g.apart.get(reader.userId);
	return g.posts.filter(
		(p) => p.authorId !== reader.userId && !(p.authorId && apart?.has(p.authorId))
	);
}

/**
 * How much of a summary a reader would get, and whether any of it is new: what the round asks
 * of every member of a flat, so it counts without building their summary.
 */
export function tally(g: Gathered, reader: Reader): { count: number; news: boolean } {
	const posts = can(reader.role, 'help.view') ? postsFor(g, reader).length : 0;
	const activities = can(reader.role, 'calendar.view') ? g.activities.length : 0;
	const shown = can(reader.role, 'notices.view');
	const notices = shown ? g.notices(MAIN_LANGUAGE).length : 0;
	return {
		count: posts + activities + notices,
		news: posts > 0 || activities > 0 || (shown && g.newNotices > 0)
	};
}

/**
 * One reader's part of a summary, in their language: help posts only for a role that sees
 * help (never a professional), nobody's own post, nobody they blocked or who blocked them,
 * and no name on an anonymous request ("a neighbour").
 */
export function forReader(g: Gathered, reader: Reader, locale: string): Summary {
	const posts = can(reader.role, 'help.view')
		? postsFor(g, reader).map(({ authorId: _, anonymous, ...p }) => ({
				...p,
				authorName: anonymous ? null : p.authorName
			}))
		: null;
	const activities = can(reader.role, 'calendar.view') ? g.activities : null;
	const notices = can(reader.role, 'notices.view') ? g.notices(locale) : null;
	return { since: g.since, until: g.until, posts, activities, notices, ...tally(g, reader) };
}

/**
 * The summary page: what is new since the summary before the latest one (so it holds what
 * that push said, and whatever came after), the week ahead from now, the notices valid now.
 */
export function current(
	db: DB,
	flat: Schedule & { id: number },
	reader: Reader,
	locale: string,
	now = new Date()
): Summary {
	const from = since(db, flat, dueAt(flat, now));
	return forReader(gather(db, flat, from, now), reader, locale);
}
