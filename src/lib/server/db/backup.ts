import Database from 'better-sqlite3';
import { closeSync, existsSync, mkdirSync, openSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';

/**
 * A consistent copy of the live database through SQLite's online backup, while the server
 * keeps writing: the copy is of one moment, and it is checked before it gets its name. It is
 * as private as the database (0600), made so before SQLite writes a page into it.
 */
export async function backup(source: string, destination: string) {
	const partial = privateFile(destination);
	const live = new Database(source, { fileMustExist: true });
	live.pragma('busy_timeout = 5000');
	try {
		// Copy the rest in one step: a write from the server between small steps would make
		// SQLite start the copy over, and under steady writes it might never finish.
		await live.backup(partial, { progress: ({ totalPages }) => Math.max(totalPages, 100) });
	} catch (error) {
		rmSync(partial, { force: true });
		throw error;
	} finally {
		live.close();
	}
	return named(partial, destination);
}

/**
 * The same copy from a connection that is already open, made at once (`VACUUM INTO`): for the
 * start of the server, which has nothing to wait for and nobody writing yet.
 */
export function copyNow(sqlite: Database.Database, destination: string) {
	const partial = privateFile(destination);
	try {
		sqlite.prepare('VACUUM INTO ?').run(partial);
	} catch (error) {
		rmSync(partial, { force: true });
		throw error;
	}
	return named(partial, destination);
}

/** An empty file is an empty database to SQLite, and it keeps the mode it was made with. */
function privateFile(destination: string) {
	mkdirSync(path.dirname(destination), { recursive: true, mode: 0o700 });
	const partial = `${destination}.partial`;
	rmSync(partial, { force: true });
	closeSync(openSync(partial, 'wx', 0o600));
	return partial;
}

/** The copy gets its name only once SQLite finds it whole. */
function named(partial: string, destination: string) {
	const copy = new Database(partial, { readonly: true });
	let integrity: string;
	try {
		integrity = String(copy.pragma('integrity_check', { simple: true }));
	} finally {
		copy.close();
	}
	if (integrity !== 'ok') {
		rmSync(partial, { force: true });
		throw new Error(`backup failed the integrity check: ${integrity}`);
	}
	renameSync(partial, destination);
	return { file: destination, integrity };
}

/**
 * backups/burenbord-2026-11-21T09-30-00.db under the data directory; other kinds of copy
 * (`before-upgrade`, `replaced`) say so in their name, so each can be told from the others.
 */
export function backupName(dataDir: string, now = new Date(), kind = 'burenbord'): string {
	const stamp = now.toISOString().slice(0, 19).replace(/:/g, '-');
	return path.join(dataDir, 'backups', `${kind}-${stamp}.db`);
}

/** Why `restore` would not go on: said to the operator as it is. */
export class RestoreRefused extends Error {}

/**
 * Puts a backup in place of the database, with the server stopped: the backup is checked
 * first (a SQLite file, whole, with the app's tables), the current database is moved aside
 * to backups/replaced-<time>.db rather than deleted, and the copy is private (0600).
 */
export async function restore(backupFile: string, dataDir: string, now = new Date()) {
	const source = path.resolve(backupFile);
	checkBackup(source);
	const live = path.join(dataDir, 'burenbord.db');
	let replaced: string | undefined;
	if (existsSync(live)) {
		closeQuietly(live);
		replaced = backupName(dataDir, now, 'replaced');
		mkdirSync(path.dirname(replaced), { recursive: true, mode: 0o700 });
		for (const suffix of ['', '-wal', '-shm'])
			if (existsSync(live + suffix)) renameSync(live + suffix, replaced + suffix);
	}
	try {
		await backup(source, live);
	} catch (error) {
		// Nothing half-done stays behind: the database that was there goes back.
		if (replaced)
			for (const suffix of ['', '-wal', '-shm'])
				if (existsSync(replaced + suffix)) renameSync(replaced + suffix, live + suffix);
		throw error;
	}
	return { restored: live, replaced };
}

/** The tables of the first migration: a file without them is not this app's database. */
const APP_TABLES = ['__drizzle_migrations', 'flats', 'users', 'memberships', 'sessions'];

function checkBackup(file: string) {
	if (!existsSync(file) || !statSync(file).isFile())
		throw new RestoreRefused(`${file} is not a file.`);
	let copy: Database.Database | undefined;
	try {
		copy = new Database(file, { readonly: true, fileMustExist: true });
		const integrity = String(copy.pragma('integrity_check', { simple: true }));
		if (integrity !== 'ok')
			throw new RestoreRefused(`${file} is damaged (integrity check: ${integrity}).`);
		const tables = new Set(
			copy.prepare("select name from sqlite_master where type = 'table'").pluck().all() as string[]
		);
		const missing = APP_TABLES.filter((t) => !tables.has(t));
		if (missing.length)
			throw new RestoreRefused(
				`${file} is not a Burenbord database (it has no ${missing.join(', ')} table).`
			);
	} catch (error) {
		if (error instanceof RestoreRefused) throw error;
		throw new RestoreRefused(
			`${file} cannot be read as a SQLite database (${(error as Error).message}).`
		);
	} finally {
		copy?.close();
	}
}

/**
 * Refuses while anything has the database open (a running server holds it open): an exclusive
 * lock is granted only to the last connection. Closing it folds the -wal file into the
 * database, so what is moved aside is one whole file. A damaged database, the usual reason
 * for a restore, is moved aside as it is.
 */
function closeQuietly(live: string) {
	let db: Database.Database | undefined;
	try {
		db = new Database(live, { fileMustExist: true, timeout: 0 });
		db.pragma('locking_mode = EXCLUSIVE');
		db.exec('BEGIN EXCLUSIVE');
		db.exec('COMMIT');
	} catch (error) {
		const code = (error as { code?: string }).code;
		if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED')
			throw new RestoreRefused(
				`${live} is in use: stop the server first, then run the restore again.`
			);
	} finally {
		db?.close();
	}
}
