import { and, eq, sql } from 'drizzle-orm';
import { prepared, type DB } from '../db';
import { memberships } from '../db/schema';
import type { PostCategory } from '../../help';
import { can } from '../auth/roles';

// Everyone speaks Dutch here; a shared other language is what makes a match for letters.
export const COMMON = new Set(['nederlands', 'dutch', 'nl', 'هولندي', 'الهولندية']);
/** A language as typed, compared without case or spaces around it. */
export const norm = (language: string) => language.trim().toLocaleLowerCase();

/** Active members who want to hear of fitting requests and named this category a talent. */
const talented = prepared((db) =>
	db
		.select({ userId: memberships.userId, role: memberships.role })
		.from(memberships)
		.where(
			and(
				eq(memberships.flatId, sql.placeholder('flatId')),
				eq(memberships.status, 'active'),
				eq(memberships.notifyMatches, true),
				sql`exists (select 1 from json_each(${memberships.talents}) where value = ${sql.placeholder('category')})`
			)
		)
		.prepare()
);

/**
 * Members who asked to hear of requests that fit them: the category is one of their talents,
 * or it is about letters and they share a language (other than Dutch) with the author.
 */
export function matches(
	db: DB,
	flatId: number,
	authorId: number,
	category: PostCategory
): number[] {
	const rows = talented(db).all({ flatId, category });
	if (category === 'letters') rows.push(...sharedLanguage(db, flatId, authorId));
	const fits = rows
		.filter((r) => r.userId !== authorId && can(r.role, 'help.view'))
		.map((r) => r.userId);
	return [...new Set(fits)];
}

/** Members who want to hear of fitting requests and speak a language of the author's. */
function sharedLanguage(db: DB, flatId: number, authorId: number) {
	const author = db
		.select({ languages: memberships.languages })
		.from(memberships)
		.where(and(eq(memberships.flatId, flatId), eq(memberships.userId, authorId)))
		.get();
	const authorLanguages = new Set(
		(author?.languages ?? []).map(norm).filter((l) => !COMMON.has(l))
	);
	if (authorLanguages.size === 0) return [];
	return db
		.select({
			userId: memberships.userId,
			role: memberships.role,
			languages: memberships.languages
		})
		.from(memberships)
		.where(
			and(
				eq(memberships.flatId, flatId),
				eq(memberships.status, 'active'),
				eq(memberships.notifyMatches, true)
			)
		)
		.all()
		.filter((r) => r.languages.some((l) => authorLanguages.has(norm(l))));
}
