/**
 * The database's tables, one file per concept; this file only gathers them, so Drizzle (and
 * drizzle-kit, through drizzle.config.ts) sees the whole schema in one place.
 */
export * from './users';
export * from './flats';
export * from './auth';
export * from './admin';
export * from './help';
export * from './moderation';
export * from './keys';
export * from './calendar';
export * from './welcome';
export * from './notices';
export * from './socialmap';
export * from './notify';
export * from './push';
export * from './limits';
