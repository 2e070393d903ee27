import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '.';
import { backup, restore, RestoreRefused } from './backup';
import * as flats from '../flats';

const dirs: string[] = [];
afterEach(() => {
	for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/**
 * Another process that writes flats (slugs `<prefix>0`, `<prefix>1`, …) as fast as it can, as a
 * busy server would; resolves once it has been writing for a moment.
 */
async function busyWriter(file: string, prefix: string) {
	const writer = spawn(
		process.execPath,
		[
			'-e',
			`const D = require('better-sqlite3'); const db = new D(${JSON.stringify(file)});
			 db.pragma('journal_mode = WAL'); db.pragma('busy_timeout = 5000');
			 const put = db.prepare("insert into flats (slug, name, join_code) values (?, 'F', ?)");
			 let i = 0; process.stdout.write('ready\\n');
			 const tick = () => { db.transaction(() => { for (let k = 0; k < 50; k++, i++) put.run(${JSON.stringify(prefix)} + i, 'C' + ${JSON.stringify(prefix)} + i); })(); setImmediate(tick); };
			 tick();`
		],
		{ cwd: process.cwd(), stdio: ['ignore', 'pipe', 'inherit'] }
	);
	await new Promise((resolve) => writer.stdout.once('data', resolve));
	await new Promise((resolve) => setTimeout(resolve, 200));
	return writer;
}

describe('backup', () => {
	it('copies the live database while another process writes, and the copy is whole', async () => {
		const dir = mkdtempSync(path.join(tmpdir(), 'burenbord-backup-'));
		dirs.push(dir);
		const file = path.join(dir, 'burenbord.db');
		openDatabase(file).$client.close();
		// Another process writes flats as fast as it can, as a busy server would.
		const writer = await busyWriter(file, 'f');
		const before = new Database(file, { readonly: true });
		const atStart = (before.prepare('select count(*) n from flats').get() as { n: number }).n;
		before.close();
		const copy = path.join(dir, 'backups', 'copy.db');
		const result = await backup(file, copy);
		writer.kill('SIGKILL');
		expect(result.integrity).toBe('ok');
		const restored = openDatabase(copy);
		const n = (restored.$client.prepare('select count(*) n from flats').get() as { n: number }).n;
		expect(n).toBeGreaterThanOrEqual(atStart);
		expect(atStart).toBeGreaterThan(0);
		expect(restored.$client.pragma('integrity_check', { simple: true })).toBe('ok');
		restored.$client.close();
	}, 30_000);

	it('writes the copy readable by the server’s user only, as the database', async () => {
		const umask = process.umask(0o022);
		try {
			const dir = mkdtempSync(path.join(tmpdir(), 'burenbord-backup-'));
			dirs.push(dir);
			const file = path.join(dir, 'burenbord.db');
			openDatabase(file).$client.close();
			const copy = path.join(dir, 'backups', 'copy.db');
			await backup(file, copy);
			expect(statSync(copy).mode & 0o777).toBe(0o600);
			expect(statSync(path.dirname(copy)).mode & 0o777).toBe(0o700);
		} finally {
			process.umask(umask);
		}
	});
});

describe('restore', () => {
	const slugs = (file: string) => {
		const db = new Database(file, { readonly: true });
		try {
			return db.prepare('select slug from flats order by slug').pluck().all();
		} finally {
			db.close();
		}
	};
	const addFlat = (file: string, slug: string) => {
		const db = openDatabase(file);
		db.$client
			.prepare("insert into flats (slug, name, join_code) values (?, 'F', ?)")
			.run(slug, slug);
		db.$client.close();
	};
	let dir: string;
	let live: string;
	beforeEach(() => {
		dir = mkdtempSync(path.join(tmpdir(), 'burenbord-restore-'));
		dirs.push(dir);
		live = path.join(dir, 'burenbord.db');
		addFlat(live, 'horst');
	});

	it('puts a good backup in place and keeps the database it replaced aside', async () => {
		const copy = path.join(dir, 'elsewhere', 'copy.db');
		await backup(live, copy);
		addFlat(live, 'later');
		const { replaced } = await restore(copy, dir, new Date('2026-12-01T10:00:00Z'));
		expect(replaced).toBe(path.join(dir, 'backups', 'replaced-2026-12-01T10-00-00.db'));
		expect(slugs(live)).toEqual(['horst']);
		expect(slugs(replaced!)).toEqual(['horst', 'later']);
		expect(statSync(live).mode & 0o777).toBe(0o600);
		// The app opens it as its own, with nothing left to migrate.
		openDatabase(live).$client.close();
	});

	it('restores a backup taken under write load, and the app reads it', async () => {
		const busy = path.join(dir, 'busy.db');
		openDatabase(busy).$client.close();
		// Another process writes flats as fast as it can while the backup is taken.
		const writer = await busyWriter(busy, 'w');
		const copy = path.join(dir, 'backups', 'under-load.db');
		try {
			await backup(busy, copy);
		} finally {
			writer.kill('SIGKILL');
		}
		await restore(copy, dir, new Date('2026-12-02T10:00:00Z'));
		const db = openDatabase(live);
		try {
			const written = slugs(live).filter((s) => String(s).startsWith('w'));
			expect(written.length).toBeGreaterThan(0);
			// Read through the app's own verb, as a page would.
			expect(flats.bySlug(db, 'w0')?.name).toBe('F');
		} finally {
			db.$client.close();
		}
	}, 30_000);

	it('replaces a damaged database', async () => {
		const copy = path.join(dir, 'copy.db');
		await backup(live, copy);
		writeFileSync(live, 'damaged '.repeat(600));
		const { replaced } = await restore(copy, dir);
		expect(slugs(live)).toEqual(['horst']);
		expect(existsSync(replaced!)).toBe(true);
	});

	it('refuses a file that is not a whole Burenbord database, and changes nothing', async () => {
		const garbage = path.join(dir, 'garbage.db');
		writeFileSync(garbage, 'not a database '.repeat(500));
		const other = path.join(dir, 'other.db');
		const db = new Database(other);
		db.exec('create table t (x)');
		db.close();
		for (const [file, reason] of [
			[garbage, 'cannot be read as a SQLite database'],
			[other, 'is not a Burenbord database'],
			[path.join(dir, 'missing.db'), 'is not a file']
		] as const) {
			const refusal = restore(file, dir);
			await expect(refusal).rejects.toBeInstanceOf(RestoreRefused);
			await expect(refusal).rejects.toThrow(reason);
		}
		expect(slugs(live)).toEqual(['horst']);
		expect(existsSync(path.join(dir, 'backups'))).toBe(false);
	});

	it('refuses while the server has the database open', async () => {
		const copy = path.join(dir, 'copy.db');
		await backup(live, copy);
		const running = openDatabase(live);
		try {
			await expect(restore(copy, dir)).rejects.toThrow('stop the server first');
		} finally {
			running.$client.close();
		}
		expect(readdirSync(dir)).not.toContain('backups');
	});
});
