import { error, type RequestEvent } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import * as socialmap from '$lib/server/socialmap';
import { requireMember } from '$lib/server/auth/guard';
import { m } from '$lib/paraglide/messages';

/** Someone who may edit the map. */
export const editor = (event: RequestEvent) => requireMember(event, 'map.edit');

/** The place in the URL, for someone who may edit the map; another flat's place is a 404. */
export function entryContext(event: RequestEvent<{ flat: string; id: string }>) {
	const member = editor(event);
	const entry = socialmap.find(getDb(), member.flat.id, Number(event.params.id));
	if (!entry) error(404, { message: m.error_not_found() });
	return { ...member, entry };
}
