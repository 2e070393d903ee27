import Database from 'better-sqlite3';
import { closeSync, mkdirSync, openSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';

/**
 * A consistent copy of the live database through SQLite's online backup, while the server
 * keeps writing: the copy is of one moment, and it is checked before it gets its name. It is
 * as private as the database (0600), made so before SQLite writes a page into it.
 */
export async function backup(source: string, destination: string) {
	mkdirSync(path.dirname(destination), { recursive: true, mode: 0o700 });
	const partial = `${destination}.partial`;
	rmSync(partial, { force: true });
	// An empty file is an empty database to SQLite, and it keeps the mode it was made with.
	closeSync(openSync(partial, 'wx', 0o600));
	const live = new Database(source, { fileMustExist: true });
	live.pragma('busy_timeout = 5000');
	try {
		// Copy the rest in one step: a write from the server between small steps would make
		// SQLite start the copy over, and under steady writes it might never finish.
		await live.backup(partial, { progress: ({ totalPages }) => Math.max(totalPages, 100) });
	} finally {
		live.close();
	}
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

/** backups/burenbord-2026-11-21T09-30-00.db under the data directory. */
export function backupName(dataDir: string, now = new Date()): string {
	const stamp = now.toISOString().slice(0, 19).replace(/:/g, '-');
	return path.join(dataDir, 'backups', `burenbord-${stamp}.db`);
}
