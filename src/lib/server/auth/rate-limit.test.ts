import type { RequestEvent } from '@sveltejs/kit';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openDatabase } from '../db';
import { limits, limitsIn, minutesToWait, sweepLimits, WriteLimit } from './rate-limit';

function from(ip: string): RequestEvent {
	return {
		getClientAddress: () => ip,
		request: new Request('http://localhost/login', { headers: { 'user-agent': 'test' } }),
		cookies: { get: () => undefined, set: () => {} },
		locals: {}
	} as unknown as RequestEvent;
}

function member(id: number, ip = '10.2.2.2'): RequestEvent {
	return { ...from(ip), locals: { user: { id } } } as unknown as RequestEvent;
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

describe('writing limits', () => {
	afterEach(() => vi.useRealTimers());

	it('count only the writes that went through, and still stop at the limit', () => {
		const limit = new WriteLimit({ account: 3, address: 100, minutes: 60 });
		const ans = member(1);
		// Refused attempts ask and never count: a typo does not use up a neighbour's hour.
		for (let i = 0; i < 10; i++) expect(limit.wait(ans)).toBeNull();
		for (let i = 0; i < 3; i++) {
			expect(limit.wait(ans)).toBeNull();
			limit.count(ans);
		}
		expect(limit.wait(ans)).toBe(60);
		// Another account behind the same router goes on.
		expect(limit.wait(member(2))).toBeNull();
	});

	it('let a member write again once the window has passed', () => {
		vi.useFakeTimers({ now: new Date('2025-03-01T10:00:00Z') });
		const limit = new WriteLimit({ account: 2, address: 100, minutes: 10 });
		const ans = member(1);
		limit.count(ans);
		vi.setSystemTime(new Date('2025-03-01T10:04:00Z'));
		limit.count(ans);
		expect(limit.wait(ans)).toBe(6);
		vi.setSystemTime(new Date('2025-03-01T10:10:00Z'));
		expect(limit.wait(ans)).toBeNull();
		limit.count(ans);
		expect(limit.wait(ans)).toBeNull();
	});

	it('hold one address back after many accounts wrote from it', () => {
		const limit = new WriteLimit({ account: 5, address: 4, minutes: 60 });
		for (let id = 1; id <= 4; id++) limit.count(member(id, '10.3.3.3'));
		expect(limit.wait(member(9, '10.3.3.3'))).toBe(60);
		expect(limit.wait(member(9, '10.3.3.4'))).toBeNull();
	});

	it('leave visitors to the login guard', () => {
		const limit = new WriteLimit({ account: 1, address: 1, minutes: 60 });
		limit.count(from('10.4.4.4'));
		expect(limit.wait(from('10.4.4.4'))).toBeNull();
	});
});

describe('limits shared by the server processes', () => {
	// Two connections to one file stand for two server processes (WORKERS).
	const dir = mkdtempSync(path.join(tmpdir(), 'burenbord-limits-'));
	const file = path.join(dir, 'burenbord.db');
	const a = openDatabase(file);
	const b = openDatabase(file);
	afterAll(() => {
		a.$client.close();
		b.$client.close();
		rmSync(dir, { recursive: true, force: true });
	});

	it('stop guessing one account after 8 tries in total, whichever process answers', async () => {
		const onA = limitsIn(() => a);
		const onB = limitsIn(() => b);
		for (let i = 0; i < 8; i++) {
			const answering = i % 2 ? onA : onB;
			expect((await answering.login.check(from(`10.5.0.${i}`), 'horst|samira')).limited).toBe(
				false
			);
		}
		const ninth = await onA.login.check(from('10.5.0.99'), 'horst|samira');
		expect(ninth).toMatchObject({ limited: true });
		expect(ninth.retryAfter).toBeGreaterThan(0);
		expect((await onB.login.check(from('10.5.0.98'), 'horst|samira')).limited).toBe(true);
		// Another limit with the same rate counts apart.
		expect((await onB.passwordChange.check(from('10.5.0.98'), 'horst|samira')).limited).toBe(false);
	});

	it('count writes in total, whichever process answers', () => {
		const rate = { account: 3, address: 100, minutes: 60 };
		const onA = new WriteLimit(rate, { name: 'shared', db: () => a });
		const onB = new WriteLimit(rate, { name: 'shared', db: () => b });
		onA.count(member(1));
		onB.count(member(1));
		expect(onA.wait(member(1))).toBeNull();
		onA.count(member(1));
		expect(onB.wait(member(1))).toBe(60);
		expect(onA.wait(member(1))).toBe(60);
		expect(onB.wait(member(2))).toBeNull();
	});

	it('forget windows that have ended', () => {
		vi.useFakeTimers({ now: new Date('2025-03-01T10:00:00Z') });
		try {
			const limit = new WriteLimit({ account: 1, address: 100, minutes: 10 }, { db: () => a });
			limit.count(member(5));
			const rows = () => a.$client.prepare('select count(*) from rate_limits').pluck().get();
			const before = rows() as number;
			expect(sweepLimits(a, Date.now() + 9 * 60_000)).toBe(0);
			expect(sweepLimits(b, Date.now() + 11 * 60_000)).toBeGreaterThanOrEqual(2);
			expect(rows()).toBeLessThan(before);
			expect(limit.wait(member(5))).toBeNull();
		} finally {
			vi.useRealTimers();
		}
	});
});
