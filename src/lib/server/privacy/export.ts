import type { DB } from '../db';
import * as auth from '../auth/personal';
import * as members from '../members/personal';
import * as help from '../help/personal';
import * as calendar from '../calendar/personal';
import * as balance from '../balance/personal';
import * as keys from '../keys/personal';
import * as moderation from '../moderation/personal';
import * as welcome from '../welcome/personal';
import * as notify from '../notify/personal';
import * as push from '../push/personal';
import * as notices from '../notices/personal';
import { isLocale } from '$lib/paraglide/runtime';
import { PrivacyError } from './model';

/**
 * Everything the app keeps about one person, as a plain object for a JSON download: each
 * concept exports its own tables (its `personal.ts`), and account/personal-data.test.ts checks
 * that every table declared there shows here. Other people appear only by the first name this
 * person already saw; no secrets, no one else's ids.
 */
export function exportData(db: DB, userId: number, now = new Date()) {
	const profile = auth.exportProfile(db, userId);
	if (!profile) throw new PrivacyError('not_found');
	const locale = isLocale(profile.locale) ? profile.locale : 'nl';
	return {
		exportedAt: now,
		profile,
		memberships: members.exportMemberships(db, userId).map((ms) => ({
			...ms.shown,
			...notify.exportMembership(db, ms),
			...welcome.exportMembership(db, ms, userId),
			...calendar.exportMembership(db, ms, userId),
			joinedAt: ms.joinedAt
		})),
		...help.exportData(db, userId),
		...calendar.exportData(db, userId),
		...balance.exportData(db, userId),
		...notify.exportData(db, userId, locale),
		...push.exportData(db, userId),
		...keys.exportData(db, userId),
		...moderation.exportData(db, userId),
		...notices.exportData(db, userId)
	};
}

export type Export = ReturnType<typeof exportData>;

/** `burenbord-samira.json`: a file name any phone can save, whatever letters the name has. */
export function exportFileName(name: string): { ascii: string; utf8: string } {
	const base = name.trim().toLocaleLowerCase().replace(/\s+/g, '-');
	const ascii = base.normalize('NFKD').replace(/[^a-z0-9-]+/g, '') || 'export';
	return { ascii: `burenbord-${ascii}.json`, utf8: `burenbord-${base}.json` };
}
