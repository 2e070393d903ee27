import type { RequestEvent } from '@sveltejs/kit';
import {
	RetryAfterRateLimiter,
	type Rate,
	type RateLimiterPlugin
} from 'sveltekit-rate-limiter/server';

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

function limiter(ip: Rate, key?: Rate) {
	return new RetryAfterRateLimiter<string>({
		IP: ip,
		plugins: key ? [new KeyLimit(key)] : []
	});
}

/** Guessing passwords, codes and join codes is slowed down here; each action checks its own. */
export const limits = {
	login: limiter(perAddress(30, '10m'), [8, '10m']),
	passwordChange: limiter(perAddress(30, '10m'), [8, '10m']),
	join: limiter(perAddress(20, 'h')),
	joinCode: limiter(perAddress(30, '10m')),
	loginCode: limiter(perAddress(10, '10m'))
};

const MINUTE = 60_000;

/**
 * Counts accepted writes per account and per address, in a window that starts with the first
 * one. Unlike a guess, a refused attempt (a missing title, a date in the past) costs nothing:
 * an action asks `wait` before it writes and calls `count` once the write went through. Both are
 * synchronous, like the database, so when an action checks after its last `await` no other
 * request can write between the check and the count.
 */
export class WriteLimit {
	private readonly windows = new Map<string, { count: number; until: number }>();
	private nextSweep = 0;
	private readonly perAddress: number;
	private readonly perAccount: number;
	private readonly length: number;

	constructor(rate: { account: number; address: number; minutes: number }) {
		this.perAccount = rate.account;
		this.perAddress = rate.address * addressScale();
		this.length = rate.minutes * MINUTE;
	}

	private keys(event: RequestEvent, userId: number) {
		return [
			{ key: `user:${userId}`, max: this.perAccount },
			{ key: `ip:${event.getClientAddress()}`, max: this.perAddress }
		];
	}

	/** Minutes to wait before this member may write again, or null when they may go on. */
	wait(event: RequestEvent): number | null {
		// A visitor is sent to log in by the action's own guard; only members' writing counts.
		const user = event.locals.user;
		if (!user) return null;
		const now = Date.now();
		let until = 0;
		for (const { key, max } of this.keys(event, user.id)) {
			const window = this.windows.get(key);
			if (window && window.until > now && window.count >= max)
				until = Math.max(until, window.until);
		}
		return until ? minutesToWait((until - now) / 1000) : null;
	}

	/** Counts one accepted write against the member's account and address. */
	count(event: RequestEvent) {
		const user = event.locals.user;
		if (!user) return;
		const now = Date.now();
		this.sweep(now);
		for (const { key } of this.keys(event, user.id)) {
			const window = this.windows.get(key);
			if (window && window.until > now) window.count++;
			else this.windows.set(key, { count: 1, until: now + this.length });
		}
	}

	/** Forget windows that have ended, at most once per window length, so the map stays small. */
	private sweep(now: number) {
		if (now < this.nextSweep) return;
		for (const [key, window] of this.windows) if (window.until <= now) this.windows.delete(key);
		this.nextSweep = now + this.length;
	}
}

/**
 * Writing is limited per account, far above what a neighbour does in a day: it stops a runaway
 * script or a stolen session from flooding the flat, and nothing else. Keyed by the account, so
 * neighbours behind one router do not share a limit; the per-address limit is a backstop.
 */
export const writing = {
	post: new WriteLimit({ account: 20, address: 120, minutes: 60 }),
	respond: new WriteLimit({ account: 40, address: 240, minutes: 60 }),
	message: new WriteLimit({ account: 60, address: 600, minutes: 10 })
};

/** Minutes to wait, rounded up, for the message. */
export function minutesToWait(retryAfterSeconds: number): number {
	return Math.max(1, Math.ceil(retryAfterSeconds / 60));
}
