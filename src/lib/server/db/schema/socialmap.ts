import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import {
	AFTER_HOURS_PRESETS,
	MAP_CATEGORIES,
	type AfterHoursPreset,
	type MapCategory,
	type OpeningHours
} from '../../../socialmap';
import { createdAt } from './columns';
import { flats } from './flats';

export {
	MAP_CATEGORIES,
	AFTER_HOURS_PRESETS,
	type MapCategory,
	type OpeningHours,
	type AfterHoursPreset
};

/**
 * One place on the flat's social map. Entries with `afterHours` form the always-visible
 * emergency block; a `preset` entry keeps its name in the reader's language until edited.
 */
export const mapEntries = sqliteTable(
	'map_entries',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		flatId: integer('flat_id')
			.notNull()
			.references(() => flats.id, { onDelete: 'cascade' }),
		category: text('category', { enum: MAP_CATEGORIES }).notNull(),
		name: text('name').notNull().default(''),
		helpsWith: text('helps_with').notNull().default(''),
		phone: text('phone').notNull().default(''),
		website: text('website').notNull().default(''),
		address: text('address').notNull().default(''),
		hours: text('hours', { mode: 'json' }).$type<OpeningHours>().notNull().default([]),
		afterHours: integer('after_hours', { mode: 'boolean' }).notNull().default(false),
		preset: text('preset', { enum: AFTER_HOURS_PRESETS }),
		sortOrder: integer('sort_order').notNull().default(0),
		createdAt: createdAt()
	},
	(t) => [index('map_entries_flat').on(t.flatId, t.afterHours, t.sortOrder)]
);
