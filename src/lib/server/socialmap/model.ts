import { DomainError } from '../errors';
import type { MapCategory, OpeningHours, mapEntries } from '../db/schema';

export type Entry = typeof mapEntries.$inferSelect;

/** What an editor fills in for a place; a preset row keeps its own category and block. */
export type EntryInput = {
	category: MapCategory;
	name: string;
	helpsWith: string;
	phone: string;
	website: string;
	address: string;
	hours: OpeningHours;
	afterHours: boolean;
};

/** A block of flats needs dozens of places, not thousands: a limit keeps a slip harmless. */
export const MAX_ENTRIES = 200;

export const EMERGENCY_PHONE = '112';

export type MapCode = 'not_found' | 'preset' | 'full' | 'name';

/**
 * A place of another flat (not found), a preset row that stays, a map that is full, or a
 * place without a name (only a preset row has one in every language).
 */
export class MapError extends DomainError<MapCode> {
	constructor(code: MapCode) {
		super('socialmap', code);
	}
}
