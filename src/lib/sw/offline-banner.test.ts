import { describe, expect, it } from 'vitest';
import ar from '../../../messages/ar.json';
import en from '../../../messages/en.json';
import nl from '../../../messages/nl.json';
import { bannerText, dataPage, pageLocale, withBanner } from './offline-banner';

const page = `<!doctype html>
<html lang="ar" dir="rtl">
	<head><title>Burenbord</title></head>
	<body data-sveltekit-preload-data="tap">
		<div style="display: contents"><main>Het prikbord</main></div>
	</body>
</html>`;

describe('pageLocale', () => {
	it('reads the language the page was made in', () => {
		expect(pageLocale(page)).toBe('ar');
		expect(pageLocale('<html dir="ltr" lang="en-GB"><body></body></html>')).toBe('en');
	});

	it('falls back to Dutch for a language the app does not speak, or none', () => {
		expect(pageLocale('<html lang="fr"><body></body></html>')).toBe('nl');
		expect(pageLocale('<p>no html element</p>')).toBe('nl');
	});
});

describe('bannerText', () => {
	const saved = new Date(2026, 4, 12, 14, 5);

	it('says the time the page was saved, in the page language, as the messages say it', () => {
		// Digits differ per engine in Arabic (Latin or Arabic-Indic): ask the same Intl.
		const at = (locale: string) =>
			new Intl.DateTimeFormat(locale, {
				hour: '2-digit',
				minute: '2-digit',
				hourCycle: 'h23'
			}).format(saved);
		const time = { nl: at('nl'), en: at('en'), ar: at('ar') };
		const later = new Date(2026, 4, 12, 18, 30);
		expect(bannerText('nl', saved, later)).toBe(nl.pwa_offline_banner.replace('{time}', time.nl));
		expect(bannerText('en', saved, later)).toBe(en.pwa_offline_banner.replace('{time}', time.en));
		expect(bannerText('ar', saved, later)).toBe(ar.pwa_offline_banner.replace('{time}', time.ar));
		expect(bannerText('nl', saved, later)).toBe('Je bent offline. Je ziet wat je om 14:05 zag.');
	});

	it('names the day when the copy is from an earlier day', () => {
		expect(bannerText('nl', saved, new Date(2026, 4, 13, 9, 0))).toBe(
			'Je bent offline. Je ziet wat je op 12 mei om 14:05 zag.'
		);
		expect(bannerText('en', saved, new Date(2026, 4, 13, 9, 0))).toBe(
			'You are offline — showing what you saw on May 12 at 14:05.'
		);
	});
});

describe('withBanner', () => {
	it('puts the banner first in the body, outside the app root', () => {
		const html = withBanner(page, 'Je bent offline');
		expect(html).toContain(
			'<body data-sveltekit-preload-data="tap"><div role="status" class="offline-banner" data-offline-banner>Je bent offline</div>\n\t\t<div style="display: contents">'
		);
		expect(html.replace(/<div role="status"[^]*?<\/div>/, '')).toBe(page);
	});

	it('escapes the text', () => {
		expect(withBanner('<body></body>', '<b>&"')).toBe(
			'<body><div role="status" class="offline-banner" data-offline-banner>&lt;b&gt;&amp;&quot;</div></body>'
		);
	});

	it('leaves a document without a body alone', () => {
		expect(withBanner('{"type":"data"}', 'x')).toBe('{"type":"data"}');
	});
});

describe('dataPage', () => {
	it("turns Kit's data URL back into the page it belongs to", () => {
		const at = (path: string) => dataPage(new URL(path, 'http://127.0.0.1'));
		expect(at('/f/horst/__data.json?x-sveltekit-invalidated=01')).toBe('/f/horst');
		expect(at('/f/horst/calendar/__data.json?month=2026-05&x-sveltekit-invalidated=001')).toBe(
			'/f/horst/calendar?month=2026-05'
		);
		expect(at('/f/horst/__data.json?x-sveltekit-trailing-slash=1&x-sveltekit-invalidated=1')).toBe(
			'/f/horst/'
		);
		expect(at('/__data.json')).toBe('/');
	});
});
