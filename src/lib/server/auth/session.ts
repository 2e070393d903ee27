import { and, eq, ne, sql } from 'drizzle-orm';
import { prepared, type DB } from '../db';
import { sessions, users } from '../db/schema';
import { hashToken, randomToken } from './tokens';

const DAY = 24 * 60 * 60 * 1000;
export const SESSION_LIFETIME = 30 * DAY;
export const SESSION_COOKIE = 'session';

/** What a request knows about its user: nothing secret, it may reach a page. */
export type SessionUser = { id: number; name: string; locale: string; isAdmin: boolean };
export type Session = { id: string; userId: number; expiresAt: Date };

/** Starts a session: returns the token for the cookie; only its hash is stored. */
export function create(
	db: DB,
	userId: number,
	now = new Date()
): { token: string; session: Session } {
	const token = randomToken();
	const session = {
		id: hashToken(token),
		userId,
		expiresAt: new Date(now.getTime() + SESSION_LIFETIME)
	};
	db.insert(sessions).values(session).run();
	return { token, session };
}

const sessionById = prepared((db) =>
	db
		.select({
			session: sessions,
			user: { id: users.id, name: users.name, locale: users.locale, isAdmin: users.isAdmin }
		})
		.from(sessions)
		.innerJoin(users, eq(sessions.userId, users.id))
		.where(eq(sessions.id, sql.placeholder('id')))
		.prepare()
);

/**
 * Looks a token up: an expired session is deleted, one past half its life is renewed
 * (the caller then sends the cookie again with the new expiry).
 */
export function validate(
	db: DB,
	token: string,
	now = new Date()
): { session: Session; user: SessionUser; renewed: boolean } | null {
	const id = hashToken(token);
	const row = sessionById(db).get({ id });
	if (!row) return null;
	const { session, user } = row;
	if (now.getTime() >= session.expiresAt.getTime()) {
		db.delete(sessions).where(eq(sessions.id, id)).run();
		return null;
	}
	let renewed = false;
	if (now.getTime() >= session.expiresAt.getTime() - SESSION_LIFETIME / 2) {
		session.expiresAt = new Date(now.getTime() + SESSION_LIFETIME);
		db.update(sessions).set({ expiresAt: session.expiresAt }).where(eq(sessions.id, id)).run();
		renewed = true;
	}
	return { session, user, renewed };
}

/** Ends one session (logout). */
export function invalidate(db: DB, sessionId: string): void {
	db.delete(sessions).where(eq(sessions.id, sessionId)).run();
}

/** Ends every session of a user but one (a password change on that device). */
export function invalidateOthers(db: DB, userId: number, keepSessionId: string): void {
	db.delete(sessions)
		.where(and(eq(sessions.userId, userId), ne(sessions.id, keepSessionId)))
		.run();
}

/** Ends every session of a user (password reset, removal). */
export function invalidateAll(db: DB, userId: number): void {
	db.delete(sessions).where(eq(sessions.userId, userId)).run();
}
