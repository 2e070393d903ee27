import { and, asc, desc, eq, gt, gte, lte, sql } from 'drizzle-orm';
import { prepared, type DB } from '../db';
import { memberships, notices, noticeTexts, users } from '../db/schema';
import { localDate } from '../time';
import { MAIN_LANGUAGE, type NoticeKind, type NoticeText, type NoticeView } from './model';

type Row = {
	id: number;
	kind: NoticeKind;
	validFrom: string;
	validUntil: string;
	locale: string;
	title: string;
	body: string;
};

const byMainFirst = (a: string, b: string) =>
	a === b ? 0 : a === MAIN_LANGUAGE ? -1 : b === MAIN_LANGUAGE ? 1 : a.localeCompare(b);

/**
 * One notice from its rows (one per language) in the reader's language, else in Dutch, else in
 * whatever it is written in: a notice is never hidden for want of a translation.
 */
function inLanguage(rows: Row[], locale: string): NoticeView {
	const texts = [...rows].sort((a, b) => byMainFirst(a.locale, b.locale));
	const shown =
		texts.find((r) => r.locale === locale) ??
		texts.find((r) => r.locale === MAIN_LANGUAGE) ??
		texts[0]!;
	return {
		id: shown.id,
		kind: shown.kind,
		title: shown.title,
		body: shown.body,
		locale: shown.locale,
		alsoIn: texts.map((r) => r.locale).filter((l) => l !== shown.locale),
		validFrom: shown.validFrom,
		validUntil: shown.validUntil
	};
}

/** Rows of several notices, in their order, folded into one view each. */
function fold(rows: Row[], locale: string): NoticeView[] {
	const byId = new Map<number, Row[]>();
	for (const row of rows) byId.set(row.id, [...(byId.get(row.id) ?? []), row]);
	return [...byId.values()].map((texts) => inLanguage(texts, locale));
}

const columns = {
	id: notices.id,
	kind: notices.kind,
	validFrom: notices.validFrom,
	validUntil: notices.validUntil,
	locale: noticeTexts.locale,
	title: noticeTexts.title,
	body: noticeTexts.body
};

/**
 * The notices valid on a day in one flat, every language, newest first. On the board's path
 * (every visit): the index on (flat, last day) finds them.
 */
const validOn = prepared((db) =>
	db
		.select(columns)
		.from(notices)
		.innerJoin(noticeTexts, eq(noticeTexts.noticeId, notices.id))
		.where(
			and(
				eq(notices.flatId, sql.placeholder('flatId')),
				gte(notices.validUntil, sql.placeholder('today')),
				lte(notices.validFrom, sql.placeholder('today'))
			)
		)
		.orderBy(desc(notices.createdAt), desc(notices.id))
		.prepare()
);

/**
 * The notices valid today in the flat (today in the flat's own zone, first and last day
 * included), newest first, each in the reader's language or else in Dutch.
 */
export function current(
	db: DB,
	flat: { id: number; timeZone: string },
	locale: string,
	now = new Date()
): NoticeView[] {
	const today = localDate(now, flat.timeZone);
	return fold(validOn(db).all({ flatId: flat.id, today }) as Row[], locale);
}

/** How many notices a flat got after an instant: the weekly summary asks "anything new?". */
export function since(db: DB, flatId: number, after: Date): number {
	return (
		db
			.select({ n: sql<number>`count(*)` })
			.from(notices)
			.where(and(eq(notices.flatId, flatId), gt(notices.createdAt, after)))
			.get()?.n ?? 0
	);
}

/** A notice with who wrote it, for its own page. */
export type NoticePage = NoticeView & {
	authorId: number | null;
	/** Shown today: between its first and last day in the flat's zone. */
	showing: boolean;
	/** Not yet begun (writers see it ahead; neighbours do not). */
	upcoming: boolean;
};

/**
 * One notice of the flat in the reader's language. A neighbour sees it until its last day is
 * over; those who write notices (`writer`) see it after that too, until it is cleared away.
 * Anything else, and any notice of another flat, is `not_found`.
 */
export function find(
	db: DB,
	flat: { id: number; timeZone: string },
	id: number,
	locale: string,
	options: { writer: boolean; now?: Date }
): NoticePage | null {
	const rows = db
		.select({ ...columns, authorId: notices.authorId })
		.from(notices)
		.innerJoin(noticeTexts, eq(noticeTexts.noticeId, notices.id))
		.where(and(eq(notices.id, id), eq(notices.flatId, flat.id)))
		.all();
	if (rows.length === 0) return null;
	const view = inLanguage(rows, locale);
	const today = localDate(options.now ?? new Date(), flat.timeZone);
	const showing = view.validFrom <= today && today <= view.validUntil;
	// One to come may be opened from its notification already; one that is over is gone.
	if (today > view.validUntil && !options.writer) return null;
	return { ...view, authorId: rows[0]!.authorId, showing, upcoming: today < view.validFrom };
}

/** Every language version of a notice, Dutch first, for its editor. */
export function texts(db: DB, flatId: number, id: number): NoticeText[] {
	return db
		.select({ locale: noticeTexts.locale, title: noticeTexts.title, body: noticeTexts.body })
		.from(noticeTexts)
		.innerJoin(notices, eq(notices.id, noticeTexts.noticeId))
		.where(and(eq(notices.id, id), eq(notices.flatId, flatId)))
		.all()
		.sort((a, b) => byMainFirst(a.locale, b.locale));
}

/** A notice in a writer's list: when it shows, and whether it is theirs. */
export type ListedNotice = NoticeView & { mine: boolean; state: 'upcoming' | 'showing' | 'over' };

/**
 * The flat's notices not yet cleared away, for those who write them: the ones to come first,
 * then those showing, then those over (the retention job removes them the next night).
 */
export function list(
	db: DB,
	flat: { id: number; timeZone: string },
	userId: number,
	locale: string,
	now = new Date()
): ListedNotice[] {
	const today = localDate(now, flat.timeZone);
	const rows = db
		.select({ ...columns, authorId: notices.authorId })
		.from(notices)
		.innerJoin(noticeTexts, eq(noticeTexts.noticeId, notices.id))
		.where(eq(notices.flatId, flat.id))
		.orderBy(desc(notices.validFrom), desc(notices.id))
		.all();
	const author = new Map(rows.map((r) => [r.id, r.authorId]));
	const order = { upcoming: 0, showing: 1, over: 2 };
	return fold(rows, locale)
		.map((n) => ({
			...n,
			mine: author.get(n.id) === userId,
			state: (today < n.validFrom
				? 'upcoming'
				: today > n.validUntil
					? 'over'
					: 'showing') as ListedNotice['state']
		}))
		.sort((a, b) => order[a.state] - order[b.state]);
}

/**
 * Whom a neighbour can ask about a notice: its writer when they are a verbinder of the flat,
 * else the flat's longest-serving verbinder; by first name only. Null when the flat has none.
 */
export function askWhom(db: DB, flatId: number, authorId: number | null): string | null {
	const rows = db
		.select({ userId: memberships.userId, name: users.name })
		.from(memberships)
		.innerJoin(users, eq(users.id, memberships.userId))
		.where(
			and(
				eq(memberships.flatId, flatId),
				eq(memberships.role, 'verbinder'),
				eq(memberships.status, 'active')
			)
		)
		.orderBy(asc(memberships.createdAt), asc(memberships.id))
		.all();
	const shown = rows.find((r) => r.userId === authorId) ?? rows[0];
	return shown ? (shown.name.trim().split(/\s+/)[0] ?? shown.name) : null;
}
