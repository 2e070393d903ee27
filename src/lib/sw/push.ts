import { app_name } from '$lib/paraglide/messages';
import { baseLocale } from '$lib/paraglide/runtime';

export type PushMessage = { title: string; body: string; url: string; tag?: string };

function text(value: unknown): string | undefined {
	return typeof value === 'string' && value.trim() ? value : undefined;
}

/**
 * A push as the server sends it (JSON `{ title, body, url, tag }`); a field that is missing
 * gets a plain default and a body that is not JSON is shown as it is, so a push is never lost.
 */
export function readPush(data: string | null | undefined): PushMessage {
	let parsed: unknown;
	try {
		parsed = data ? JSON.parse(data) : null;
	} catch {
		parsed = null;
	}
	const isObject = typeof parsed === 'object' && parsed !== null;
	const fields = (isObject ? parsed : {}) as Record<string, unknown>;
	const plain = typeof parsed === 'string' ? parsed : isObject ? '' : (data ?? '');
	return {
		title: text(fields.title) ?? app_name({}, { locale: baseLocale }),
		body: text(fields.body) ?? plain,
		url: text(fields.url) ?? '/',
		tag: text(fields.tag)
	};
}

/**
 * Where a tap on a notification may lead: a path on this site; anything else goes home, so a
 * push can never open another site.
 */
export function notificationTarget(url: unknown, origin: string): string {
	if (typeof url !== 'string') return '/';
	try {
		const target = new URL(url, origin);
		if (target.origin !== origin) return '/';
		return target.pathname + target.search + target.hash;
	} catch {
		return '/';
	}
}
