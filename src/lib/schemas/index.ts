/**
 * The validation schemas server and forms share, one file per concept; this file only
 * gathers them, so `$lib/schemas` imports keep reading the same.
 */
export { firstName, locale, password } from './fields';
export * from './flats';
export * from './admin';
export * from './auth';
export * from './account';
export * from './members';
export * from './help';
export * from './waiting';
export * from './moderation';
export * from './keys';
export * from './calendar';
export * from './poll';
export * from './welcome';
export * from './socialmap';
export * from './notices';
export * from './notify';
export * from './summary';
