import { and, eq } from 'drizzle-orm';
import { locales } from '$lib/paraglide/runtime';
import { noticeInFlat } from '$lib/stored-links';
import type { DB } from '../db';
import { notices, noticeTexts, type Role } from '../db/schema';
import { daysBetween, localDate } from '../time';
import * as notify from '../notify';
import { MAIN_LANGUAGE, NOTICE_MAX_DAYS, NoticeError, type NoticeInput } from './model';

type FlatRef = { id: number; timeZone: string };
type Actor = { userId: number; role: Role };

/**
 * A notice's period and texts, checked against today in the flat's zone. A first day in the
 * past is refused, except the one the notice already had (a notice running since Monday can
 * still be corrected on Wednesday).
 */
function check(input: NoticeInput, today: string, keptFrom?: string): void {
	if (input.validFrom < today && input.validFrom !== keptFrom) throw new NoticeError('past');
	if (input.validUntil < input.validFrom) throw new NoticeError('order');
	if (daysBetween(input.validFrom, input.validUntil) >= NOTICE_MAX_DAYS)
		throw new NoticeError('too_long');
	const known = new Set<string>(locales);
	const dutch = input.texts.find((t) => t.locale === MAIN_LANGUAGE);
	const once = new Set(input.texts.map((t) => t.locale)).size === input.texts.length;
	if (!dutch?.title || !once || input.texts.some((t) => !known.has(t.locale) || !t.title))
		throw new NoticeError('texts');
}

function writeTexts(db: DB, noticeId: number, input: NoticeInput): void {
	db.delete(noticeTexts).where(eq(noticeTexts.noticeId, noticeId)).run();
	db.insert(noticeTexts)
		.values(input.texts.map((t) => ({ noticeId, locale: t.locale, title: t.title, body: t.body })))
		.run();
}

/**
 * A new notice for the whole flat. Every active member hears of it as they chose for notices
 * (a push by default, held back in their quiet hours), its title in each language it has, so
 * the bell and the push read it in theirs. The writer is not told of their own notice.
 */
export function create(
	db: DB,
	flat: FlatRef,
	authorId: number,
	input: NoticeInput,
	now = new Date()
) {
	check(input, localDate(now, flat.timeZone));
	return db.transaction((tx) => {
		const { id } = tx
			.insert(notices)
			.values({
				flatId: flat.id,
				authorId,
				kind: input.kind,
				validFrom: input.validFrom,
				validUntil: input.validUntil,
				createdAt: now
			})
			.returning({ id: notices.id })
			.get();
		writeTexts(tx, id, input);
		const params: Record<string, string> = {};
		for (const t of input.texts) params[`title_${t.locale}`] = t.title;
		params.title = params[`title_${MAIN_LANGUAGE}`]!;
		notify.record(
			tx,
			notify
				.activeMembers(tx, flat.id)
				.filter((userId) => userId !== authorId)
				.map((userId) => ({
					flatId: flat.id,
					userId,
					type: 'notice_new' as const,
					link: noticeInFlat(id),
					params
				})),
			now
		);
		return id;
	});
}

/**
 * The writer of a notice may change it, and a verbinder may take any notice of their flat down
 * (one whose writer left, one that is wrong). Anyone else, or a notice of another flat, gets
 * `not_found` or `not_allowed`.
 */
function own(db: DB, flatId: number, id: number, actor: Actor, change: 'edit' | 'remove') {
	const notice = db
		.select({ authorId: notices.authorId, validFrom: notices.validFrom })
		.from(notices)
		.where(and(eq(notices.id, id), eq(notices.flatId, flatId)))
		.get();
	if (!notice) throw new NoticeError('not_found');
	const mine = notice.authorId === actor.userId;
	if (!mine && !(change === 'remove' && actor.role === 'verbinder'))
		throw new NoticeError('not_allowed');
	return notice;
}

/** Whether this member may change the notice, or only take it down, for the page's buttons. */
export function rights(authorId: number | null, actor: Actor) {
	const mine = authorId === actor.userId;
	return { edit: mine, remove: mine || actor.role === 'verbinder' };
}

/**
 * The writer's correction of a notice: kind, period and every language at once (a language left
 * empty is gone). Who saw it already still counts as having seen it; nobody is told again.
 */
export function update(
	db: DB,
	flat: FlatRef,
	id: number,
	actor: Actor,
	input: NoticeInput,
	now = new Date()
): void {
	const notice = own(db, flat.id, id, actor, 'edit');
	check(input, localDate(now, flat.timeZone), notice.validFrom);
	db.transaction((tx) => {
		tx.update(notices)
			.set({
				kind: input.kind,
				validFrom: input.validFrom,
				validUntil: input.validUntil,
				updatedAt: now
			})
			.where(eq(notices.id, id))
			.run();
		writeTexts(tx, id, input);
	});
}

/** Takes a notice down at once: off the board and the poster, its texts and counts gone. */
export function remove(db: DB, flatId: number, id: number, actor: Actor): void {
	own(db, flatId, id, actor, 'remove');
	db.delete(notices).where(eq(notices.id, id)).run();
}
