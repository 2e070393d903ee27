import { getDb, type DB } from '$lib/server/db';
import * as balance from '$lib/server/balance';
import * as calendar from '$lib/server/calendar';
import * as help from '$lib/server/help';
import * as notices from '$lib/server/notices';
import * as welcome from '$lib/server/welcome';
import { requireMember } from '$lib/server/auth/guard';
import { can } from '$lib/server/auth/roles';
import { localDate } from '$lib/server/time';
import { boardFilter } from '$lib/schemas';
import { getLocale } from '$lib/paraglide/runtime';
import type { PageServerLoad } from './$types';

/**
 * The board is read, not worked in: it comes without Svelte's scripts, so a cheap phone shows
 * it sooner and has nothing to hydrate. Its links and its filter are plain HTML; what the app
 * does around a page (the worker, the update bar, forms kept offline) is the page script's
 * (src/lib/sw/page-script.ts). Pages reached from here load whole.
 */
export const csr = false;

/** Today and the six days after it in the flat's own time: what the board shows as "this week". */
function thisWeek(db: DB, flat: Pick<calendar.FlatRef, 'id' | 'timeZone'>) {
	const today = localDate(new Date(), flat.timeZone);
	return calendar.week(db, flat, today).map((o) => ({
		activityId: o.activityId,
		occurrence: o.occurrence,
		date: o.date,
		startTime: o.startTime,
		title: o.title,
		place: o.place,
		cancelled: o.cancelled
	}));
}

/**
 * The notices valid today, in the reader's language, for the strip at the top. Shown there they
 * count as seen: the strip gives each one's kind and whole title, which for most notices is
 * the message itself ("the lift is out of order until Friday"), and many neighbours never tap
 * further. Only a notice not seen before is written, so a visit after that stays a read.
 */
function noticeStrip(
	db: DB,
	flat: Pick<calendar.FlatRef, 'id' | 'timeZone'>,
	membershipId: number
) {
	const shown = notices.current(db, flat, getLocale());
	notices.markSeen(
		db,
		membershipId,
		shown.map((n) => n.id)
	);
	return shown.map((n) => ({ id: n.id, kind: n.kind, title: n.title, locale: n.locale }));
}

export const load: PageServerLoad = (event) => {
	const { user, flat, membership } = requireMember(event, 'flat.view');
	const db = getDb();
	const week = thisWeek(db, flat);
	// A hello is for the whole flat, professionals included; the checklist waits on the welcome page.
	const greetings = welcome.recentGreetings(db, flat.id, { viewer: user.id });
	const firstSteps =
		!membership.welcomeDone && welcome.showChecklist(membership, welcome.steps(db, membership.id));
	const strip = noticeStrip(db, flat, membership.id);
	// Professionals see the flat and its week, never its help posts or balances.
	if (!can(membership.role, 'help.view'))
		return { name: user.name, notices: strip, week, greetings, firstSteps, help: null };
	const filter = boardFilter(event.url.searchParams);
	const mine = balance.forMember(db, flat.id, user.id);
	return {
		name: user.name,
		notices: strip,
		week,
		greetings,
		firstSteps,
		help: {
			filter: {
				type: filter.type ?? '',
				category: filter.category ?? '',
				tab: filter.tab ?? 'all'
			},
			board: help.board(db, flat.id, user.id, { ...filter, mine: filter.tab === 'mine' }),
			balance: { ...mine, nudge: balance.nudge(mine) },
			flatThisMonth: balance.flatThisMonth(db, flat)
		}
	};
};
