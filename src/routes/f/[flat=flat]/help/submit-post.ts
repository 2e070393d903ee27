import { fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import * as help from '$lib/server/help';
import { action } from '$lib/server/action';
import { requireMember } from '$lib/server/auth/guard';
import { writing } from '$lib/server/auth/rate-limit';
import type { Refusal } from '$lib/server/refusals';
import { postSchema } from '$lib/schemas';
import { links } from '$lib/links';
import { m } from '$lib/paraglide/messages';

/** An edit that is not this member's to make, or of a post no longer open: above the form. */
const cannotEdit: Refusal = { status: 400, field: 'form', message: () => m.help_cannot_edit() };

/** The post form's own words, beside the field to change. */
const REFUSALS: Record<string, Refusal> = {
	past: { status: 400, field: 'startDate', message: () => m.err_date_past() },
	// Someone else's post is refused like every step that is not yours; a closed one is a 400.
	not_allowed: { ...cannotEdit, status: 403 },
	not_found: cannotEdit,
	wrong_state: cannotEdit
};

/** The post form's fields as the page fills them in: from a saved post, or from what was sent. */
export function formValues(p: help.PostInput): Record<string, string> {
	return {
		type: p.type,
		category: p.category,
		title: p.title,
		description: p.description,
		when: p.when,
		startDate: p.startDate ?? '',
		endDate: p.endDate ?? '',
		anonymous: p.anonymous ? 'on' : '',
		onBehalfOf: p.onBehalfOf ?? ''
	};
}

/**
 * New post and edit (the post in the URL) share one action: `help.submit` decides and saves.
 * A post held back for a kind word comes back to the form as it was typed, with that word.
 */
export const submitPost = action({
	name: 'default',
	guard: (event: RequestEvent) => ({
		...requireMember(event, 'help.post'),
		postId: event.params.id ? Number(event.params.id) : undefined
	}),
	schema: postSchema,
	limit: writing.post,
	refusals: REFUSALS,
	run: ({ flat, user, membership, postId }, input) => {
		const author = { userId: user.id, role: membership.role };
		const saved = help.submit(getDb(), flat, author, input, postId);
		if ('id' in saved) redirect(303, links.post(flat.slug, saved.id));
		const { check } = saved;
		const values = formValues(input);
		// Too long a period cannot go up, kind word or not: its last day must change.
		if (check.concerns.includes('long'))
			return fail(400, {
				action: 'default',
				values,
				errors: { endDate: m.err_period_long() },
				check
			});
		return { values, check };
	}
});
