import type { RequestEvent } from '@sveltejs/kit';
import { getDb } from '../db';
import * as cookies from './cookies';
import * as session from './session';

/** Logs a person in on this device: a new session and their language. */
export function startSession(event: RequestEvent, user: { id: number; locale: string }): void {
	const { token, session: s } = session.create(getDb(), user.id);
	cookies.setSession(event, token, s.expiresAt);
	cookies.setLocale(event, user.locale);
}

/** Logs out this device. */
export function endSession(event: RequestEvent): void {
	if (event.locals.session) session.invalidate(getDb(), event.locals.session.id);
	cookies.clearSession(event);
}
