import { describe, expect, it } from 'vitest';
import { pageScriptTag } from '$lib/server/page-script';
import { locales } from '$lib/paraglide/runtime';
import { bannerText } from './offline-banner';
import { offlineBannerText } from './page-script';

/** The data attributes of the tag the server writes, as the script reads them (`dataset`). */
function dataset(tag: string): Record<string, string> {
	const decode = (v: string) =>
		v
			.replace(/&quot;/g, '"')
			.replace(/&lt;/g, '<')
			.replace(/&gt;/g, '>')
			.replace(/&amp;/g, '&');
	return Object.fromEntries(
		[...tag.matchAll(/\sdata-([\w-]+)="([^"]*)"/g)].map(([, name, value]) => [
			name!.replace(/-(\w)/g, (_, c: string) => c.toUpperCase()),
			decode(value!)
		])
	);
}

describe('pageScriptTag', () => {
	it('is a same-origin module script that nothing waits for', () => {
		expect(pageScriptTag('nl')).toMatch(
			/^<script type="module" async id="page-script" src="\/[^"]+"( data-[\w-]+="[^"]*")+><\/script>$/
		);
	});

	it('carries the texts in the page language', () => {
		expect(dataset(pageScriptTag('nl'))).toMatchObject({
			updateReady: 'Er is een nieuwe versie van Burenbord.',
			updateReload: 'Opnieuw laden'
		});
		expect(dataset(pageScriptTag('ar')).formOffline).toMatch(/^أنت غير متصل/);
	});
});

describe('offlineBannerText', () => {
	const saved = new Date(2026, 4, 12, 14, 5);

	it('says what the worker says in a saved page, in every language, today and on an earlier day', () => {
		for (const locale of locales) {
			const texts = dataset(pageScriptTag(locale));
			for (const now of [new Date(2026, 4, 12, 18, 30), new Date(2026, 4, 13, 9, 0)])
				expect(offlineBannerText(texts, locale, saved, now)).toBe(bannerText(locale, saved, now));
		}
		expect(offlineBannerText(dataset(pageScriptTag('nl')), 'nl', saved, saved)).toBe(
			'Je bent offline. Je ziet wat je om 14:05 zag.'
		);
	});
});
