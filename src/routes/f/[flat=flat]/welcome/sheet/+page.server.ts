import { error } from '@sveltejs/kit';
import * as v from 'valibot';
import { getDb } from '$lib/server/db';
import * as flats from '$lib/server/flats';
import * as welcome from '$lib/server/welcome';
import { requireMember } from '$lib/server/auth/guard';
import { can } from '$lib/server/auth/roles';
import { qrSvg } from '$lib/server/flats/qr';
import { locale } from '$lib/schemas';
import { baseLocale } from '$lib/paraglide/runtime';
import { links } from '$lib/links';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { flat, membership } = requireMember(event, 'flat.view');
	const role = membership.role;
	if (!can(role, 'welcome.edit') && !can(role, 'joinCode.view')) error(403);
	const asked = v.safeParse(locale, event.url.searchParams.get('lang'));
	const lang = asked.success ? asked.output : baseLocale;

	// The join code stays with those the matrix shows it to, on paper as on screen.
	let join = null;
	if (can(role, 'joinCode.view')) {
		const code = flats.joinCode.format(flat.joinCode);
		const url = new URL(links.join(code), event.url.origin).href;
		join = { code, url, qr: await qrSvg(url) };
	}
	return {
		lang,
		welcome: welcome.page(getDb(), flat, lang),
		join,
		canEdit: can(role, 'welcome.edit')
	};
};
