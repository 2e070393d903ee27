import { getDb } from '$lib/server/db';
import * as calendar from '$lib/server/calendar';
import { action } from '$lib/server/action';
import { requireMember } from '$lib/server/auth/guard';
import { can } from '$lib/server/auth/roles';
import { addDays, localDate } from '$lib/server/time';
import * as ical from '$lib/server/calendar/ical';
import { links } from '$lib/links';
import type { Actions, PageServerLoad } from './$types';

/**
 * Read, not worked in: no Svelte scripts, as on the board (see its +page.server.ts). The feed
 * forms are plain POSTs; adding an activity has its own page.
 */
export const csr = false;

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** The first and last local date of a month, and the months either side. */
function monthRange(month: string) {
	const [y, mo] = month.split('-').map(Number) as [number, number];
	const last = new Date(Date.UTC(y, mo, 0)).toISOString().slice(0, 10);
	const shift = (n: number) => new Date(Date.UTC(y, mo - 1 + n, 1)).toISOString().slice(0, 7);
	return { from: `${month}-01`, to: last, previous: shift(-1), next: shift(1) };
}

export const load: PageServerLoad = (event) => {
	const { user, flat, membership } = requireMember(event, 'calendar.view');
	const db = getDb();
	const today = localDate(new Date(), flat.timeZone);
	const asked = event.url.searchParams.get('month') ?? '';
	const month = MONTH.test(asked) && asked >= '2000-01' && asked <= '2099-12' ? asked : null;
	const view = event.url.searchParams.get('view') === 'month' || month ? 'month' : 'agenda';
	const range =
		view === 'month'
			? monthRange(month ?? today.slice(0, 7))
			: { from: today, to: addDays(today, calendar.AGENDA_DAYS - 1), previous: '', next: '' };
	const actor = { userId: user.id, role: membership.role };
	return {
		today,
		view,
		range,
		items: calendar.agenda(db, flat, range.from, range.to, user.id).map((o) => ({
			activityId: o.activityId,
			occurrence: o.occurrence,
			date: o.date,
			startTime: o.startTime,
			endTime: o.endTime,
			title: o.title,
			place: o.place,
			cancelled: o.cancelled,
			reason: o.reason,
			changed: o.changed,
			coming: o.coming,
			capacity: o.capacity,
			helpers: o.helpers,
			helpersWanted: o.helpersWanted,
			mine: o.mine
		})),
		proposals: calendar.proposals(db, flat.id, actor).map((a) => ({
			id: a.id,
			title: a.title,
			startDate: a.startDate,
			startTime: a.startTime
		})),
		// Open date polls: everyone may see them; ticking is on the poll's own page.
		polls: calendar.openPolls(db, flat.id).map((p) => ({
			id: p.id,
			title: p.title,
			closes: localDate(p.closesAt, flat.timeZone)
		})),
		hasFeed: ical.hasFeed(db, flat.id, user.id),
		can: {
			add: can(membership.role, 'calendar.add'),
			poster: can(membership.role, 'calendar.poster'),
			settings: can(membership.role, 'calendar.settings')
		}
	};
};

export const actions: Actions = {
	/** A new private feed address; shown once, since only its hash is kept. */
	feed: action({
		name: 'feed',
		guard: (event) => requireMember(event, 'calendar.view'),
		run: ({ user, flat }, _, event) => {
			const token = ical.createFeed(getDb(), flat.id, user.id);
			return { feedUrl: event.url.origin + links.calendarFeed(flat.slug, token) };
		}
	}),
	stopFeed: action({
		name: 'stopFeed',
		guard: (event) => requireMember(event, 'calendar.view'),
		run: ({ user, flat }) => {
			ical.revokeFeed(getDb(), flat.id, user.id);
			return { feedStopped: true };
		}
	})
};
