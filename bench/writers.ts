// The bench's writers: residents of every flat with sessions put straight into the database,
// and the clean-up that takes what they wrote away again, for `npm run bench` and the soak.
import Database from 'better-sqlite3';
import path from 'node:path';
import { hashToken, randomToken } from '../src/lib/server/auth/tokens';
import { benchDir, type BenchInfo } from './common';

/** The title every post the bench writes starts with, so the clean-up finds exactly those. */
export const POST_TITLE = 'Bench-verzoek';

export type Writer = {
	token: string;
	flat: string;
	userId: number;
	name: string;
	flatName: string;
};

/** Sessions made for the writers, so the clean-up takes exactly those away again. */
const writerSessionIds: string[] = [];

/**
 * Sessions for the writers, straight into the database (logging a thousand people in would
 * take long): residents of every flat, each with the address of their own flat's form.
 */
export function writerSessions(info: BenchInfo, count: number): Writer[] {
	const db = new Database(path.join(benchDir(), 'burenbord.db'));
	const users = db
		.prepare(
			`select m.user_id, f.slug, u.name, f.name as flat_name from memberships m
			 join flats f on f.id = m.flat_id join users u on u.id = m.user_id
			 where m.role = 'resident' and m.status = 'active' and m.user_id != ?
			 order by m.id limit ?`
		)
		.all(info.member.id, count) as {
		user_id: number;
		slug: string;
		name: string;
		flat_name: string;
	}[];
	if (users.length < count)
		console.warn(`only ${users.length} residents to post; the write limit may answer 429`);
	// The limits' counts live in the database: a run must not start with the last run's writes.
	db.prepare(`delete from rate_limits`).run();
	const insert = db.prepare(`insert into sessions (id, user_id, expires_at) values (?, ?, ?)`);
	const writers = users.map((u) => {
		const token = randomToken();
		const id = hashToken(token);
		insert.run(id, u.user_id, Date.now() + 20 * 86_400_000);
		writerSessionIds.push(id);
		return { token, flat: `/f/${u.slug}`, userId: u.user_id, name: u.name, flatName: u.flat_name };
	});
	db.close();
	return writers;
}

/** Takes away what the bench wrote, so every run starts from the same database. */
export function cleanUp(info: BenchInfo) {
	const db = new Database(path.join(benchDir(), 'burenbord.db'));
	db.pragma('foreign_keys = ON');
	db.transaction(() => {
		const posts = db
			.prepare(`select id from help_posts where title like ?`)
			.all(`${POST_TITLE} %`) as { id: number }[];
		// One pass over the notifications: they have no index on their link.
		const links = JSON.stringify(posts.map((p) => `help/${p.id}`));
		db.prepare(`delete from notifications where link in (select value from json_each(?))`).run(
			links
		);
		db.prepare(`delete from help_posts where title like ?`).run(`${POST_TITLE} %`);
		// The writers' sessions, and the bench member's: nobody else logs in to the bench flat.
		db.prepare(`delete from sessions where id in (select value from json_each(?))`).run(
			JSON.stringify(writerSessionIds)
		);
		db.prepare(
			`delete from sessions where user_id in (select user_id from memberships where flat_id = ?)`
		).run(info.flatId);
		// What the bench counted against the writers' limits, for the next run.
		db.prepare(`delete from rate_limits`).run();
		console.log(`cleaned up ${posts.length} posts`);
	})();
	db.close();
}
