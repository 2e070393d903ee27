import { and, asc, count, eq, gt, isNull, notExists, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { DB } from '../db';
import {
	flats,
	helpPosts,
	helpResponses,
	helpSuggestions,
	memberships,
	users,
	type HelpPost
} from '../db/schema';
import { can } from '../auth/roles';
import * as moderation from '../moderation';
import * as notify from '../notify';
import { DAY } from '../time';
import { postInFlat } from '../../stored-links';
import { HelpError, type Author, type FlatRef } from './model';
import { visible } from './posts';
import { COMMON, norm } from './matches';

/**
 * At most this many neighbours are asked in person for one request: a handful is a kind
 * nudge, more turns one favour into pressure on half the flat (who may hear of it anyway).
 */
export const MAX_SUGGESTIONS_PER_POST = 5;
/**
 * At most this many suggestions per verbinder in 24 hours: plenty for a few waiting requests
 * in a big flat, and a stolen or runaway account cannot push at every neighbour.
 */
export const MAX_SUGGESTIONS_PER_DAY = 20;

/** An open request of this flat on the board, that this verbinder may see; else a refusal. */
function openRequest(db: DB, flatId: number, postId: number, verbinder: Author): HelpPost {
	if (!can(verbinder.role, 'help.suggest')) throw new HelpError('not_allowed');
	const p = visible(db, flatId, postId, verbinder.userId);
	// Offers (and any other kind of post) have nobody to suggest: the page is not there.
	if (p.type !== 'request' || p.hidden) throw new HelpError('not_found');
	if (p.status !== 'open') throw new HelpError('wrong_state');
	return p;
}

/** The other languages (not Dutch) the author of a request speaks, as written in this flat. */
function askerLanguages(db: DB, p: HelpPost): Map<string, string> {
	// A request posted for a neighbour without a smartphone: the author's languages are not theirs.
	if (!p.authorId || p.onBehalfOf) return new Map();
	const row = db
		.select({ languages: memberships.languages })
		.from(memberships)
		.where(and(eq(memberships.flatId, p.flatId), eq(memberships.userId, p.authorId)))
		.get();
	const spoken = new Map<string, string>();
	for (const language of row?.languages ?? [])
		if (!COMMON.has(norm(language))) spoken.set(norm(language), language.trim());
	return spoken;
}

/**
 * Who may be suggested for a request and why each fits: active neighbours (never
 * professionals) who allowed it, not the asker, not the verbinder, not someone who blocked
 * (or was blocked by) either, not already suggested or answering, whose talents include the
 * request's category or who speak a language of the asker's besides Dutch. For an anonymous
 * request the language is not named: it would hint at who asked.
 */
function fitting(db: DB, p: HelpPost, verbinderId: number) {
	const rows = db
		.select({
			userId: memberships.userId,
			name: users.name,
			role: memberships.role,
			talents: memberships.talents,
			languages: memberships.languages
		})
		.from(memberships)
		.innerJoin(users, eq(users.id, memberships.userId))
		.where(
			and(
				eq(memberships.flatId, p.flatId),
				eq(memberships.status, 'active'),
				eq(memberships.suggestable, true),
				moderation.apart(memberships.userId, p.flatId, p.authorId),
				moderation.apart(memberships.userId, p.flatId, verbinderId),
				notExists(
					db
						.select({ one: sql`1` })
						.from(helpSuggestions)
						.where(
							and(eq(helpSuggestions.postId, p.id), eq(helpSuggestions.userId, memberships.userId))
						)
				),
				notExists(
					db
						.select({ one: sql`1` })
						.from(helpResponses)
						.where(
							and(eq(helpResponses.postId, p.id), eq(helpResponses.userId, memberships.userId))
						)
				)
			)
		)
		.orderBy(asc(users.nameKey))
		.all();
	const spoken = askerLanguages(db, p);
	return rows
		.filter((r) => r.userId !== p.authorId && r.userId !== verbinderId && can(r.role, 'help.view'))
		.map((r) => {
			const shared = r.languages.map(norm).filter((l) => spoken.has(l));
			return {
				userId: r.userId,
				name: r.name,
				talent: (r.talents as string[]).includes(p.category),
				languages: p.anonymous ? [] : [...new Set(shared.map((l) => spoken.get(l)!))],
				sharesLanguage: shared.length > 0
			};
		})
		.filter((r) => r.talent || r.sharesLanguage)
		.sort((a, b) => Number(b.talent) - Number(a.talent));
}

/** How many suggestions a request has had (a "not now" still counts: they were asked). */
function madeFor(db: DB, postId: number): number {
	return db
		.select({ n: count() })
		.from(helpSuggestions)
		.where(eq(helpSuggestions.postId, postId))
		.get()!.n;
}

/** How many suggestions a verbinder made in the last 24 hours. */
function madeBy(db: DB, userId: number, now: Date): number {
	return db
		.select({ n: count() })
		.from(helpSuggestions)
		.where(
			and(
				eq(helpSuggestions.suggestedBy, userId),
				gt(helpSuggestions.createdAt, new Date(now.getTime() - DAY))
			)
		)
		.get()!.n;
}

/**
 * The suggest page: the request (no name if it is anonymous) and the neighbours who fit it,
 * with why, and how many more may still be asked for it.
 */
export function candidates(db: DB, flat: FlatRef, verbinder: Author, postId: number) {
	const p = openRequest(db, flat.id, postId, verbinder);
	const author = p.authorId
		? db.select({ name: users.name }).from(users).where(eq(users.id, p.authorId)).get()
		: undefined;
	return {
		post: {
			id: p.id,
			title: p.title,
			category: p.category,
			anonymous: p.anonymous,
			onBehalfOf: p.onBehalfOf,
			formerNeighbour: !p.authorId,
			authorName: p.anonymous && p.authorId !== verbinder.userId ? null : (author?.name ?? null)
		},
		people: fitting(db, p, verbinder.userId),
		left: Math.max(0, MAX_SUGGESTIONS_PER_POST - madeFor(db, p.id))
	};
}

/**
 * A verbinder suggests one neighbour for an open request: the neighbour hears "Bram thinks you
 * could help with: …" in person. Once per neighbour per request, a few per request and per
 * day (see the limits above); the asker is never told. Returns the neighbour's first name.
 */
export function suggest(
	db: DB,
	flat: FlatRef,
	verbinder: Author,
	postId: number,
	userId: number,
	now = new Date()
): { name: string } {
	const p = openRequest(db, flat.id, postId, verbinder);
	return db.transaction((tx) => {
		const before = tx
			.select({ id: helpSuggestions.id })
			.from(helpSuggestions)
			.where(and(eq(helpSuggestions.postId, p.id), eq(helpSuggestions.userId, userId)))
			.get();
		if (before) throw new HelpError('suggested');
		if (madeFor(tx, p.id) >= MAX_SUGGESTIONS_PER_POST) throw new HelpError('full');
		if (madeBy(tx, verbinder.userId, now) >= MAX_SUGGESTIONS_PER_DAY)
			throw new HelpError('too_many');
		const chosen = fitting(tx, p, verbinder.userId).find((c) => c.userId === userId);
		if (!chosen) throw new HelpError('not_candidate');
		tx.insert(helpSuggestions)
			.values({ postId: p.id, userId, suggestedBy: verbinder.userId, createdAt: now })
			.run();
		const by = tx
			.select({ name: users.name })
			.from(users)
			.where(eq(users.id, verbinder.userId))
			.get();
		notify.record(
			tx,
			{
				flatId: flat.id,
				userId,
				type: 'suggestion_new',
				link: postInFlat(p.id),
				params: { name: by?.name ?? '', title: p.title },
				about: verbinder.userId
			},
			now
		);
		return { name: chosen.name };
	});
}

/**
 * The suggestion a neighbour has for a post and has not put aside, with the first name of
 * the verbinder who made it (null once their account is gone); null when there is none.
 */
export function suggestionFor(db: DB, flatId: number, postId: number, userId: number) {
	const row = db
		.select({ by: users.name })
		.from(helpSuggestions)
		.innerJoin(helpPosts, eq(helpPosts.id, helpSuggestions.postId))
		.leftJoin(users, eq(users.id, helpSuggestions.suggestedBy))
		.where(
			and(
				eq(helpSuggestions.postId, postId),
				eq(helpSuggestions.userId, userId),
				eq(helpPosts.flatId, flatId),
				isNull(helpSuggestions.declinedAt)
			)
		)
		.get();
	return row ? { by: row.by } : null;
}

/**
 * The suggested neighbour's "not now": the suggestion is put aside and nobody is told, not
 * the asker, not the verbinder. Saying it twice changes nothing.
 */
export function notNow(db: DB, flatId: number, postId: number, userId: number, now = new Date()) {
	visible(db, flatId, postId, userId);
	db.update(helpSuggestions)
		.set({ declinedAt: now })
		.where(
			and(
				eq(helpSuggestions.postId, postId),
				eq(helpSuggestions.userId, userId),
				isNull(helpSuggestions.declinedAt)
			)
		)
		.run();
}

/**
 * A person's suggestions, for their export: those they received (with who thought of them
 * and whether they said "not now") and those they made as a verbinder (whom, not the answer).
 */
export function suggestionsOf(db: DB, userId: number) {
	const by = alias(users, 'by');
	const neighbour = alias(users, 'neighbour');
	const received = db
		.select({
			flat: flats.name,
			post: helpPosts.title,
			by: by.name,
			createdAt: helpSuggestions.createdAt,
			declinedAt: helpSuggestions.declinedAt
		})
		.from(helpSuggestions)
		.innerJoin(helpPosts, eq(helpPosts.id, helpSuggestions.postId))
		.innerJoin(flats, eq(flats.id, helpPosts.flatId))
		.leftJoin(by, eq(by.id, helpSuggestions.suggestedBy))
		.where(eq(helpSuggestions.userId, userId))
		.orderBy(asc(helpSuggestions.createdAt))
		.all();
	const made = db
		.select({
			flat: flats.name,
			post: helpPosts.title,
			name: neighbour.name,
			createdAt: helpSuggestions.createdAt
		})
		.from(helpSuggestions)
		.innerJoin(helpPosts, eq(helpPosts.id, helpSuggestions.postId))
		.innerJoin(flats, eq(flats.id, helpPosts.flatId))
		.innerJoin(neighbour, eq(neighbour.id, helpSuggestions.userId))
		.where(eq(helpSuggestions.suggestedBy, userId))
		.orderBy(asc(helpSuggestions.createdAt))
		.all();
	return { received, made };
}

/**
 * Before a verbinder's account goes: the suggestions they made stay for the neighbours they
 * named (the "thought of you" box), without their name. The neighbour's own go with them.
 */
export function keepSuggestionsOf(db: DB, userId: number): void {
	db.update(helpSuggestions)
		.set({ suggestedBy: null })
		.where(eq(helpSuggestions.suggestedBy, userId))
		.run();
}
