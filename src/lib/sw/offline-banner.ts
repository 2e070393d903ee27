import { pwa_offline_banner, pwa_offline_banner_day } from '$lib/paraglide/messages';
import { baseLocale, isLocale, type Locale } from '$lib/paraglide/runtime';

/** Set on the worker's saved copy of a page: when it was saved, in milliseconds since 1970. */
export const CACHED_AT_HEADER = 'x-burenbord-cached-at';

/**
 * What the worker tells a page when it answered a data request from its saved copies; the page
 * script shows the banner (src/lib/sw/page-script.ts).
 */
export type OfflineCopy = { type: 'offline-copy'; page: string; cachedAt: number };

/** The language a saved page was made in, from its `<html lang>`: the worker has no cookie to ask. */
export function pageLocale(html: string): Locale {
	const lang = /<html\b[^>]*?\slang="([^"]*)"/i.exec(html)?.[1]?.toLowerCase().split('-')[0];
	return lang && isLocale(lang) ? lang : baseLocale;
}

function sameDay(a: Date, b: Date): boolean {
	return (
		a.getFullYear() === b.getFullYear() &&
		a.getMonth() === b.getMonth() &&
		a.getDate() === b.getDate()
	);
}

/**
 * "You are offline — showing what you saw at 14:05", in the device's time; a copy from an
 * earlier day names the day too, so yesterday's 14:05 is not taken for today's.
 */
export function bannerText(locale: Locale, cachedAt: Date, now = new Date()): string {
	const time = new Intl.DateTimeFormat(locale, {
		hour: '2-digit',
		minute: '2-digit',
		hourCycle: 'h23'
	}).format(cachedAt);
	if (sameDay(cachedAt, now)) return pwa_offline_banner({ time }, { locale });
	const day = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long' }).format(cachedAt);
	return pwa_offline_banner_day({ day, time }, { locale });
}

function escapeHtml(text: string): string {
	return text.replace(
		/[&<>"']/g,
		(c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!
	);
}

/**
 * The saved page with the banner first in `<body>`: outside Kit's root element, so hydration
 * does not see it, and plain HTML, so it shows when the page's script never runs.
 */
export function withBanner(html: string, text: string): string {
	const body = /<body\b[^>]*>/i.exec(html);
	if (!body) return html;
	const at = body.index + body[0].length;
	const banner = `<div role="status" class="offline-banner" data-offline-banner>${escapeHtml(text)}</div>`;
	return html.slice(0, at) + banner + html.slice(at);
}

/** Kit's data URL for a page (`/f/x/__data.json?month=5&x-sveltekit-invalidated=01`) → the page (`/f/x?month=5`). */
export function dataPage(url: URL): string {
	const search = new URLSearchParams(url.search);
	search.delete('x-sveltekit-invalidated');
	const trailingSlash = search.has('x-sveltekit-trailing-slash');
	search.delete('x-sveltekit-trailing-slash');
	const path = url.pathname.replace(/\/__data\.json$/, trailingSlash ? '/' : '') || '/';
	const query = search.toString();
	return path + (query ? `?${query}` : '');
}
