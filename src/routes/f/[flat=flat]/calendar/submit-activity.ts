import { redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import * as calendar from '$lib/server/calendar';
import type { MemberContext } from '$lib/server/auth/guard';
import type { Activity } from '$lib/server/db/schema';
import type { Refusal } from '$lib/server/refusals';
import type { ActivityInput } from '$lib/server/calendar';
import { links } from '$lib/links';
import { m } from '$lib/paraglide/messages';

/** A start in the past is said beside the date field, in the form's own words. */
export const activityRefusals: Record<string, Refusal> = {
	past: { status: 400, field: 'startDate', message: () => m.err_date_past() }
};

/**
 * New activity and edit share one step: save (a new or moved start lies ahead), then show
 * the activity.
 */
export function saveActivity(
	{ user, flat, membership }: MemberContext,
	input: ActivityInput,
	existing?: Pick<Activity, 'id' | 'startDate'>
): never {
	const actor = { userId: user.id, role: membership.role };
	const id = calendar.save(getDb(), flat, actor, input, existing);
	redirect(303, links.activity(flat.slug, id));
}
