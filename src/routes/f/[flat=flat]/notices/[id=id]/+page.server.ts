import { redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import * as notices from '$lib/server/notices';
import { action } from '$lib/server/action';
import { localDate } from '$lib/server/time';
import { links } from '$lib/links';
import type { Actions, PageServerLoad } from './$types';
import { noticeContext } from '../context';

/** Read, not worked in, like the board: no Svelte scripts; taking it down is a plain POST. */
export const csr = false;

export const load: PageServerLoad = (event) => {
	const { flat, membership, actor, writes, notice } = noticeContext(event);
	const db = getDb();
	// Opened in full here: it counts as seen (the board strip counts too, see its load).
	if (notice.showing || notice.upcoming) notices.markSeen(db, membership.id, [notice.id]);
	const mine = notice.authorId === actor.userId;
	return {
		today: localDate(new Date(), flat.timeZone),
		notice: {
			id: notice.id,
			kind: notice.kind,
			title: notice.title,
			body: notice.body,
			locale: notice.locale,
			alsoIn: notice.alsoIn,
			validFrom: notice.validFrom,
			validUntil: notice.validUntil,
			showing: notice.showing,
			upcoming: notice.upcoming
		},
		can: notices.rights(notice.authorId, actor),
		// Only its writer learns how far it reached: a number of households, never who.
		seen: mine ? (notices.seenCounts(db, flat.id, [notice.id]).get(notice.id) ?? null) : null,
		// No replies here: a neighbour with a question is pointed at a verbinder.
		ask: writes ? null : notices.askWhom(db, flat.id, notice.authorId)
	};
};

export const actions: Actions = {
	/** Takes the notice down at once; its writer, or a verbinder of the flat. */
	remove: action({
		name: 'remove',
		guard: (event) => noticeContext(event, 'notices.write'),
		run: ({ flat, actor, notice }) => {
			notices.remove(getDb(), flat.id, notice.id, actor);
			redirect(303, links.notices(flat.slug));
		}
	})
};
