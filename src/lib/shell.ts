import { links } from './links';

/** What the flat's layout loads for the app shell (its top bar and its tabs). */
export type FlatShell = {
	flat: { slug: string; name: string };
	/** Waiting for a verbinder: the flat's name, no tabs. */
	pending: boolean;
	unread: number;
	nav: { help: boolean; post: boolean; members: boolean };
};

/**
 * The flat a page belongs to, read from the page's data: the root layout draws the shell,
 * so the tabs sit outside `<main>` and the skip link lands on the page's own content.
 */
export function flatShell(data: Record<string, unknown>): FlatShell | null {
	const { flat, nav, pending, unread } = data as Partial<FlatShell>;
	if (!flat || !nav) return null;
	return { flat, nav, pending: pending ?? false, unread: unread ?? 0 };
}

export const TABS = ['board', 'calendar', 'post', 'notifications', 'me'] as const;
export type Tab = (typeof TABS)[number];

/** Pages one reaches from the Me page: while on them, Me is the tab that is lit. */
const UNDER_ME = new Set([
	'me',
	'profile',
	'neighbours',
	'keys',
	'welcome',
	'map',
	'members',
	'join-code',
	'reports'
]);

/**
 * Which tab a page belongs to: `page` when it is the tab's own page, `true` when it lies
 * below it (a post belongs to the board, an activity to the calendar), as `aria-current`
 * says it.
 */
export function currentTab(
	pathname: string,
	slug: string
): { tab: Tab; current: 'page' | 'true' } | null {
	const board = links.flat(slug);
	if (pathname === board) return { tab: 'board', current: 'page' };
	if (!pathname.startsWith(`${board}/`)) return null;
	const [section = '', ...rest] = pathname.slice(board.length + 1).split('/');
	const current = rest.length === 0 ? 'page' : 'true';
	if (section === 'help')
		return rest[0] === 'new' ? { tab: 'post', current: 'page' } : { tab: 'board', current: 'true' };
	if (section === 'calendar') return { tab: 'calendar', current };
	if (section === 'poster') return { tab: 'calendar', current: 'true' };
	if (section === 'notifications') return { tab: 'notifications', current };
	if (UNDER_ME.has(section))
		return { tab: 'me', current: section === 'me' && rest.length === 0 ? 'page' : 'true' };
	return null;
}
