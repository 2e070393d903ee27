import { describe, expect, it } from 'vitest';
import { testDb } from '../../../../tests/unit/test-db';
import { sessions, users } from '../db/schema';
import * as session from './session';
import { hashToken } from './tokens';

function withUser() {
	const db = testDb();
	const user = db
		.insert(users)
		.values({ name: 'Samira', nameKey: 'samira', locale: 'ar' })
		.returning()
		.get();
	return { db, user };
}

const DAY = 24 * 60 * 60 * 1000;

describe('sessions', () => {
	it('stores the SHA-256 of the token, never the token', () => {
		const { db, user } = withUser();
		const { token } = session.create(db, user.id);
		const rows = db.select().from(sessions).all();
		expect(rows).toHaveLength(1);
		expect(rows[0]!.id).toBe(hashToken(token));
		expect(rows[0]!.id).not.toContain(token);
		expect(token).toMatch(/^[a-z2-7]{32}$/);
	});

	it('finds the user behind a valid token, with nothing secret', () => {
		const { db, user } = withUser();
		const { token } = session.create(db, user.id);
		const found = session.validate(db, token);
		expect(found?.user).toEqual({ id: user.id, name: 'Samira', locale: 'ar', isAdmin: false });
		expect(session.validate(db, token + 'x')).toBeNull();
	});

	it('expires after 30 days and deletes the expired session', () => {
		const { db, user } = withUser();
		const start = new Date('2026-01-01T12:00:00Z');
		const { token } = session.create(db, user.id, start);
		expect(session.validate(db, token, new Date(start.getTime() + 30 * DAY - 1))).not.toBeNull();
		// That look-up renewed it; start again to test expiry itself.
		const fresh = session.create(db, user.id, start);
		expect(session.validate(db, fresh.token, new Date(start.getTime() + 30 * DAY))).toBeNull();
		expect(
			db
				.select()
				.from(sessions)
				.all()
				.map((s) => s.id)
		).not.toContain(fresh.session.id);
	});

	it('is renewed to 30 days once half its life is used, not before', () => {
		const { db, user } = withUser();
		const start = new Date('2026-03-01T00:00:00Z');
		const { token } = session.create(db, user.id, start);
		const early = session.validate(db, token, new Date(start.getTime() + 14 * DAY));
		expect(early?.renewed).toBe(false);
		expect(early?.session.expiresAt.getTime()).toBe(start.getTime() + 30 * DAY);
		const later = new Date(start.getTime() + 16 * DAY);
		const renewed = session.validate(db, token, later);
		expect(renewed?.renewed).toBe(true);
		expect(renewed?.session.expiresAt.getTime()).toBe(later.getTime() + 30 * DAY);
		const stored = db.select().from(sessions).get();
		expect(stored?.expiresAt.getTime()).toBe(later.getTime() + 30 * DAY);
	});

	it('logs out one device, or all of them', () => {
		const { db, user } = withUser();
		const a = session.create(db, user.id);
		const b = session.create(db, user.id);
		session.invalidate(db, a.session.id);
		expect(session.validate(db, a.token)).toBeNull();
		expect(session.validate(db, b.token)).not.toBeNull();
		session.invalidateAll(db, user.id);
		expect(session.validate(db, b.token)).toBeNull();
	});
});
