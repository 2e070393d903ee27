import { error, type RequestEvent } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import * as notices from '$lib/server/notices';
import { requireMember } from '$lib/server/auth/guard';
import { can, type Permission } from '$lib/server/auth/roles';
import { getLocale, isLocale } from '$lib/paraglide/runtime';
import { m } from '$lib/paraglide/messages';

/** Someone who writes notices: a verbinder or a professional. */
export const writer = (event: RequestEvent) => requireMember(event, 'notices.write');

/**
 * The notice in the URL for a member allowed `permission`, in the language asked (`?lang=`)
 * or the reader's own. A notice of another flat, or one over for a neighbour, is a 404.
 */
export function noticeContext(
	event: RequestEvent<{ flat: string; id: string }>,
	permission: Permission = 'notices.view'
) {
	const member = requireMember(event, permission);
	const asked = event.url.searchParams.get('lang');
	const lang = asked && isLocale(asked) ? asked : getLocale();
	const writes = can(member.membership.role, 'notices.write');
	const actor = { userId: member.user.id, role: member.membership.role };
	const notice = notices.find(getDb(), member.flat, Number(event.params.id), lang, {
		writer: writes
	});
	if (!notice) error(404, { message: m.error_not_found() });
	return { ...member, actor, writes, notice };
}
