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
	loginCode: limiter(perAddress(10, '10m')),
	// Writing is limited per account, far above what a neighbour does in a day: it stops a
	// runaway script or a stolen session from flooding the flat, and nothing else.
	post: limiter(perAddress(120, 'h'), [20, 'h']),
	respond: limiter(perAddress(240, 'h'), [40, 'h']),
	message: limiter(perAddress(600, '10m'), [60, '10m'])
};

/**
 * A kind "slow down" for a writing action, or null when the member may go on. Keyed by the
 * account, so neighbours behind one router do not share a limit.
 */
export async function writingLimit(
	event: RequestEvent,
	limit: RetryAfterRateLimiter<string>
): Promise<number | null> {
	// A visitor is sent to log in by the action's own guard; only members' writing counts.
	if (!event.locals.user) return null;
	const result = await limit.check(event, `user:${event.locals.user.id}`);
	return result.limited ? minutesToWait(result.retryAfter) : null;
}

/** Minutes to wait, rounded up, for the message. */
export function minutesToWait(retryAfterSeconds: number): number {
	return Math.max(1, Math.ceil(retryAfterSeconds / 60));
}
