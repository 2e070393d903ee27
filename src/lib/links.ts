import { resolve } from '$app/paths';
import { NOTICE_ROUTE, POST_ROUTE } from './stored-links';

/** Every in-app link is built here, through Kit's typed `resolve`, so a route moves in one place. */
export const links = {
	home: () => resolve('/'),
	flat: (
		slug: string,
		sub:
			| ''
			| 'members'
			| 'join-code'
			| 'waiting'
			| 'profile'
			| 'reports'
			| 'keys'
			| 'neighbours'
			| 'notifications'
			| 'notifications/settings'
			| 'summary'
			| 'me' = ''
	) =>
		sub
			? resolve(`/f/[flat=flat]/${sub}`, { flat: slug })
			: resolve('/f/[flat=flat]', { flat: slug }),
	/** The board with its filters and page in the query (empty ones too: the form sends them). */
	board: (slug: string, query: Record<string, string> = {}) => {
		const search = new URLSearchParams(query).toString();
		return resolve('/f/[flat=flat]', { flat: slug }) + (search ? `?${search}` : '');
	},
	post: (slug: string, id: number) => resolve(POST_ROUTE, { flat: slug, id: String(id) }),
	editPost: (slug: string, id: number) =>
		resolve('/f/[flat=flat]/help/[id=id]/edit', { flat: slug, id: String(id) }),
	waitingRequests: (slug: string) => resolve('/f/[flat=flat]/help/waiting', { flat: slug }),
	suggest: (slug: string, id: number) =>
		resolve('/f/[flat=flat]/help/[id=id]/suggest', { flat: slug, id: String(id) }),
	newPost: (slug: string, type?: 'offer' | 'request' | 'found' | 'lost') =>
		resolve('/f/[flat=flat]/help/new', { flat: slug }) + (type ? `?type=${type}` : ''),
	map: (
		slug: string,
		options: { category?: string; done?: 'saved' | 'removed'; remove?: number; entry?: number } = {}
	) => {
		const query = new URLSearchParams();
		if (options.category) query.set('category', options.category);
		if (options.done) query.set('done', options.done);
		if (options.remove) query.set('remove', String(options.remove));
		const search = query.toString() ? `?${query}` : '';
		return (
			resolve('/f/[flat=flat]/map', { flat: slug }) +
			search +
			(options.entry ? `#entry-${options.entry}` : '')
		);
	},
	mapNew: (slug: string) => resolve('/f/[flat=flat]/map/new', { flat: slug }),
	mapEdit: (slug: string, id: number) =>
		resolve('/f/[flat=flat]/map/[id=id]/edit', { flat: slug, id: String(id) }),
	welcome: (slug: string, lang?: string) =>
		resolve('/f/[flat=flat]/welcome', { flat: slug }) +
		(lang ? `?lang=${encodeURIComponent(lang)}` : ''),
	welcomeEdit: (slug: string, lang?: string) =>
		resolve('/f/[flat=flat]/welcome/edit', { flat: slug }) +
		(lang ? `?lang=${encodeURIComponent(lang)}` : ''),
	welcomeSheet: (slug: string, lang?: string) =>
		resolve('/f/[flat=flat]/welcome/sheet', { flat: slug }) +
		(lang ? `?lang=${encodeURIComponent(lang)}` : ''),
	calendar: (slug: string, month?: string) =>
		resolve('/f/[flat=flat]/calendar', { flat: slug }) + (month ? `?month=${month}` : ''),
	newActivity: (slug: string) => resolve('/f/[flat=flat]/calendar/new', { flat: slug }),
	calendarSettings: (slug: string) => resolve('/f/[flat=flat]/calendar/settings', { flat: slug }),
	newPoll: (slug: string) => resolve('/f/[flat=flat]/calendar/poll/new', { flat: slug }),
	poll: (slug: string, id: number) =>
		resolve('/f/[flat=flat]/calendar/poll/[id=id]', { flat: slug, id: String(id) }),
	activity: (slug: string, id: number) =>
		resolve('/f/[flat=flat]/calendar/[id=id]', { flat: slug, id: String(id) }),
	editActivity: (slug: string, id: number) =>
		resolve('/f/[flat=flat]/calendar/[id=id]/edit', { flat: slug, id: String(id) }),
	occurrence: (slug: string, id: number, date: string) =>
		resolve('/f/[flat=flat]/calendar/[id=id]/[date=date]', { flat: slug, id: String(id), date }),
	activityIcs: (slug: string, id: number) =>
		resolve('/f/[flat=flat]/calendar/[id=id]/activity.ics', { flat: slug, id: String(id) }),
	calendarFeed: (slug: string, token: string) =>
		resolve('/f/[flat=flat]/calendar.ics', { flat: slug }) + '?token=' + encodeURIComponent(token),
	notices: (slug: string) => resolve('/f/[flat=flat]/notices', { flat: slug }),
	newNotice: (slug: string) => resolve('/f/[flat=flat]/notices/new', { flat: slug }),
	notice: (slug: string, id: number, lang?: string) =>
		resolve(NOTICE_ROUTE, { flat: slug, id: String(id) }) +
		(lang ? `?lang=${encodeURIComponent(lang)}` : ''),
	editNotice: (slug: string, id: number) =>
		resolve('/f/[flat=flat]/notices/[id=id]/edit', { flat: slug, id: String(id) }),
	figures: (slug: string) => resolve('/f/[flat=flat]/figures', { flat: slug }),
	figuresCsv: (slug: string) => resolve('/f/[flat=flat]/figures/csv', { flat: slug }),
	poster: (slug: string, also?: string) =>
		resolve('/f/[flat=flat]/poster', { flat: slug }) + (also ? `?also=${also}` : ''),
	join: (code?: string) => (code ? resolve('/join/[code]', { code }) : resolve('/join')),
	login: (redirectTo?: string) =>
		resolve('/login') + (redirectTo ? `?redirectTo=${encodeURIComponent(redirectTo)}` : ''),
	adminLogin: () => resolve('/admin/login'),
	admin: () => resolve('/admin'),
	code: () => resolve('/code'),
	settings: () => resolve('/settings'),
	privacy: () => resolve('/privacy'),
	privacySettings: () => resolve('/settings/privacy'),
	setup: () => resolve('/setup'),
	offline: () => resolve('/offline'),
	logout: () => resolve('/logout'),
	language: () => resolve('/language')
};

// What a path, query and fragment hold unencoded (RFC 3986: unreserved, sub-delims, ':', '@',
// '/', '?', and '%' with two hex digits), so a `Location` header can carry it: Node refuses a
// header with anything past Latin-1, and the redirect would answer 500 instead of going home.
const URL_CHAR = String.raw`(?:[\w\-.~!$&'()*+,;=:@/?]|%[0-9A-Fa-f]{2})`;
const SAME_ORIGIN_PATH = new RegExp(String.raw`^/(?!/)${URL_CHAR}*(?:#${URL_CHAR}*)?$`);
// Far longer than any address of ours; a longer one was made by hand, not followed from a page.
const MAX_REDIRECT = 2000;

/**
 * Only same-origin paths may be redirect targets: `/x` yes; `//evil`, `/\evil`, `https:…` no.
 * A target written by hand (non-ASCII, a space, a backslash) goes to the fallback: every path
 * the app builds encodes its query values.
 */
export function safeRedirect(target: string | null | undefined, fallback = '/'): string {
	if (!target || target.length > MAX_REDIRECT || !SAME_ORIGIN_PATH.test(target)) return fallback;
	return target;
}
