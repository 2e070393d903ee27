import { getDb } from '$lib/server/db';
import * as calendar from '$lib/server/calendar';
import * as flats from '$lib/server/flats';
import * as help from '$lib/server/help';
import * as notices from '$lib/server/notices';
import { requireMember } from '$lib/server/auth/guard';
import { can } from '$lib/server/auth/roles';
import { qrSvg } from '$lib/server/flats/qr';
import { addDays, localDate } from '$lib/server/time';
import { baseLocale, locales, type Locale } from '$lib/paraglide/runtime';
import { links } from '$lib/links';
import type { PageServerLoad } from './$types';

type PosterItem = {
	key: string;
	startTime: string;
	endTime: string;
	title: string;
	place: string;
	cancelled: boolean;
	reason: string | null;
};

/** A hallway board has room for a handful of requests; the rest are on the site. */
const REQUESTS_ON_POSTER = 4;

/** A few notices, their text cut short: the poster stays one A4 page, the app has the rest. */
const NOTICES_ON_POSTER = 3;
const NOTICE_TEXT_ON_POSTER = 240;

const clip = (text: string) =>
	text.length > NOTICE_TEXT_ON_POSTER
		? `${text.slice(0, NOTICE_TEXT_ON_POSTER - 1).trimEnd()}…`
		: text;

/**
 * The notices valid today, in the flat's main language, each with its version in the second
 * language when it is written in it (a notice only in Dutch shows only in Dutch).
 */
function noticesOnPaper(flat: { id: number; timeZone: string }, also: Locale | null) {
	const db = getDb();
	const second = new Map(
		also
			? notices
					.current(db, flat, also)
					.filter((n) => n.locale === also)
					.map((n) => [n.id, { title: n.title, body: clip(n.body) }])
			: []
	);
	return notices
		.current(db, flat, baseLocale)
		.slice(0, NOTICES_ON_POSTER)
		.map((n) => ({
			id: n.id,
			kind: n.kind,
			validUntil: n.validUntil,
			title: n.title,
			body: clip(n.body),
			also: second.get(n.id) ?? null
		}));
}

/** The poster is in the flat's main language plus one more (or none), picked in the URL. */
function secondLanguage(asked: string | null): Locale | null {
	if (asked === 'none') return null;
	const other = locales.find((l) => l !== baseLocale && l === asked);
	return other ?? 'en';
}

/** Paper hangs in a hall anyone walks through: a first name at most, never a surname. */
const firstName = (name: string) => name.trim().split(/\s+/)[0] ?? name;

export const load: PageServerLoad = async (event) => {
	const { user, flat, membership } = requireMember(event, 'calendar.poster');
	const db = getDb();
	const from = localDate(new Date(), flat.timeZone);
	const to = addDays(from, 6);

	// Grouped by day, in the agenda's order: the poster reads as a week, not as a list.
	const days = new Map<string, PosterItem[]>();
	for (const o of calendar.occurrences(db, flat, from, to)) {
		const items = days.get(o.date) ?? [];
		items.push({
			key: `${o.activityId}/${o.occurrence}`,
			startTime: o.startTime,
			endTime: o.endTime,
			title: o.title,
			place: o.place,
			cancelled: o.cancelled,
			reason: o.cancelled ? o.reason : null
		});
		days.set(o.date, items);
	}

	// Professionals never see help posts, not even on paper they print.
	const requests = can(membership.role, 'help.view')
		? help
				.board(db, flat.id, user.id, { type: 'request' })
				.posts.slice(0, REQUESTS_ON_POSTER)
				.map((p) => {
					// The board shows an anonymous request's name to its author; the hall shows it to
					// nobody. A name typed by a verbinder ("mevrouw De Vries") has no first name to
					// take, and its owner never chose to be on paper: "a neighbour" too.
					const name = p.anonymous || p.onBehalfOf ? null : p.authorName;
					return {
						id: p.id,
						category: p.category,
						title: p.title,
						name: name ? firstName(name) : null
					};
				})
		: null;

	const also = secondLanguage(event.url.searchParams.get('also'));
	const code = flats.joinCode.format(flat.joinCode);
	const url = new URL(links.join(code), event.url.origin).href;
	return {
		also,
		from,
		to,
		days: [...days].map(([date, items]) => ({ date, items })),
		requests,
		notices: noticesOnPaper(flat, also),
		join: { code, url, qr: await qrSvg(url) }
	};
};
