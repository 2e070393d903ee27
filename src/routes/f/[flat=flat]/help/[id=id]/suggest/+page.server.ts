import { error, redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import * as help from '$lib/server/help';
import { action } from '$lib/server/action';
import { requireMember } from '$lib/server/auth/guard';
import { suggestSchema } from '$lib/schemas';
import { links } from '$lib/links';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

/** A verbinder, and the request in the URL. */
function context(event: RequestEvent) {
	const member = requireMember(event, 'help.suggest');
	return {
		...member,
		verbinder: { userId: member.user.id, role: member.membership.role },
		postId: Number(event.params.id)
	};
}

export const load: PageServerLoad = (event) => {
	const { flat, verbinder, postId } = context(event);
	const db = getDb();
	// What the verb would refuse, answered as a page: not there, or no longer open.
	const seen = help.find(db, flat.id, postId, verbinder.userId);
	if (!seen || seen.post.type !== 'request' || seen.post.hidden)
		error(404, { message: m.error_not_found() });
	if (seen.post.status !== 'open') redirect(303, links.post(flat.slug, postId));
	return { ...help.candidates(db, flat, verbinder, postId), max: help.MAX_SUGGESTIONS_PER_POST };
};

export const actions: Actions = {
	suggest: action({
		name: 'suggest',
		guard: context,
		schema: suggestSchema,
		run: ({ flat, verbinder, postId }, { userId }) => ({
			suggested: help.suggest(getDb(), flat, verbinder, postId, userId).name
		})
	})
};
