import { asc, eq } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { DB } from '../db';
import { blocks, flats, reports, users } from '../db/schema';
import type { Personal } from '../auth/personal';

/**
 * Blocks end with either person. A report stays for the verbinders to handle; it no longer
 * says who made it.
 */
export const personal: Personal = {
	tables: [
		{
			table: blocks,
			columns: [blocks.blockerId, blocks.blockedId],
			erase: 'delete',
			export: { key: 'blocked' }
		},
		{
			table: reports,
			columns: [reports.reporterId],
			erase: 'anonymise',
			export: { key: 'reports' }
		}
	]
};

/** Who the person blocked (by first name) and what they reported. */
export function exportData(db: DB, userId: number) {
	const other = alias(users, 'other');
	const blocked = db
		.select({ flat: flats.name, name: other.name, createdAt: blocks.createdAt })
		.from(blocks)
		.innerJoin(flats, eq(flats.id, blocks.flatId))
		.innerJoin(other, eq(other.id, blocks.blockedId))
		.where(eq(blocks.blockerId, userId))
		.all();

	const reported = db
		.select({
			flat: flats.name,
			reason: reports.reason,
			status: reports.status,
			createdAt: reports.createdAt
		})
		.from(reports)
		.innerJoin(flats, eq(flats.id, reports.flatId))
		.where(eq(reports.reporterId, userId))
		.orderBy(asc(reports.createdAt))
		.all();

	return { blocked, reports: reported };
}
