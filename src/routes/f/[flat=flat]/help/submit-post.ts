import { fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import * as help from '$lib/server/help';
import { concerns, soundsHarsh } from '$lib/server/help/light';
import { requireMember } from '$lib/server/auth/guard';
import { fieldError, keep, parseForm } from '$lib/server/form';
import { writing } from '$lib/server/auth/rate-limit';
import { localDate } from '$lib/server/time';
import { postSchema, postWhen } from '$lib/schemas';
import { links } from '$lib/links';
import { m } from '$lib/paraglide/messages';

/**
 * New post and edit share one path: validate, check the dates against today in the flat,
 * then (unless the person already saw it) a kind word about light help or harsh words.
 */
export async function submitPost(event: RequestEvent, postId?: number) {
	const { flat, user, membership } = requireMember(event, 'help.post');
	const body = await event.request.formData();
	// Checked after the last await and counted only once the post is saved.
	const minutes = writing.post.wait(event);
	if (minutes)
		return fail(429, {
			values: keep(body),
			errors: fieldError('form', m.rate_limited_writing({ minutes }))
		});
	const form = parseForm(postSchema, body);
	// Dates typed under "any time" are taken (see postWhen): the form shows the choice it made.
	const values = { ...form.values, when: postWhen({ when: '', ...form.values }) };
	if (!form.ok) return fail(400, { values, errors: form.errors });
	const { confirmed, ...input } = form.data;
	const today = localDate(new Date(), flat.timeZone);
	if (input.when !== 'flexible' && input.startDate && input.startDate < today)
		return fail(400, { values, errors: fieldError('startDate', m.err_date_past()) });
	const db = getDb();
	const found = concerns(db, {
		flatId: flat.id,
		userId: user.id,
		...input,
		text: `${input.title}\n${input.description}`
	});
	if (found.includes('long'))
		return fail(400, {
			values,
			errors: fieldError('endDate', m.err_period_long()),
			check: { concerns: found, harsh: false }
		});
	const harsh = soundsHarsh(`${input.title}\n${input.description}`);
	if (!confirmed && (found.length > 0 || harsh))
		return { values, check: { concerns: found, harsh } };
	const author = { userId: user.id, role: membership.role };
	let id = postId;
	if (id) {
		try {
			help.update(db, flat, id, author, input);
		} catch (e) {
			// Someone else's post is refused like every step that is not yours; a closed one is a 400.
			if (e instanceof help.HelpError)
				return fail(e.code === 'not_allowed' ? 403 : 400, {
					values,
					errors: fieldError('form', m.help_cannot_edit())
				});
			throw e;
		}
	} else id = help.create(db, flat, author, input);
	writing.post.count(event);
	redirect(303, links.post(flat.slug, id));
}
