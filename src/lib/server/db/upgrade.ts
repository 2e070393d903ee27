import type Database from 'better-sqlite3';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { backupName, copyNow } from './backup';

/** Pre-upgrade copies kept in backups/; older ones go, the operator's own backups stay. */
export const UPGRADE_COPIES_KEPT = 3;
const UPGRADE_KIND = 'before-upgrade';

/** A migration by its file name (`0010_x`), with the statements Drizzle will run for it. */
export interface Migration {
	name: string;
	statements: string[];
}

/**
 * The migrations in the folder this database has not had yet, judged as Drizzle's migrator
 * judges them: by the time of the last one applied.
 */
export function pendingMigrations(sqlite: Database.Database, folder: string): Migration[] {
	const journal = JSON.parse(readFileSync(path.join(folder, 'meta', '_journal.json'), 'utf8')) as {
		entries: { tag: string }[];
	};
	const files = readMigrationFiles({ migrationsFolder: folder });
	const recorded = sqlite
		.prepare("select 1 from sqlite_master where type = 'table' and name = '__drizzle_migrations'")
		.get();
	const last = recorded
		? Number(sqlite.prepare('select max(created_at) from __drizzle_migrations').pluck().get() ?? 0)
		: 0;
	return files.flatMap((file, i) =>
		file.folderMillis > last ? [{ name: journal.entries[i]!.tag, statements: file.sql }] : []
	);
}

/** Whether the database holds anything yet: a new file needs no copy before its first tables. */
function hasTables(sqlite: Database.Database) {
	return !!sqlite.prepare("select 1 from sqlite_master where type = 'table' limit 1").get();
}

/**
 * A checked copy of the database before new migrations change it, as
 * backups/before-upgrade-<time>.db, keeping the last three such copies. Nothing is copied
 * when nothing is pending or the database is new. Returns the copy's path, if one was made.
 */
export function copyBeforeUpgrade(
	sqlite: Database.Database,
	file: string,
	pending: Migration[],
	now = new Date()
): string | undefined {
	if (!pending.length || !hasTables(sqlite)) return undefined;
	const dir = path.dirname(file);
	const { file: copy } = copyNow(sqlite, backupName(dir, now, UPGRADE_KIND));
	const backups = path.dirname(copy);
	const ours = readdirSync(backups)
		.filter((name) => name.startsWith(`${UPGRADE_KIND}-`) && name.endsWith('.db'))
		.sort();
	for (const old of ours.slice(0, -UPGRADE_COPIES_KEPT)) rmSync(path.join(backups, old));
	return copy;
}

/** The migration of the last of its statements that ran: the one that failed. */
export function failedMigration(ran: string[], pending: Migration[]): string | undefined {
	for (const source of ran.toReversed()) {
		const found = pending.find((m) => m.statements.includes(source));
		if (found) return found.name;
	}
	return undefined;
}

/**
 * A start that cannot go on: its message says what happened and what to do, for the log,
 * without a stack trace (hooks.server.ts prints it and stops the server).
 */
export class StartFailure extends Error {
	override name = 'StartFailure';
}

/**
 * The exit code of such a stop: EX_CONFIG, not the 1 of a crash, so a service manager told not
 * to restart on it (systemd RestartPreventExitStatus=78) stops instead of repeating the message.
 */
export const START_FAILURE_EXIT = 78;

const STOPPED =
	`The server stopped (exit code ${START_FAILURE_EXIT}). Starting it again will fail the same ` +
	'way until this is fixed, so a service manager restarting it does not help.';

/** The innermost error: Drizzle wraps SQLite's own in one that names the statement. */
function rootCause(error: unknown): Error & { code?: string } {
	let e = error as Error & { code?: string; cause?: unknown };
	while (!e.code && e.cause instanceof Error) e = e.cause as typeof e;
	return e;
}

export interface MigrationFailure {
	file: string;
	copy: string | undefined;
	migration: string | undefined;
	error: unknown;
}

/** What the operator reads when a migration fails: nothing changed, so nothing to restore. */
export function migrationFailureMessage({ file, copy, migration, error }: MigrationFailure) {
	return [
		`Burenbord could not upgrade its database: migration ${migration ?? '(unknown)'} failed.`,
		`  Error: ${rootCause(error).message}`,
		`  Database: ${file}`,
		`The upgrade ran as one transaction and was undone: the database is as it was before ` +
			`this start, so there is nothing to restore.`,
		copy
			? `  A copy made just before the upgrade: ${copy}`
			: '  (No copy was made before the upgrade.)',
		`What to do: go back to the version you ran before, which still works with this database, ` +
			`and report the error above with the migration's name.`,
		STOPPED
	].join('\n');
}

/**
 * The message for a known reason the server cannot start with its data (a directory it may
 * not write, a full disk, a damaged file), or undefined for anything else, which is a bug
 * and keeps its stack trace.
 */
export function startFailureMessage(error: unknown, file: string): string | undefined {
	if (error instanceof StartFailure) return error.message;
	if (!(error instanceof Error)) return undefined;
	const cause = rootCause(error);
	const dir = path.dirname(file);
	switch (cause.code) {
		case 'SQLITE_FULL':
		case 'ENOSPC':
			return [
				`Burenbord cannot write its database: the disk holding ${dir} is full.`,
				`  Error: ${cause.message}`,
				`SQLite undid the unfinished write, so nothing was lost. What to do: free space on ` +
					`that disk (old copies in ${path.join(dir, 'backups')}, logs), then start again.`,
				STOPPED
			].join('\n');
		case 'EACCES':
		case 'EPERM':
		case 'EROFS':
		case 'ENOTDIR':
		case 'SQLITE_READONLY':
		case 'SQLITE_CANTOPEN':
		case 'SQLITE_IOERR_WRITE':
			return [
				`Burenbord cannot write its data directory ${dir}.`,
				`  Error: ${cause.message}`,
				`What to do: make the directory and ${path.basename(file)} (with its -wal and -shm ` +
					`files) belong to the user the server runs as, writable by it (chown, chmod 700), ` +
					`or set DATA_DIR to a directory it can write. Then start again.`,
				STOPPED
			].join('\n');
		case 'SQLITE_CORRUPT':
		case 'SQLITE_NOTADB':
			return damagedMessage(file, cause.message);
		default:
			return undefined;
	}
}

/** A database that fails SQLite's check: the way back is the newest backup. */
export function damagedMessage(file: string, detail: string) {
	const backups = path.join(path.dirname(file), 'backups');
	let newest: string | undefined;
	try {
		// A database moved aside by a restore is no backup to go back to.
		newest = readdirSync(backups)
			.filter((name) => name.endsWith('.db') && !name.startsWith('replaced-'))
			.map((name) => path.join(backups, name))
			.sort((a, b) => statSync(a).mtimeMs - statSync(b).mtimeMs)
			.at(-1);
	} catch {
		newest = undefined;
	}
	return [
		`Burenbord's database ${file} is damaged: it fails SQLite's check.`,
		`  Error: ${detail}`,
		`What to do: keep the damaged file for now, and restore the newest good backup with ` +
			`the server stopped: npm run restore -- ${newest ?? '<backup file>'}`,
		STOPPED
	].join('\n');
}
