import { error, redirect, type RequestEvent } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import * as notices from '$lib/server/notices';
import { action } from '$lib/server/action';
import { localDate } from '$lib/server/time';
import { bodyField, noticeSchema, titleField } from '$lib/schemas';
import { links } from '$lib/links';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';
import { noticeContext } from '../../context';

/** The notice in the URL, for its writer only: someone else's is theirs to change. */
function ownNotice(event: RequestEvent<{ flat: string; id: string }>) {
	const context = noticeContext(event, 'notices.write');
	if (!notices.rights(context.notice.authorId, context.actor).edit)
		error(403, { message: m.notice_err_not_allowed() });
	return context;
}

export const load: PageServerLoad = (event) => {
	const { flat, notice } = ownNotice(event);
	const values: Record<string, string> = {
		kind: notice.kind,
		validFrom: notice.validFrom,
		validUntil: notice.validUntil
	};
	for (const t of notices.texts(getDb(), flat.id, notice.id)) {
		values[titleField(t.locale)] = t.title;
		values[bodyField(t.locale)] = t.body;
	}
	return { id: notice.id, today: localDate(new Date(), flat.timeZone), values };
};

export const actions: Actions = {
	/** Saves every language and the period at once, then shows the notice. */
	default: action({
		name: 'default',
		guard: ownNotice,
		schema: noticeSchema,
		run: ({ flat, actor, notice }, input) => {
			notices.update(getDb(), flat, notice.id, actor, input);
			redirect(303, links.notice(flat.slug, notice.id));
		}
	})
};
