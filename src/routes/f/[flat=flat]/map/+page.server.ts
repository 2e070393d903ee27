import { redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { MAP_CATEGORIES } from '$lib/socialmap';
import * as socialmap from '$lib/server/socialmap';
import { requireMember } from '$lib/server/auth/guard';
import { can } from '$lib/server/auth/roles';
import { action } from '$lib/server/action';
import { localDate } from '$lib/server/time';
import { links } from '$lib/links';
import { moveSchema } from '$lib/schemas';
import type { Actions, PageServerLoad } from './$types';
import { editor } from './context';

const knownCategory = (asked: string | null) => MAP_CATEGORIES.find((c) => c === asked);

export const load: PageServerLoad = (event) => {
	const { flat, membership } = requireMember(event, 'flat.view');
	const canEdit = can(membership.role, 'map.edit');
	const now = new Date();
	const { afterHours, entries } = socialmap.list(getDb(), flat.id);
	// Open or closed is worked out here, on the flat's clock, not on the phone's.
	const view = (e: socialmap.Entry) => ({
		id: e.id,
		category: e.category,
		name: e.name,
		helpsWith: e.helpsWith,
		phone: e.phone,
		website: e.website,
		address: e.address,
		preset: e.preset,
		hours: e.hours,
		filled: socialmap.isFilled(e),
		state: socialmap.hasHours(e.hours) ? socialmap.isOpen(e.hours, flat.timeZone, now) : null
	});
	const category = knownCategory(event.url.searchParams.get('category')) ?? null;
	const done = event.url.searchParams.get('done');
	const remove = Number(event.url.searchParams.get('remove'));
	return {
		canEdit,
		today: socialmap.weekday(localDate(now, flat.timeZone)),
		// A preset row with nothing in it helps nobody; editors see it to fill it in. The
		// GP out-of-hours row always shows: without a number it says how to find one.
		afterHours: afterHours
			.filter(
				(e) => canEdit || !e.preset || e.preset === 'gp_out_of_hours' || socialmap.isFilled(e)
			)
			.map(view),
		categories: [...new Set(entries.map((e) => e.category))],
		category,
		entries: entries.filter((e) => !category || e.category === category).map(view),
		removing: canEdit && Number.isSafeInteger(remove) ? remove : null,
		done: done === 'saved' || done === 'removed' ? done : null
	};
};

export const actions: Actions = {
	/** One step up or down, then back to the same place on the map. */
	move: action({
		name: 'move',
		guard: editor,
		schema: moveSchema,
		run: ({ flat }, { id, direction, category }) => {
			socialmap.move(getDb(), flat.id, id, direction);
			redirect(303, links.map(flat.slug, { category: knownCategory(category), entry: id }));
		}
	})
};
