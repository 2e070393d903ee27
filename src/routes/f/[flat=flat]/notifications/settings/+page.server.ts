import { fail } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import * as prefs from '$lib/server/notify/prefs';
import { requireMember } from '$lib/server/auth/guard';
import { parseForm } from '$lib/server/form';
import { notifyPrefsSchema } from '$lib/schemas';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const { membership } = requireMember(event, 'flat.view');
	return {
		groups: prefs.groupsFor(membership.role),
		chosen: prefs.forMembership(getDb(), membership.id),
		quiet:
			membership.quietStart && membership.quietEnd
				? { start: membership.quietStart, end: membership.quietEnd }
				: null
	};
};

export const actions: Actions = {
	default: async (event) => {
		const { membership } = requireMember(event, 'flat.view');
		const form = parseForm(notifyPrefsSchema, await event.request.formData());
		if (!form.ok) return fail(400, { values: form.values, errors: form.errors });
		const { quiet, quietStart, quietEnd, ...choices } = form.data;
		// Only the kinds this member's role has; anything else in the form is ignored.
		const allowed = prefs.groupsFor(membership.role);
		const mine = Object.fromEntries(
			Object.entries(choices)
				.map(([field, channel]) => [field.replace(/^kind_/, ''), channel] as const)
				.filter(([group, channel]) => channel && allowed.includes(group as never))
		);
		prefs.save(
			getDb(),
			membership.id,
			mine,
			quiet === 'on' ? { start: quietStart, end: quietEnd } : null
		);
		return { saved: true };
	}
};
