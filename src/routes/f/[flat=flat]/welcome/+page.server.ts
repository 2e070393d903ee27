import * as v from 'valibot';
import { getDb } from '$lib/server/db';
import * as calendar from '$lib/server/calendar';
import * as socialmap from '$lib/server/socialmap';
import * as welcome from '$lib/server/welcome';
import { requireMember } from '$lib/server/auth/guard';
import { can } from '$lib/server/auth/roles';
import { action } from '$lib/server/action';
import { addDays, localDate } from '$lib/server/time';
import { locale } from '$lib/schemas';
import { greetingSchema, stepSchema } from '$lib/schemas/welcome';
import { getLocale } from '$lib/paraglide/runtime';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

/**
 * Read, not worked in: no Svelte scripts, as on the board (see its +page.server.ts). The
 * checklist's forms are plain POSTs that come back to this page.
 */
export const csr = false;

/** How far ahead the welcome page looks for the next activities, and how many it shows. */
const AHEAD_DAYS = 60;
const NEXT_SHOWN = 3;

export const load: PageServerLoad = (event) => {
	const { user, flat, membership } = requireMember(event, 'flat.view');
	const db = getDb();
	const asked = v.safeParse(locale, event.url.searchParams.get('lang'));
	const lang = asked.success ? asked.output : getLocale();
	const done = welcome.steps(db, membership.id);
	const now = new Date();
	const today = localDate(now, flat.timeZone);
	const next = calendar
		.occurrences(db, flat, today, addDays(today, AHEAD_DAYS))
		.filter((o) => !o.cancelled && o.end > now)
		.slice(0, NEXT_SHOWN)
		.map((o) => ({
			activityId: o.activityId,
			occurrence: o.occurrence,
			date: o.date,
			startTime: o.startTime,
			endTime: o.endTime,
			title: o.title,
			place: o.place
		}));
	// The top of the social map: the after-hours numbers that are filled in.
	const mapTop = socialmap
		.list(db, flat.id)
		.afterHours.filter((e) => e.phone)
		.map((e) => ({ name: e.name, preset: e.preset, phone: e.phone, helpsWith: e.helpsWith }));
	return {
		name: user.name,
		lang,
		welcome: welcome.page(db, flat, lang),
		checklist: welcome.showChecklist(membership, done)
			? { steps: welcome.stepsFor(membership.role), done }
			: null,
		next,
		mapTop,
		can: {
			ask: can(membership.role, 'help.post'),
			edit: can(membership.role, 'welcome.edit'),
			sheet: can(membership.role, 'welcome.edit') || can(membership.role, 'joinCode.view')
		}
	};
};

const member = (event: RequestEvent) => requireMember(event, 'flat.view');

export const actions: Actions = {
	/** The newcomer's hello to the flat; it also ticks the first step. */
	greet: action({
		name: 'greet',
		guard: member,
		schema: greetingSchema,
		run: ({ user, flat, membership }, { body }) => ({
			greeted: welcome.greet(getDb(), flat.id, user.id, membership.id, body) ? 'new' : 'already'
		})
	}),

	tick: action({
		name: 'tick',
		guard: member,
		schema: stepSchema,
		run: ({ membership }, { step }) => {
			welcome.tick(getDb(), membership.id, step);
		}
	}),

	dismiss: action({
		name: 'dismiss',
		guard: member,
		run: ({ membership }) => welcome.dismiss(getDb(), membership.id)
	})
};
