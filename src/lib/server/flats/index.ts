import { count as sqlCount, eq, sql } from 'drizzle-orm';
import { prepared, type DB } from '../db';
import { flats, type Flat, type JoinMode } from '../db/schema';
import * as socialmap from '../socialmap';
import * as joinCode from './join-code';

export { joinCode };

export type NewFlat = { name: string; slug: string; timeZone: string; joinMode: JoinMode };

/**
 * Creates a flat with a fresh join code and the after-hours rows of its social map (112 and
 * the like are there from day one). Throws 'slug_taken' when the slug is in use.
 */
export function create(db: DB, input: NewFlat): Flat {
	if (bySlug(db, input.slug)) throw new FlatError('slug_taken');
	return db.transaction((tx) => {
		const flat = tx
			.insert(flats)
			.values({ ...input, joinCode: uniqueJoinCode(tx, input.slug) })
			.returning()
			.get();
		socialmap.addDefaults(tx, flat.id);
		return flat;
	});
}

export class FlatError extends Error {
	constructor(readonly code: 'slug_taken') {
		super(code);
	}
}

function uniqueJoinCode(db: DB, slug: string): string {
	for (;;) {
		const code = joinCode.generate(slug);
		if (!byJoinCode(db, code)) return code;
	}
}

export function bySlug(db: DB, slug: string): Flat | undefined {
	return flatBySlug(db).get({ slug });
}

const flatBySlug = prepared((db) =>
	db
		.select()
		.from(flats)
		.where(eq(flats.slug, sql.placeholder('slug')))
		.prepare()
);

/** Finds a flat by its join code as a person typed it. */
export function byJoinCode(db: DB, input: string): Flat | undefined {
	const code = joinCode.normalize(input);
	if (!code) return undefined;
	return db.select().from(flats).where(eq(flats.joinCode, code)).get();
}

/** Replaces the join code: the old poster stops working at once. */
export function rotateJoinCode(db: DB, flatId: number): string {
	const flat = db.select().from(flats).where(eq(flats.id, flatId)).get();
	if (!flat) throw new Error(`no flat ${flatId}`);
	const code = uniqueJoinCode(db, flat.slug);
	db.update(flats).set({ joinCode: code }).where(eq(flats.id, flatId)).run();
	return code;
}

/** Open (join with the code) or approval (a verbinder lets each newcomer in). */
export function setJoinMode(db: DB, flatId: number, joinMode: JoinMode): void {
	db.update(flats).set({ joinMode }).where(eq(flats.id, flatId)).run();
}

/** Where the flat's activities happen, and whether residents publish them without a verbinder. */
export function setCalendarSettings(
	db: DB,
	flatId: number,
	settings: Pick<Flat, 'places' | 'residentActivities'>
): void {
	db.update(flats).set(settings).where(eq(flats.id, flatId)).run();
}

export function count(db: DB): number {
	return db.select({ n: sqlCount() }).from(flats).get()?.n ?? 0;
}

/** The instance admin's list: names and addresses only, nothing from inside a flat. */
export function listForAdmin(db: DB): Pick<Flat, 'id' | 'name' | 'slug' | 'createdAt'>[] {
	return db
		.select({ id: flats.id, name: flats.name, slug: flats.slug, createdAt: flats.createdAt })
		.from(flats)
		.orderBy(flats.name)
		.all();
}
