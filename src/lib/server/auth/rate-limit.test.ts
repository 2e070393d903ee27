import type { RequestEvent } from '@sveltejs/kit';
import { beforeEach, describe, expect, it } from 'vitest';
import { limits, minutesToWait } from './rate-limit';

function from(ip: string): RequestEvent {
	return {
		getClientAddress: () => ip,
		request: new Request('http://localhost/login', { headers: { 'user-agent': 'test' } }),
		cookies: { get: () => undefined, set: () => {} }
	} as unknown as RequestEvent;
}

describe('login limits', () => {
	beforeEach(() => limits.login.clear());

	it('stop guessing one account after 8 tries, from any address', async () => {
		for (let i = 0; i < 8; i++)
			expect((await limits.login.check(from(`10.0.0.${i}`), 'horst|samira')).limited).toBe(false);
		const ninth = await limits.login.check(from('10.0.0.99'), 'horst|samira');
		expect(ninth.limited).toBe(true);
		expect(ninth.retryAfter).toBeGreaterThan(0);
		expect((await limits.login.check(from('10.0.0.99'), 'horst|kees')).limited).toBe(false);
	});

	it('stop one address trying many accounts after 30 tries', async () => {
		for (let i = 0; i < 30; i++)
			expect((await limits.login.check(from('10.1.1.1'), `horst|n${i}`)).limited).toBe(false);
		expect((await limits.login.check(from('10.1.1.1'), 'horst|other')).limited).toBe(true);
		expect((await limits.login.check(from('10.1.1.2'), 'horst|other')).limited).toBe(false);
	});

	it('say the wait in whole minutes, at least one', () => {
		expect(minutesToWait(1)).toBe(1);
		expect(minutesToWait(61)).toBe(2);
		expect(minutesToWait(600)).toBe(10);
	});
});
