import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '.';
import { backup } from './backup';

const dirs: string[] = [];
afterEach(() => {
	for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('backup', () => {
	it('copies the live database while another process writes, and the copy is whole', async () => {
		const dir = mkdtempSync(path.join(tmpdir(), 'burenbord-backup-'));
		dirs.push(dir);
		const file = path.join(dir, 'burenbord.db');
		openDatabase(file).$client.close();
		// Another process writes flats as fast as it can, as a busy server would.
		const writer = spawn(
			process.execPath,
			[
				'-e',
				`const D = require('better-sqlite3'); const db = new D(${JSON.stringify(file)});
				 db.pragma('journal_mode = WAL'); db.pragma('busy_timeout = 5000');
				 const put = db.prepare("insert into flats (slug, name, join_code) values (?, 'F', ?)");
				 let i = 0; process.stdout.write('ready\\n');
				 const tick = () => { db.transaction(() => { for (let k = 0; k < 50; k++, i++) put.run('f' + i, 'C' + i); })(); setImmediate(tick); };
				 tick();`
			],
			{ cwd: process.cwd(), stdio: ['ignore', 'pipe', 'inherit'] }
		);
		await new Promise((resolve) => writer.stdout.once('data', resolve));
		await new Promise((resolve) => setTimeout(resolve, 200));
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
