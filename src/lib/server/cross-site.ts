import { m } from '$lib/paraglide/messages';
import { getTextDirection, type Locale } from '$lib/paraglide/runtime';

/** What a form can send (Kit's list): a page elsewhere can make a browser post these to us. */
const FORM_TYPES = new Set([
	'application/x-www-form-urlencoded',
	'multipart/form-data',
	'text/plain',
	'application/x-sveltekit-formdata'
]);
const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * A form sent to us from another site: Kit's own origin check (its `csrf` option), made here
 * instead so that the refusal can be a page in the reader's language rather than Kit's bare
 * English line. The same rule: a form's write whose Origin is not this site's is refused, a
 * missing Origin included.
 */
export function isCrossSiteForm(request: Request, url: URL): boolean {
	const type = (request.headers.get('content-type') ?? '').split(';', 1)[0]!.trim().toLowerCase();
	return (
		WRITES.has(request.method) &&
		FORM_TYPES.has(type) &&
		request.headers.get('origin') !== url.origin
	);
}

const escape = (text: string) =>
	text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

/**
 * The 403 for a cross-site form: for a page's enhanced form an error result its script shows,
 * otherwise a small page of its own (it never reaches the app's layout) saying what to do.
 */
export function crossSiteRefusal(request: Request, locale: Locale): Response {
	const title = m.error_cross_site_title({}, { locale });
	const message = m.error_cross_site({}, { locale });
	if (request.headers.get('accept') === 'application/json')
		return Response.json({ type: 'error', error: { message } }, { status: 403 });
	const page = `<!doctype html>
<html lang="${locale}" dir="${getTextDirection(locale)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(title)} · ${escape(m.app_name({}, { locale }))}</title>
<link rel="icon" href="/favicon.svg" type="image/svg+xml">
<style>
body { margin: 0; font: 1.15rem/1.5 system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'Noto Sans Arabic', sans-serif; color: #1d2327; background: #fbfaf7; }
main { max-inline-size: 40rem; margin-inline: auto; padding: 2rem 1rem; }
a { color: #1f5f5b; font-weight: 600; }
</style>
</head>
<body>
<main>
<h1>${escape(title)}</h1>
<p>${escape(message)}</p>
<p><a href="/">${escape(m.error_home({}, { locale }))}</a></p>
</main>
</body>
</html>
`;
	return new Response(page, {
		status: 403,
		headers: {
			'Content-Type': 'text/html; charset=utf-8',
			'Cache-Control': 'no-store',
			// Nothing on it runs: no script, only its own style.
			'Content-Security-Policy':
				"default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
		}
	});
}
