import { getDb } from '$lib/server/db';
import * as notices from '$lib/server/notices';
import { localDate } from '$lib/server/time';
import { getLocale } from '$lib/paraglide/runtime';
import type { PageServerLoad } from './$types';
import { writer } from './context';

/** The flat's notices for those who write them: theirs with how far each reached. */
export const load: PageServerLoad = (event) => {
	const { user, flat } = writer(event);
	const db = getDb();
	const all = notices.list(db, flat, user.id, getLocale());
	const seen = notices.seenCounts(
		db,
		flat.id,
		all.filter((n) => n.mine).map((n) => n.id)
	);
	return {
		today: localDate(new Date(), flat.timeZone),
		notices: all.map((n) => ({
			id: n.id,
			kind: n.kind,
			title: n.title,
			locale: n.locale,
			validFrom: n.validFrom,
			validUntil: n.validUntil,
			state: n.state,
			mine: n.mine,
			// The writer sees how many households saw theirs; of others' notices, nothing.
			seen: seen.get(n.id) ?? null
		}))
	};
};
