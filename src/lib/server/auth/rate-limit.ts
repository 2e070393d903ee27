import type { RequestEvent } from '@sveltejs/kit';
import { lt, sql } from 'drizzle-orm';
import { createHash } from 'node:crypto';
import {
	RetryAfterRateLimiter,
	type Rate,
	type RateLimiterPlugin,
	type RateLimiterStore
} from 'sveltekit-rate-limiter/server';
import { openDatabase, prepared, type DB } from '../db';
import { rateLimits } from '../db/schema';

/*
 * Every limit is counted in the database, so the server's processes (WORKERS) share one count:
 * a login limit of 8 is 8 in total, whichever process answers. A window is fixed: it starts
 * with its first count and ends `length` later, as the in-memory stores did.
 */

let kept: DB | undefined;

/**
 * Where the counts live: the server's database, handed in at start (hooks.server.ts). Before
 * that (a command-line tool, a unit test) a private in-memory database with the same tables
 * holds them, so counts are then those of this one process.
 */
export function keepLimitsIn(db: DB): void {
	kept = db;
}

const limitsDb = (): DB => (kept ??= openDatabase(':memory:'));

/**
 * One upsert per count: a window that has ended starts over at 1, else it counts on.
 * Returns the count and when the window ends.
 */
const countOne = prepared((db) =>
	db
		.insert(rateLimits)
		.values({ key: sql.placeholder('key'), count: 1, until: sql.placeholder('until') })
		.onConflictDoUpdate({
			target: rateLimits.key,
			set: {
				count: sql`case when ${rateLimits.until} > ${sql.placeholder('now')} then ${rateLimits.count} + 1 else 1 end`,
				until: sql`case when ${rateLimits.until} > ${sql.placeholder('now')} then ${rateLimits.until} else excluded.until end`
			}
		})
		.returning({ count: rateLimits.count, until: rateLimits.until })
		.prepare()
);

const windowOf = prepared((db) =>
	db
		.select({ count: rateLimits.count, until: rateLimits.until })
		.from(rateLimits)
		.where(sql`${rateLimits.key} = ${sql.placeholder('key')}`)
		.prepare()
);

function count(db: DB, key: string, length: number, now = Date.now()) {
	return countOne(db).get({ key, until: now + length, now })!;
}

/** Forgets windows that have ended (the clock's daily round). Returns how many went. */
export function sweepLimits(db: DB, now = Date.now()): number {
	return db.delete(rateLimits).where(lt(rateLimits.until, now)).run().changes;
}

/** Forgets every window of one limit (for tests: a fresh start). */
function clearLimit(db: DB, name: string) {
	db.delete(rateLimits)
		.where(sql`${rateLimits.key} like ${`${name}:%`}`)
		.run();
}

/** sveltekit-rate-limiter's counting store, in the database. */
class CountStore implements RateLimiterStore {
	constructor(
		private readonly name: string,
		private readonly db: () => DB
	) {}
	add(hash: string, ttl: number) {
		return count(this.db(), `${this.name}:${hash}`, ttl).count;
	}
	clear() {
		clearLimit(this.db(), this.name);
	}
}

/**
 * Its store of when a limited key may try again: set when the key is first refused, then kept
 * until that time, as the library's own RetryAfterStore does.
 */
class RetryAfterStore implements RateLimiterStore {
	constructor(
		private readonly name: string,
		private readonly db: () => DB
	) {}
	add(hash: string, ttl: number) {
		return count(this.db(), `${this.name}:retry:${hash}`, ttl).until;
	}
	clear() {
		clearLimit(this.db(), `${this.name}:retry`);
	}
}

/** Limits by a key the action knows (an account), next to the per-address limit. */
class KeyLimit implements RateLimiterPlugin<string> {
	constructor(readonly rate: Rate) {}
	hash(_event: RequestEvent, key: string) {
		return key;
	}
}

/**
 * Per-address limits are multiplied by IP_LIMIT_SCALE (default 1): one address can stand for a
 * whole building behind one router, and the end-to-end tests all come from 127.0.0.1.
 */
function addressScale(): number {
	return Math.max(1, Number(process.env.IP_LIMIT_SCALE) || 1);
}

function perAddress(count: number, unit: Rate[1]): Rate {
	return [count * addressScale(), unit];
}

function limiter(name: string, db: () => DB, ip: Rate, key?: Rate) {
	return new RetryAfterRateLimiter<string>(
		{ IP: ip, plugins: key ? [new KeyLimit(key)] : [], store: new CountStore(name, db) },
		new RetryAfterStore(name, db)
	);
}

/**
 * The guessing limits, counted in `db` (the server's database unless a test hands in
 * another connection).
 */
export function limitsIn(db: () => DB = limitsDb) {
	return {
		login: limiter('login', db, perAddress(30, '10m'), [8, '10m']),
		passwordChange: limiter('password', db, perAddress(30, '10m'), [8, '10m']),
		join: limiter('join', db, perAddress(20, 'h')),
		joinCode: limiter('join-code', db, perAddress(30, '10m')),
		loginCode: limiter('login-code', db, perAddress(10, '10m'))
	};
}

/** Guessing passwords, codes and join codes is slowed down here; each action checks its own. */
export const limits = limitsIn();

const MINUTE = 60_000;
let unnamed = 0;

/** An address is counted by its hash: the table holds no addresses. */
const hashed = (address: string) =>
	createHash('sha256').update(address).digest('base64url').slice(0, 22);

/**
 * Counts accepted writes per account and per address, in a window that starts with the first
 * one. Unlike a guess, a refused attempt (a missing title, a date in the past) costs nothing:
 * an action asks `wait` before it writes and calls `count` once the write went through. Both are
 * synchronous, like the database, so when an action checks after its last `await` no other
 * request of this process can write between the check and the count.
 */
export class WriteLimit {
	private readonly name: string;
	private readonly db: () => DB;
	private readonly perAddress: number;
	private readonly perAccount: number;
	private readonly length: number;

	/**
	 * `name` keeps the limit's windows apart from other limits' in the shared table (a limit
	 * without one gets a name of its own, counted in this process only).
	 */
	constructor(
		rate: { account: number; address: number; minutes: number },
		options: { name?: string; db?: () => DB } = {}
	) {
		this.name = `write:${options.name ?? `unnamed-${process.pid}-${++unnamed}`}`;
		this.db = options.db ?? limitsDb;
		this.perAccount = rate.account;
		this.perAddress = rate.address * addressScale();
		this.length = rate.minutes * MINUTE;
	}

	private keys(event: RequestEvent, userId: number) {
		return [
			{ key: `${this.name}:user:${userId}`, max: this.perAccount },
			{ key: `${this.name}:ip:${hashed(event.getClientAddress())}`, max: this.perAddress }
		];
	}

	/** Minutes to wait before this member may write again, or null when they may go on. */
	wait(event: RequestEvent): number | null {
		// A visitor is sent to log in by the action's own guard; only members' writing counts.
		const user = event.locals.user;
		if (!user) return null;
		const db = this.db();
		const now = Date.now();
		let until = 0;
		for (const { key, max } of this.keys(event, user.id)) {
			const window = windowOf(db).get({ key });
			if (window && window.until > now && window.count >= max)
				until = Math.max(until, window.until);
		}
		return until ? minutesToWait((until - now) / 1000) : null;
	}

	/** Counts one accepted write against the member's account and address. */
	count(event: RequestEvent) {
		const user = event.locals.user;
		if (!user) return;
		const db = this.db();
		const now = Date.now();
		for (const { key } of this.keys(event, user.id)) count(db, key, this.length, now);
	}
}

/**
 * Writing is limited per account, far above what a neighbour does in a day: it stops a runaway
 * script or a stolen session from flooding the flat, and nothing else. Keyed by the account, so
 * neighbours behind one router do not share a limit; the per-address limit is a backstop.
 */
export const writing = {
	post: new WriteLimit({ account: 20, address: 120, minutes: 60 }, { name: 'post' }),
	respond: new WriteLimit({ account: 40, address: 240, minutes: 60 }, { name: 'respond' }),
	message: new WriteLimit({ account: 60, address: 600, minutes: 10 }, { name: 'message' })
};

/** Minutes to wait, rounded up, for the message. */
export function minutesToWait(retryAfterSeconds: number): number {
	return Math.max(1, Math.ceil(retryAfterSeconds / 60));
}
