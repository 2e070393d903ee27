import { describe, expect, it } from 'vitest';
import { currentTab, flatShell } from './shell';

describe('currentTab', () => {
	const at = (path: string) => currentTab(path, 'horst');

	it("marks a tab's own page as the page", () => {
		expect(at('/f/horst')).toEqual({ tab: 'board', current: 'page' });
		expect(at('/f/horst/calendar')).toEqual({ tab: 'calendar', current: 'page' });
		expect(at('/f/horst/help/new')).toEqual({ tab: 'post', current: 'page' });
		expect(at('/f/horst/notifications')).toEqual({ tab: 'notifications', current: 'page' });
		expect(at('/f/horst/me')).toEqual({ tab: 'me', current: 'page' });
	});

	it('lights the tab a page lies below', () => {
		expect(at('/f/horst/help/12')).toEqual({ tab: 'board', current: 'true' });
		expect(at('/f/horst/help/12/edit')).toEqual({ tab: 'board', current: 'true' });
		expect(at('/f/horst/calendar/3/2025-03-30')).toEqual({ tab: 'calendar', current: 'true' });
		expect(at('/f/horst/poster')).toEqual({ tab: 'calendar', current: 'true' });
		expect(at('/f/horst/notifications/settings')).toEqual({
			tab: 'notifications',
			current: 'true'
		});
		for (const page of ['profile', 'keys', 'welcome', 'welcome/edit', 'map/new', 'members'])
			expect(at(`/f/horst/${page}`), page).toEqual({ tab: 'me', current: 'true' });
	});

	it('lights nothing outside the flat, nor in another flat', () => {
		expect(at('/settings')).toBeNull();
		expect(at('/f/horsten')).toBeNull();
		expect(at('/f/horsten/calendar')).toBeNull();
		expect(at('/f/horst/waiting')).toBeNull();
	});
});

describe('flatShell', () => {
	const nav = { help: true, post: true, members: false };

	it("reads the flat layout's data", () => {
		expect(
			flatShell({ flat: { slug: 'horst', name: 'De Horst' }, nav, pending: false, unread: 2 })
		).toEqual({ flat: { slug: 'horst', name: 'De Horst' }, nav, pending: false, unread: 2 });
	});

	it('is null on pages outside a flat', () => {
		expect(flatShell({ user: { name: 'Anna' } })).toBeNull();
		expect(flatShell({})).toBeNull();
	});
});
