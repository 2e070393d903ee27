/**
 * The database, layer 0: opening it (client.ts), its tables (schema/) and the way hot queries
 * are kept (prepared.ts). It imports nothing of the app above it.
 */
export { dataDir, getDb, openDatabase, type DB } from './client';
export { listOf, perConnection, prepared } from './prepared';
export * as schema from './schema';
