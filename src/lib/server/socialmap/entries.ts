import { and, asc, count, eq, max } from 'drizzle-orm';
import type { DB } from '../db';
import { mapEntries, type AfterHoursPreset, type MapCategory } from '../db/schema';
import { EMERGENCY_PHONE, MAX_ENTRIES, MapError, type Entry, type EntryInput } from './model';

/**
 * The "outside office hours and emergencies" rows every flat starts with, as migration
 * 0007 gave the flats that already existed. Their names come from the messages, so each
 * neighbour reads them in their own language until an editor names them.
 */
const DEFAULTS: { preset: AfterHoursPreset; category: MapCategory; phone: string }[] = [
	{ preset: 'emergency', category: 'safety', phone: EMERGENCY_PHONE },
	{ preset: 'police', category: 'safety', phone: '0900 8844' },
	{ preset: 'gp_out_of_hours', category: 'gp_out_of_hours', phone: '' },
	{ preset: 'repairs', category: 'housing_repairs', phone: '' },
	{ preset: 'flat_contact', category: 'other', phone: '' }
];

/** Gives a new flat the after-hours rows (112, police, GP out-of-hours, repairs, contact). */
export function addDefaults(db: DB, flatId: number): void {
	db.insert(mapEntries)
		.values(DEFAULTS.map((d, i) => ({ flatId, ...d, afterHours: true, sortOrder: i })))
		.run();
}

const order = [asc(mapEntries.sortOrder), asc(mapEntries.name), asc(mapEntries.id)];

/** The flat's map: the after-hours block and the other places, each in the editors' order. */
export function list(db: DB, flatId: number): { afterHours: Entry[]; entries: Entry[] } {
	const rows = db
		.select()
		.from(mapEntries)
		.where(eq(mapEntries.flatId, flatId))
		.orderBy(...order)
		.all();
	return {
		afterHours: rows.filter((e) => e.afterHours),
		entries: rows.filter((e) => !e.afterHours)
	};
}

/** One place of this flat, or undefined: another flat's is not there either. */
export function find(db: DB, flatId: number, id: number): Entry | undefined {
	return db
		.select()
		.from(mapEntries)
		.where(and(eq(mapEntries.id, id), eq(mapEntries.flatId, flatId)))
		.get();
}

/** One place of this flat; another flat's is not found. */
export function get(db: DB, flatId: number, id: number): Entry {
	const entry = find(db, flatId, id);
	if (!entry) throw new MapError('not_found');
	return entry;
}

function nextSortOrder(db: DB, flatId: number, afterHours: boolean): number {
	const row = db
		.select({ last: max(mapEntries.sortOrder) })
		.from(mapEntries)
		.where(and(eq(mapEntries.flatId, flatId), eq(mapEntries.afterHours, afterHours)))
		.get();
	return (row?.last ?? -1) + 1;
}

/** Puts a place on the map, at the end of its block. */
export function create(db: DB, flatId: number, input: EntryInput): Entry {
	if (!input.name.trim()) throw new MapError('name');
	return db.transaction((tx) => {
		const n =
			tx.select({ n: count() }).from(mapEntries).where(eq(mapEntries.flatId, flatId)).get()?.n ?? 0;
		if (n >= MAX_ENTRIES) throw new MapError('full');
		return tx
			.insert(mapEntries)
			.values({
				flatId,
				...input,
				preset: null,
				sortOrder: nextSortOrder(tx, flatId, input.afterHours)
			})
			.returning()
			.get();
	});
}

/**
 * Changes a place. A preset row stays in the after-hours block with its category, and the
 * emergency row always keeps a number: 112 is never missing from the block. Only a preset
 * row may go without a name: it has one in every language.
 */
export function update(db: DB, flatId: number, id: number, input: EntryInput): Entry {
	return db.transaction((tx) => {
		const entry = get(tx, flatId, id);
		if (!entry.preset && !input.name.trim()) throw new MapError('name');
		const values = entry.preset
			? {
					...input,
					category: entry.category,
					afterHours: true,
					phone: entry.preset === 'emergency' && !input.phone ? EMERGENCY_PHONE : input.phone
				}
			: input;
		const moved = values.afterHours !== entry.afterHours;
		return tx
			.update(mapEntries)
			.set({
				...values,
				...(moved ? { sortOrder: nextSortOrder(tx, flatId, values.afterHours) } : {})
			})
			.where(eq(mapEntries.id, id))
			.returning()
			.get()!;
	});
}

/** Takes a place off the map. The preset rows stay: an editor empties their number instead. */
export function remove(db: DB, flatId: number, id: number): void {
	db.transaction((tx) => {
		const entry = get(tx, flatId, id);
		if (entry.preset) throw new MapError('preset');
		tx.delete(mapEntries).where(eq(mapEntries.id, id)).run();
	});
}

/**
 * Moves a place one step up or down among its neighbours on the page: the after-hours
 * block, or the other places of the same category.
 */
export function move(db: DB, flatId: number, id: number, direction: 'up' | 'down'): void {
	db.transaction((tx) => {
		const entry = get(tx, flatId, id);
		const siblings = tx
			.select({ id: mapEntries.id })
			.from(mapEntries)
			.where(
				and(
					eq(mapEntries.flatId, flatId),
					eq(mapEntries.afterHours, entry.afterHours),
					entry.afterHours ? undefined : eq(mapEntries.category, entry.category)
				)
			)
			.orderBy(...order)
			.all()
			.map((r) => r.id);
		const from = siblings.indexOf(id);
		const to = direction === 'up' ? from - 1 : from + 1;
		if (to < 0 || to >= siblings.length) return;
		[siblings[from], siblings[to]] = [siblings[to]!, siblings[from]!];
		// Numbering the whole group again also settles equal sort orders left by older data.
		siblings.forEach((sibling, sortOrder) =>
			tx.update(mapEntries).set({ sortOrder }).where(eq(mapEntries.id, sibling)).run()
		);
	});
}

/** Whether neighbours can do anything with a row: a number, a website, an address or a text. */
export function isFilled(entry: Pick<Entry, 'phone' | 'website' | 'address' | 'helpsWith'>) {
	return !!(entry.phone || entry.website || entry.address || entry.helpsWith);
}
