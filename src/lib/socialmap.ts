/** Shared by server and pages: the social map's kinds of help and its after-hours presets. */
export const MAP_CATEGORIES = [
	'neighbourhood_team',
	'housing_repairs',
	'gp',
	'gp_out_of_hours',
	'debt',
	'language',
	'elderly',
	'youth',
	'safety',
	'other'
] as const;
export type MapCategory = (typeof MAP_CATEGORIES)[number];

/** Opening hours per weekday (0 = Sunday … 6 = Saturday): local "HH:MM" ranges. */
export type OpeningHours = [string, string][][];

/** The presets of the "outside office hours and emergencies" block, filled in for a new flat. */
export const AFTER_HOURS_PRESETS = [
	'emergency',
	'police',
	'gp_out_of_hours',
	'repairs',
	'flat_contact'
] as const;
export type AfterHoursPreset = (typeof AFTER_HOURS_PRESETS)[number];
