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
function perAddress(count: number, unit: Rate[1]): Rate {
	const scale = Math.max(1, Number(process.env.IP_LIMIT_SCALE) || 1);
	return [count * scale, unit];
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
	join: limiter(perAddress(20, 'h')),
	joinCode: limiter(perAddress(30, '10m')),
	loginCode: limiter(perAddress(10, '10m'))
};

/** Minutes to wait, rounded up, for the message. */
export function minutesToWait(retryAfterSeconds: number): number {
	return Math.max(1, Math.ceil(retryAfterSeconds / 60));
}
