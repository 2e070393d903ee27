import { fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import * as calendar from '$lib/server/calendar';
import { requireMember } from '$lib/server/auth/guard';
import type { Activity } from '$lib/server/db/schema';
import { fieldError, keep, parseForm } from '$lib/server/form';
import { writing } from '$lib/server/auth/rate-limit';
import { localDate } from '$lib/server/time';
import { activitySchema } from '$lib/schemas';
import { links } from '$lib/links';
import { m } from '$lib/paraglide/messages';
import { refused } from './context';

/** New activity and edit share one path: validate, check the date against today, save. */
export async function submitActivity(
	event: RequestEvent,
	existing?: Pick<Activity, 'id' | 'startDate'>
) {
	const { flat, user, membership } = requireMember(event, 'calendar.add');
	const body = await event.request.formData();
	// Checked after the last await and counted only once the activity is saved.
	const minutes = writing.post.wait(event);
	if (minutes)
		return fail(429, {
			values: keep(body),
			errors: fieldError('form', m.rate_limited_writing({ minutes }))
		});
	const form = parseForm(activitySchema, body);
	if (!form.ok) return fail(400, { values: form.values, errors: form.errors });
	const input = form.data;
	const today = localDate(new Date(), flat.timeZone);
	// A series that began earlier keeps its first date; a new or moved start lies ahead.
	if (input.startDate < today && input.startDate !== existing?.startDate)
		return fail(400, { values: form.values, errors: fieldError('startDate', m.err_date_past()) });
	const actor = { userId: user.id, role: membership.role };
	const db = getDb();
	let id = existing?.id;
	try {
		if (id) calendar.update(db, flat, id, actor, input);
		else id = calendar.create(db, flat, actor, input).id;
	} catch (e) {
		return refused('form', e);
	}
	writing.post.count(event);
	redirect(303, links.activity(flat.slug, id));
}
