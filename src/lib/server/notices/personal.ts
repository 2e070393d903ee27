import { asc, eq } from 'drizzle-orm';
import type { DB } from '../db';
import { flats, memberships, notices, noticeSeen, noticeTexts } from '../db/schema';
import type { Personal } from '../auth/personal';

/**
 * The notices a person wrote, and which notices they saw. A notice is the flat's: it stays when
 * its writer goes, with no name on it. That someone saw a notice goes with their membership.
 */
export const personal: Personal = {
	tables: [
		{
			table: notices,
			columns: [notices.authorId],
			erase: 'anonymise',
			export: { key: 'notices' }
		},
		{
			table: noticeSeen,
			columns: [noticeSeen.membershipId],
			erase: 'cascade',
			export: { key: 'noticesSeen' }
		}
	]
};

/** The notices this person wrote, with every language version, and the notices they saw. */
export function exportData(db: DB, userId: number) {
	const written = db
		.select({
			id: notices.id,
			flat: flats.name,
			kind: notices.kind,
			validFrom: notices.validFrom,
			validUntil: notices.validUntil,
			createdAt: notices.createdAt
		})
		.from(notices)
		.innerJoin(flats, eq(flats.id, notices.flatId))
		.where(eq(notices.authorId, userId))
		.orderBy(asc(notices.id))
		.all();
	const texts = (noticeId: number) =>
		db
			.select({ locale: noticeTexts.locale, title: noticeTexts.title, body: noticeTexts.body })
			.from(noticeTexts)
			.where(eq(noticeTexts.noticeId, noticeId))
			.all();
	const seen = db
		.select({ flat: flats.name, noticeId: noticeSeen.noticeId, seenAt: noticeSeen.seenAt })
		.from(noticeSeen)
		.innerJoin(memberships, eq(memberships.id, noticeSeen.membershipId))
		.innerJoin(flats, eq(flats.id, memberships.flatId))
		.where(eq(memberships.userId, userId))
		.orderBy(asc(noticeSeen.seenAt))
		.all();
	return {
		notices: written.map(({ id, ...n }) => ({ ...n, texts: texts(id) })),
		// The notice by its number only: its text is the flat's, and may be someone else's.
		noticesSeen: seen
	};
}
