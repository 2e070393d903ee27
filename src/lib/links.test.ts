import { describe, expect, it } from 'vitest';
import { safeRedirect } from './links';

describe('safeRedirect', () => {
	it('keeps same-origin paths', () => {
		expect(safeRedirect('/f/de-horst/members?x=1')).toBe('/f/de-horst/members?x=1');
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
});
