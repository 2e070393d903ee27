import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import {
	chmodSync,
	cpSync,
	mkdirSync,
	mkdtempSync,
	readdirSync,
	readFileSync,
	rmSync,
	statSync,
	writeFileSync
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '.';
import { StartFailure, startFailureMessage } from './upgrade';

let dir: string;
let migrations: string;
const journalOf = () => path.join(migrations, 'meta', '_journal.json');
type Journal = { entries: { idx: number; when: number; tag: string }[] };
const journal = () => JSON.parse(readFileSync(journalOf(), 'utf8')) as Journal;
const real = (JSON.parse(readFileSync('drizzle/meta/_journal.json', 'utf8')) as Journal).entries;

/**
 * The migrations folder as a previous version had it: up to the one before 0009, which added
 * the column the tests look for (so later migrations do not change what they check).
 */
function previousVersion() {
	const j = journal();
	j.entries = real.filter((e) => e.tag < '0009_trust');
	writeFileSync(journalOf(), JSON.stringify(j));
}
/** The new version's migrations: the real last one, and another one if given. */
function newVersion(extra?: { tag: string; sql: string }) {
	const j = journal();
	j.entries = [...real];
	if (extra) {
		j.entries.push({
			...real.at(-1)!,
			idx: real.length,
			when: real.at(-1)!.when + 1,
			tag: extra.tag
		});
		writeFileSync(path.join(migrations, `${extra.tag}.sql`), extra.sql);
	}
	writeFileSync(journalOf(), JSON.stringify(j));
}

const columnsOf = (db: Database.Database, table: string) =>
	(db.prepare(`pragma table_info(${table})`).all() as { name: string }[]).map((c) => c.name);
const hash = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

/** A database of the previous version with one flat in it, closed as a stopped server leaves it. */
function oldDatabase() {
	previousVersion();
	const file = path.join(dir, 'burenbord.db');
	const db = openDatabase(file);
	db.$client.exec("insert into flats (slug, name, join_code) values ('horst', 'Horst', 'HORST-1')");
	db.$client.close();
	return file;
}

const failure = (run: () => unknown) => {
	try {
		run();
	} catch (error) {
		expect(error).toBeInstanceOf(StartFailure);
		return (error as Error).message;
	}
	throw new Error('expected the start to fail');
};

beforeEach(() => {
	dir = mkdtempSync(path.join(tmpdir(), 'burenbord-upgrade-'));
	migrations = path.join(dir, 'migrations');
	cpSync('drizzle', migrations, { recursive: true });
	process.env.MIGRATIONS_DIR = migrations;
});
afterEach(() => {
	delete process.env.MIGRATIONS_DIR;
	chmodSync(dir, 0o700);
	rmSync(dir, { recursive: true, force: true });
});

describe('a copy before the upgrade', () => {
	it('is not made for a new database, nor when nothing is pending', () => {
		const file = path.join(dir, 'burenbord.db');
		openDatabase(file).$client.close();
		openDatabase(file).$client.close();
		expect(readdirSync(dir)).not.toContain('backups');
	});

	it('is made when migrations are pending, and holds the old schema and rows', () => {
		const file = oldDatabase();
		newVersion();
		const db = openDatabase(file);
		expect(columnsOf(db.$client, 'users')).toContain('name_skeleton');
		db.$client.close();
		const copies = readdirSync(path.join(dir, 'backups'));
		expect(copies).toEqual([expect.stringMatching(/^before-upgrade-[\dT-]+\.db$/)]);
		const copy = path.join(dir, 'backups', copies[0]!);
		expect(statSync(copy).mode & 0o777).toBe(0o600);
		const old = new Database(copy, { readonly: true });
		expect(columnsOf(old, 'users')).not.toContain('name_skeleton');
		expect(old.prepare('select slug from flats').pluck().all()).toEqual(['horst']);
		old.close();
	});

	it('keeps the last three such copies and leaves the operator’s files alone', () => {
		const file = oldDatabase();
		const backups = path.join(dir, 'backups');
		mkdirSync(backups);
		const old = ['01', '02', '03'].map((d) => `before-upgrade-2020-01-${d}T00-00-00.db`);
		const others = ['burenbord-2019-01-01T00-00-00.db', 'mine.db', 'notes.txt'];
		for (const name of [...old, ...others]) writeFileSync(path.join(backups, name), name);
		newVersion();
		openDatabase(file).$client.close();
		const left = readdirSync(backups);
		expect(left.filter((n) => n.startsWith('before-upgrade-'))).toEqual([
			old[1],
			old[2],
			expect.not.stringMatching(/^before-upgrade-2020/)
		]);
		for (const name of others) expect(readFileSync(path.join(backups, name), 'utf8')).toBe(name);
	});
});

describe('a failed migration', () => {
	it('undoes every pending migration, keeps the file as it was, and says what to do', () => {
		const file = oldDatabase();
		const before = hash(file);
		newVersion({
			tag: '0010_broken',
			sql: 'CREATE TABLE `fine` (`x` integer);--> statement-breakpoint\nALTER TABLE `nope` ADD `y` integer;'
		});
		const message = failure(() => openDatabase(file));
		expect(message).toContain('migration 0010_broken failed');
		expect(message).toContain('no such table: nope');
		expect(message).toContain('nothing to restore');
		expect(message).toMatch(/before the upgrade: .*backups\/before-upgrade-[\dT-]+\.db/);
		expect(message).toContain('exit code 78');
		expect(message).not.toMatch(/\n\s+at /);
		expect(hash(file)).toBe(before);
		const db = new Database(file, { readonly: true });
		// The migration before the broken one ran in the same transaction, and was undone too.
		expect(columnsOf(db, 'users')).not.toContain('name_skeleton');
		expect(columnsOf(db, 'fine')).toEqual([]);
		expect(db.prepare('select slug from flats').pluck().all()).toEqual(['horst']);
		expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
		db.close();
		// The previous version still opens it, with nothing pending.
		previousVersion();
		openDatabase(file).$client.close();
	});
});

describe('a start that cannot go on', () => {
	it('says a file of garbage is damaged, and points at the newest backup', () => {
		const file = path.join(dir, 'burenbord.db');
		writeFileSync(file, 'not a database at all '.repeat(400));
		mkdirSync(path.join(dir, 'backups'));
		writeFileSync(path.join(dir, 'backups', 'burenbord-2026-01-01T00-00-00.db'), '');
		const message = failure(() => openDatabase(file));
		expect(message).toContain('is damaged');
		expect(message).toContain('npm run restore -- ');
		expect(message).toContain('burenbord-2026-01-01T00-00-00.db');
	});

	it('says a truncated database is damaged', () => {
		const file = oldDatabase();
		const bytes = readFileSync(file);
		writeFileSync(file, bytes.subarray(0, Math.floor(bytes.length / 2)));
		expect(failure(() => openDatabase(file))).toContain('is damaged');
	});

	it('says a data directory it may not write cannot be written', () => {
		let file: string;
		if (process.getuid?.() === 0) {
			// Modes do not stop root; a path under a regular file stops everyone.
			writeFileSync(path.join(dir, 'plain'), '');
			file = path.join(dir, 'plain', 'data', 'burenbord.db');
		} else {
			const data = path.join(dir, 'data');
			mkdirSync(data, { mode: 0o500 });
			file = path.join(data, 'burenbord.db');
		}
		const message = failure(() => openDatabase(file));
		expect(message).toContain('cannot write its data directory');
		expect(message).toContain('exit code 78');
	});

	it('says a full disk is full', () => {
		const db = new Database(':memory:');
		db.exec('create table t (x)');
		db.pragma('max_page_count = 2');
		let full: unknown;
		try {
			db.prepare('insert into t values (?)').run('x'.repeat(10_000));
		} catch (error) {
			full = error;
		}
		expect((full as { code: string }).code).toBe('SQLITE_FULL');
		const message = startFailureMessage(full, path.join(dir, 'burenbord.db'));
		expect(message).toContain('is full');
		expect(message).toContain('free space');
		expect(startFailureMessage(new Error('a bug'), 'x.db')).toBeUndefined();
	});
});
