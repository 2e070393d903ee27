import { and, desc, eq, gte, sql } from 'drizzle-orm';
import { prepared, type DB } from '../db';
import {
	greetings,
	memberships,
	users,
	welcomePages,
	welcomeSteps,
	type Membership,
	type Role
} from '../db/schema';
import { WELCOME_STEPS, type WelcomeStep } from '$lib/welcome';
import * as moderation from '../moderation';
import { renderMarkdown } from './markdown';

export { renderMarkdown };

/** The flat's main language: the welcome text falls back to it before any other. */
export const MAIN_LANGUAGE = 'nl';
const DAY = 24 * 60 * 60 * 1000;
/** The board shows a handful of hellos; a busy month does not push the posts out of sight. */
const GREETINGS_SHOWN = 12;

export type WelcomePage = {
	/** Sanitised HTML, safe to put in the page as it is. */
	html: string;
	/** The language of the text shown. */
	locale: string;
	/** True when the text is not in the language asked for. */
	fallback: boolean;
	/** Every language the text is written in, the main one first. */
	available: string[];
};

const byMainFirst = (a: string, b: string) =>
	a === b ? 0 : a === MAIN_LANGUAGE ? -1 : b === MAIN_LANGUAGE ? 1 : a.localeCompare(b);

/** The languages a flat's welcome text is written in, the main one first. */
export function languages(db: DB, flatId: number): string[] {
	return db
		.select({ locale: welcomePages.locale })
		.from(welcomePages)
		.where(eq(welcomePages.flatId, flatId))
		.all()
		.map((r) => r.locale)
		.sort(byMainFirst);
}

/**
 * The welcome text in the reader's language, else in the flat's main language, else in any
 * language it is written in; null while nobody has written one.
 */
export function page(db: DB, flat: { id: number }, locale: string): WelcomePage | null {
	const rows = db
		.select({ locale: welcomePages.locale, body: welcomePages.body })
		.from(welcomePages)
		.where(eq(welcomePages.flatId, flat.id))
		.all()
		.sort((a, b) => byMainFirst(a.locale, b.locale));
	const shown =
		rows.find((r) => r.locale === locale) ??
		rows.find((r) => r.locale === MAIN_LANGUAGE) ??
		rows[0];
	if (!shown) return null;
	return {
		html: renderMarkdown(shown.body),
		locale: shown.locale,
		fallback: shown.locale !== locale,
		available: rows.map((r) => r.locale)
	};
}

/** The Markdown of one language, for the editor ('' when it is not written yet). */
export function source(db: DB, flatId: number, locale: string): string {
	return (
		db
			.select({ body: welcomePages.body })
			.from(welcomePages)
			.where(and(eq(welcomePages.flatId, flatId), eq(welcomePages.locale, locale)))
			.get()?.body ?? ''
	);
}

/** Saves one language of the welcome text; an empty text removes that language. */
export function save(
	db: DB,
	flatId: number,
	userId: number,
	locale: string,
	body: string,
	now = new Date()
): 'saved' | 'removed' {
	const text = body.replace(/\r\n?/g, '\n').trim();
	if (!text) {
		db.delete(welcomePages)
			.where(and(eq(welcomePages.flatId, flatId), eq(welcomePages.locale, locale)))
			.run();
		return 'removed';
	}
	db.insert(welcomePages)
		.values({ flatId, locale, body: text, updatedBy: userId, updatedAt: now })
		.onConflictDoUpdate({
			target: [welcomePages.flatId, welcomePages.locale],
			set: { body: text, updatedBy: userId, updatedAt: now }
		})
		.run();
	return 'saved';
}

/** The checklist's steps for a role: professionals have no talents page, so no 'profile'. */
export function stepsFor(role: Role): WelcomeStep[] {
	return WELCOME_STEPS.filter((s) => s !== 'profile' || role !== 'professional');
}

/** The steps a member has done, in the checklist's order. */
export function steps(db: DB, membershipId: number): WelcomeStep[] {
	const done = new Set(
		db
			.select({ step: welcomeSteps.step })
			.from(welcomeSteps)
			.where(eq(welcomeSteps.membershipId, membershipId))
			.all()
			.map((r) => r.step)
	);
	return WELCOME_STEPS.filter((s) => done.has(s));
}

/** Whether the first-day checklist still shows: not put away, and a step still to do. */
export function showChecklist(
	membership: Pick<Membership, 'welcomeDone' | 'role'>,
	done: readonly WelcomeStep[] = []
): boolean {
	return !membership.welcomeDone && stepsFor(membership.role).some((s) => !done.includes(s));
}

/**
 * Marks a step done, once (a second tick keeps the first time). When it was the last step
 * the checklist is finished and stays away. True when this call did the step.
 */
export function tick(db: DB, membershipId: number, step: WelcomeStep, now = new Date()): boolean {
	return db.transaction((tx) => {
		const m = tx
			.select({ role: memberships.role })
			.from(memberships)
			.where(eq(memberships.id, membershipId))
			.get();
		if (!m) return false;
		const added = tx
			.insert(welcomeSteps)
			.values({ membershipId, step, doneAt: now })
			.onConflictDoNothing()
			.run().changes;
		if (!showChecklist({ welcomeDone: false, role: m.role }, steps(tx, membershipId)))
			tx.update(memberships)
				.set({ welcomeDone: true })
				.where(eq(memberships.id, membershipId))
				.run();
		return added > 0;
	});
}

/** Puts the checklist away for good ("I know my way around"). */
export function dismiss(db: DB, membershipId: number): void {
	db.update(memberships).set({ welcomeDone: true }).where(eq(memberships.id, membershipId)).run();
}

/**
 * A new neighbour says hello to the flat: one hello per member per flat, which also ticks
 * the checklist's first step. False when this member already said hello here.
 */
export function greet(
	db: DB,
	flatId: number,
	userId: number,
	membershipId: number,
	body: string,
	now = new Date()
): boolean {
	return db.transaction((tx) => {
		const added = tx
			.insert(greetings)
			.values({ flatId, userId, body: body.trim(), createdAt: now })
			.onConflictDoNothing()
			.run().changes;
		tick(tx, membershipId, 'greet', now);
		return added > 0;
	});
}

export type Greeting = { name: string; body: string; createdAt: Date };

const greetingsSince = prepared((db) =>
	db
		.select({ name: users.name, body: greetings.body, createdAt: greetings.createdAt })
		.from(greetings)
		.innerJoin(users, eq(users.id, greetings.userId))
		.innerJoin(
			memberships,
			and(eq(memberships.flatId, greetings.flatId), eq(memberships.userId, greetings.userId))
		)
		.where(
			and(
				eq(greetings.flatId, sql.placeholder('flatId')),
				eq(memberships.status, 'active'),
				gte(greetings.createdAt, sql.placeholder('since')),
				// Blocking keeps two neighbours apart here too, both ways, as on the board.
				moderation.apart(greetings.userId, sql.placeholder('flatId'), sql.placeholder('viewer'))
			)
		)
		.orderBy(desc(greetings.createdAt), desc(greetings.id))
		.limit(GREETINGS_SHOWN)
		.prepare()
);

/**
 * The hellos of the last `days` days, newest first, from neighbours who still live here
 * (someone who left, or still waits for approval, is not announced).
 */
export function recentGreetings(
	db: DB,
	flatId: number,
	{ viewer, days = 30, now = new Date() }: { viewer?: number; days?: number; now?: Date } = {}
): Greeting[] {
	// The placeholder takes what SQLite stores: milliseconds, as the column's mode says.
	const since = now.getTime() - days * DAY;
	return greetingsSince(db).all({ flatId, since, viewer: viewer ?? null });
}
