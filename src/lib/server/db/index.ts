import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { BaseSQLiteDatabase } from 'drizzle-orm/sqlite-core';
import * as schema from './schema';

/**
 * What domain functions take: the database or a transaction on it, so one function serves
 * both, and tests hand in an in-memory database with the real migrations.
 */
export type DB = BaseSQLiteDatabase<'sync', Database.RunResult, typeof schema>;

/** Where the SQLite file lives: `DATA_DIR`, or `./data` beside the app. */
export function dataDir(): string {
	return path.resolve(process.env.DATA_DIR ?? 'data');
}

function migrationsFolder(): string {
	return path.resolve(process.env.MIGRATIONS_DIR ?? 'drizzle');
}

/** Opens (and creates) a database file, sets the pragmas every connection needs and migrates it. */
export function openDatabase(file: string) {
	if (file !== ':memory:') mkdirSync(path.dirname(file), { recursive: true });
	const sqlite = new Database(file);
	sqlite.pragma('journal_mode = WAL');
	sqlite.pragma('foreign_keys = ON');
	sqlite.pragma('busy_timeout = 5000');
	sqlite.pragma('synchronous = NORMAL');
	const db = drizzle(sqlite, { schema });
	migrate(db, { migrationsFolder: migrationsFolder() });
	return db;
}

let instance: ReturnType<typeof openDatabase> | undefined;

/**
 * The app's database, opened on first use: `vite build` imports server modules, and opening
 * at import time would create a database file during the build.
 */
export function getDb() {
	instance ??= openDatabase(path.join(dataDir(), 'burenbord.db'));
	return instance;
}

export { schema };
