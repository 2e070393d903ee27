import { and, eq } from 'drizzle-orm';
import type { DB } from '../db';
import { welcomePages } from '../db/schema';
import { renderMarkdown } from './markdown';
import { MAIN_LANGUAGE, type WelcomePage } from './model';

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
