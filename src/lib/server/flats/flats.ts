import { count as sqlCount, eq, sql } from 'drizzle-orm';
import { prepared, type DB } from '../db';
import { flats, type Flat, type JoinMode } from '../db/schema';
import * as socialmap from '../socialmap';
import * as joinCode from './join-code';
import { FlatError, type NewFlat } from './model';

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

function uniqueJoinCode(db: DB, slug: string): string {
	for (;;) {
		const code = joinCode.generate(slug);
		if (!byJoinCode(db, code)) return code;
	}
}

/** The flat at this web name (the `[flat]` in every URL). */
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

/** The flat with this id, for the instance admin who picks one from a list. */
export function byId(db: DB, id: number): Flat | undefined {
	return db.select().from(flats).where(eq(flats.id, id)).get();
}

/** Finds a flat by its join code as a person typed it. */
export function byJoinCode(db: DB, input: string): Flat | undefined {
	const code = joinCode.normalize(input);
	if (!code) return undefined;
	return db.select().from(flats).where(eq(flats.joinCode, code)).get();
}

/** The flat a typed join code opens; 'not_found' when it opens none. */
export function forJoinCode(db: DB, input: string): Flat {
	const flat = byJoinCode(db, input);
	if (!flat) throw new FlatError('not_found');
	return flat;
}

/** A flat as a person names it at login: its web name, or the code on the hall poster. */
export function named(db: DB, input: string): Flat | undefined {
	return bySlug(db, input.trim().toLowerCase()) ?? byJoinCode(db, input);
}

/** Replaces the join code: the old poster stops working at once. */
export function rotateJoinCode(db: DB, flatId: number): string {
	const flat = byId(db, flatId);
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

/** How many flats this server holds (none: the first-run setup is still open). */
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
