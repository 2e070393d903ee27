import type { Cookies, RequestEvent } from '@sveltejs/kit';
import { SESSION_COOKIE } from './session';

type CookieEvent = Pick<RequestEvent, 'cookies' | 'url'>;

const secure = (event: CookieEvent) => event.url.protocol === 'https:';

/** Paraglide's own cookie name, so its middleware reads what we write. */
export const LOCALE_COOKIE = 'PARAGLIDE_LOCALE';
export const FLAT_COOKIE = 'flat';
const YEAR = 365 * 24 * 60 * 60;

export function setSession(event: CookieEvent, token: string, expiresAt: Date): void {
	event.cookies.set(SESSION_COOKIE, token, {
		path: '/',
		httpOnly: true,
		sameSite: 'lax',
		secure: secure(event),
		expires: expiresAt
	});
}

export function clearSession(event: CookieEvent): void {
	event.cookies.delete(SESSION_COOKIE, { path: '/', secure: secure(event) });
}

/** The language cookie is read by the i18n middleware on the server and in the browser. */
export function setLocale(event: CookieEvent, locale: string): void {
	event.cookies.set(LOCALE_COOKIE, locale, {
		path: '/',
		httpOnly: false,
		sameSite: 'lax',
		secure: secure(event),
		maxAge: YEAR
	});
}

/** Remembers which flat this device logs in to, so the login form need not ask again. */
export function setLastFlat(event: CookieEvent, slug: string): void {
	event.cookies.set(FLAT_COOKIE, slug, {
		path: '/',
		httpOnly: true,
		sameSite: 'lax',
		secure: secure(event),
		maxAge: YEAR
	});
}

export function lastFlat(cookies: Cookies): string | undefined {
	return cookies.get(FLAT_COOKIE);
}
