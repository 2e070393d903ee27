import { error, type RequestEvent } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import * as help from '$lib/server/help';
import { action } from '$lib/server/action';
import { requireMember } from '$lib/server/auth/guard';
import { can } from '$lib/server/auth/roles';
import { writing } from '$lib/server/auth/rate-limit';
import {
	messageSchema,
	reportSchema,
	respondSchema,
	responseIdSchema,
	thanksSchema
} from '$lib/schemas';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';

/** The member, for one who may see help posts, and the post in the URL. */
function context(event: RequestEvent<{ flat: string; id: string }>) {
	return { ...requireMember(event, 'help.view'), postId: Number(event.params.id) };
}

export const load: PageServerLoad = (event) => {
	const { flat, user, membership, postId } = context(event);
	const db = getDb();
	const seen = help.find(db, flat.id, postId, user.id);
	if (!seen) error(404, { message: m.error_not_found() });
	const { post } = seen;
	const openRequest = post.type === 'request' && post.status === 'open' && !post.hidden;
	return {
		...seen,
		timeZone: flat.timeZone,
		// Only for the neighbour it was made for, and only while they can still answer.
		suggestion:
			openRequest && !seen.isAuthor && !seen.myResponse
				? help.suggestionFor(db, flat.id, postId, user.id)
				: null,
		canSuggest: openRequest && can(membership.role, 'help.suggest')
	};
};

export const actions: Actions = {
	respond: action({
		name: 'respond',
		guard: context,
		schema: respondSchema,
		limit: writing.respond,
		run: (c, d) => help.respond(getDb(), c.flat.id, c.postId, c.user.id, d.message)
	}),
	accept: action({
		name: 'accept',
		guard: context,
		schema: responseIdSchema,
		run: (c, d) => help.accept(getDb(), c.flat.id, c.postId, c.user.id, d.responseId)
	}),
	message: action({
		name: 'message',
		guard: context,
		schema: messageSchema,
		limit: writing.message,
		run: (c, d) => help.message(getDb(), c.flat.id, c.postId, c.user.id, d.body)
	}),
	done: action({
		name: 'done',
		guard: context,
		run: (c) => help.markDone(getDb(), c.flat.id, c.postId, c.user.id)
	}),
	confirm: action({
		name: 'confirm',
		guard: context,
		run: (c) => help.confirmDone(getDb(), c.flat.id, c.postId, c.user.id)
	}),
	thank: action({
		name: 'thank',
		guard: context,
		schema: thanksSchema,
		run: (c, d) => help.thank(getDb(), c.flat.id, c.postId, c.user.id, d.note)
	}),
	withdraw: action({
		name: 'withdraw',
		guard: context,
		run: (c) => help.withdraw(getDb(), c.flat.id, c.postId, c.user.id)
	}),
	/** The author of a lost or found post: the thing is back with its owner. */
	returned: action({
		name: 'returned',
		guard: context,
		run: (c) => help.returned(getDb(), c.flat.id, c.postId, c.user.id)
	}),
	extend: action({
		name: 'extend',
		guard: context,
		run: (c) => help.extend(getDb(), c.flat.id, c.postId, c.user.id)
	}),
	/** Report the post, or one message of the thread the reporter takes part in. */
	report: action({
		name: 'report',
		guard: context,
		schema: reportSchema,
		run: (c, d) => help.report(getDb(), c.flat.id, c.postId, c.user.id, d)
	}),
	block: action({
		name: 'block',
		guard: context,
		run: (c) => help.blockAuthor(getDb(), c.flat.id, c.postId, c.user.id)
	}),
	/** The suggested neighbour puts the suggestion aside; nobody hears of it. */
	notNow: action({
		name: 'notNow',
		guard: context,
		run: (c) => help.notNow(getDb(), c.flat.id, c.postId, c.user.id)
	})
};
