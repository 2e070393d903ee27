import path from 'virtual:page-script';
import { m } from '$lib/paraglide/messages';
import type { Locale } from '$lib/paraglide/runtime';

function attribute(text: string): string {
	return text.replace(
		/[&"<>]/g,
		(c) => ({ '&': '&amp;', '"': '&quot;', '<': '&lt;', '>': '&gt;' })[c]!
	);
}

const tags = new Map<Locale, string>();

/**
 * The `<script>` of src/lib/sw/page-script.ts, carrying its texts in the page's language: the
 * reading pages ship no translations to the browser, so the server writes the few the script
 * shows. Same origin, so the CSP's `script-src 'self'` lets it run without a nonce; `async`,
 * so nothing waits for it (a module script would otherwise hold up DOMContentLoaded).
 */
export function pageScriptTag(locale: Locale): string {
	let tag = tags.get(locale);
	if (!tag) {
		const texts = {
			'update-ready': m.pwa_update_ready({}, { locale }),
			'update-reload': m.pwa_update_reload({}, { locale }),
			'form-offline': m.pwa_form_offline({}, { locale }),
			// The script puts in the time and day of the saved copy.
			banner: m.pwa_offline_banner({ time: '{time}' }, { locale }),
			'banner-day': m.pwa_offline_banner_day({ day: '{day}', time: '{time}' }, { locale })
		};
		const data = Object.entries(texts)
			.map(([name, text]) => ` data-${name}="${attribute(text)}"`)
			.join('');
		tag = `<script type="module" async id="page-script" src="${path}"${data}></script>`;
		tags.set(locale, tag);
	}
	return tag;
}
