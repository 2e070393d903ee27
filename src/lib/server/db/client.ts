import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { chmodSync, closeSync, mkdirSync, openSync } from 'node:fs';
import path from 'node:path';
import type { BaseSQLiteDatabase } from 'drizzle-orm/sqlite-core';
import * as schema from './schema';
import {
	copyBeforeUpgrade,
	damagedMessage,
	failedMigration,
	migrationFailureMessage,
	pendingMigrations,
	StartFailure,
	startFailureMessage
} from './upgrade';

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

/**
 * Keeps the statements Drizzle asks for, by their SQL: Drizzle prepares its query anew on
 * every call, and compiling the same SQL again cost more than running it on the hot pages.
 * This is what keeps the query builder cheap enough for every query off the page-view path
 * (see prepared.ts for the rule). Statements run to the end synchronously here (nothing
 * iterates), so one can serve each call; its raw mode is reset because Drizzle switches it
 * on only where it wants arrays.
 */
function keepStatements(sqlite: Database.Database, size = 1000) {
	const prepare = sqlite.prepare.bind(sqlite);
	const kept = new Map<string, Database.Statement>();
	sqlite.prepare = ((source: string) => {
		let statement = kept.get(source);
		if (statement) {
			// Most recently used last, so the oldest one goes when the map is full.
			kept.delete(source);
			if (statement.reader) statement.raw(false);
		} else {
			statement = prepare(source);
			if (kept.size >= size) kept.delete(kept.keys().next().value!);
		}
		kept.set(source, statement);
		return statement;
	}) as typeof sqlite.prepare;
}

/**
 * The database holds every neighbour's name, password hash and sessions: only the server's own
 * user reads it, as with vapid.json. SQLite gives its -wal and -shm files the database file's
 * mode, so a file made 0600 before SQLite opens it keeps all three private; files an older
 * version left readable (0644) are closed again.
 */
function keepPrivate(file: string) {
	mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
	closeSync(openSync(file, 'a', 0o600));
	for (const own of [file, `${file}-wal`, `${file}-shm`]) {
		try {
			chmodSync(own, 0o600);
		} catch (error) {
			const code = (error as NodeJS.ErrnoException).code;
			if (code === 'ENOENT') continue;
			// Another user owns the file: it still opens, but the owner should know.
			if (code === 'EPERM') console.warn('db: cannot make the file private', { file: own });
			else throw error;
		}
	}
}

/**
 * Opens (and creates) a database file, sets the pragmas every connection needs and migrates it.
 * A file is checked first (`quick_check`) and copied before new migrations change it
 * (upgrade.ts); what stops the start (a damaged file, a directory it may not write, a full
 * disk, a failed migration) is thrown as a StartFailure that says what to do.
 * Steps that fill in data for older rows belong to the start of the server (hooks.server.ts),
 * not here: this layer knows tables, not what a name or a member is.
 */
export function openDatabase(file: string) {
	if (file === ':memory:') return connect(file);
	let sqlite: Database.Database | undefined;
	try {
		keepPrivate(file);
		sqlite = new Database(file);
		const check = String(sqlite.pragma('quick_check', { simple: true }));
		if (check !== 'ok') throw new StartFailure(damagedMessage(file, `quick_check: ${check}`));
		const pending = pendingMigrations(sqlite, migrationsFolder());
		const copy = copyBeforeUpgrade(sqlite, file, pending);
		sqlite.close();
		sqlite = undefined;
		const ran: string[] = [];
		try {
			return connect(file, ran);
		} catch (error) {
			const migration = failedMigration(ran, pending);
			if (!migration) throw error;
			throw new StartFailure(migrationFailureMessage({ file, copy, migration, error }));
		}
	} catch (error) {
		sqlite?.close();
		if (error instanceof StartFailure) throw error;
		const message = startFailureMessage(error, file);
		throw message ? new StartFailure(message, { cause: error }) : error;
	}
}

/**
 * One connection with the pragmas every connection needs, migrated. The statements the
 * migrations run are noted in `ran`: SQLite's error does not say which one failed.
 */
function connect(file: string, ran?: string[]) {
	const sqlite = new Database(file);
	let noting = ran;
	if (ran) {
		const prepare = sqlite.prepare.bind(sqlite);
		sqlite.prepare = ((source: string) => {
			noting?.push(source);
			return prepare(source);
		}) as typeof sqlite.prepare;
	}
	try {
		sqlite.pragma('journal_mode = WAL');
		sqlite.pragma('foreign_keys = ON');
		sqlite.pragma('busy_timeout = 5000');
		sqlite.pragma('synchronous = NORMAL');
		keepStatements(sqlite);
		const db = drizzle(sqlite, { schema });
		migrate(db, { migrationsFolder: migrationsFolder() });
		// Only the migrations' statements: the app's own queries are none of its business.
		noting = undefined;
		return db;
	} catch (error) {
		sqlite.close();
		throw error;
	}
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
