import { describe, expect, it } from 'vitest';
import { safeRedirect } from './links';

describe('safeRedirect', () => {
	it('keeps same-origin paths', () => {
		expect(safeRedirect('/f/de-horst/members?x=1')).toBe('/f/de-horst/members?x=1');
	});

	it('keeps the paths the app builds, with their encoded query values and fragment', () => {
		for (const built of [
			'/f/horst/help/12?x=%C3%A9',
			`/f/horst/welcome?lang=${encodeURIComponent('nl')}&also=${encodeURIComponent('a b/c?é')}`,
			'/f/horst/map?category=shop&done=saved#entry-7',
			'/f/horst/calendar/3/2025-03-30',
			'/'
		])
			expect(safeRedirect(built, '/home'), built).toBe(built);
	});

	it('refuses anything that could leave the site', () => {
		for (const bad of [
			'https://evil.example',
			'//evil.example',
			'/\\evil.example',
			'javascript:alert(1)',
			'/\nx',
			'',
			null,
			undefined
		])
			expect(safeRedirect(bad, '/home')).toBe('/home');
	});

	it('refuses a target a Location header cannot carry, rather than answer 500', () => {
		for (const bad of [
			'/\u3000x',
			'/f/horst?name=é',
			'/a b',
			'/a\\b',
			'/f/horst\\\\evil',
			'/a\u0000',
			'/a\u007f',
			'/a"b',
			'/a<b>',
			'/%zz',
			'/a#b#c',
			`/${'a'.repeat(2000)}`
		])
			expect(safeRedirect(bad, '/home'), JSON.stringify(bad)).toBe('/home');
		expect(safeRedirect(`/${'a'.repeat(1999)}`, '/home')).toBe(`/${'a'.repeat(1999)}`);
	});
});
