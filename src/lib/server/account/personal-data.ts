import { adminLog } from '../db/schema';
import { personal as auth, type Personal } from '../auth/personal';
import { personal as push } from '../push/personal';
import { personal as notify } from '../notify/personal';
import { personal as members } from '../members/personal';
import { personal as help } from '../help/personal';
import { personal as calendar } from '../calendar/personal';
import { personal as balance } from '../balance/personal';
import { personal as keys } from '../keys/personal';
import { personal as moderation } from '../moderation/personal';
import { personal as welcome } from '../welcome/personal';
import { personal as notices } from '../notices/personal';

/**
 * The administrator's log of a flat names the member an action was about. The log is admin's,
 * which runs above this layer, so it is declared here: the name goes with the account, the
 * line stays for the flat's verbinders.
 */
const adminLogData: Personal = {
	tables: [
		{
			table: adminLog,
			columns: [adminLog.subjectId],
			erase: 'anonymise',
			export: { omitted: "what the administrator did to a flat, kept for that flat's verbinders" }
		}
	]
};

/**
 * Every concept's declaration of what it keeps about a person, in the order erasing runs
 * them: help closes the posts before the calendar frees the seats, as when someone moves out,
 * and auth comes last, so the account's own row goes when nothing else is left.
 */
export const PERSONAL_DATA: Personal[] = [
	members,
	help,
	calendar,
	balance,
	keys,
	moderation,
	welcome,
	notices,
	notify,
	push,
	adminLogData,
	auth
];
