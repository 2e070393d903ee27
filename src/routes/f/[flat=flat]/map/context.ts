import { error, fail, redirect, type RequestEvent } from '@sveltejs/kit';
import * as v from 'valibot';
import { getDb } from '$lib/server/db';
import * as socialmap from '$lib/server/socialmap';
import { requireMember } from '$lib/server/auth/guard';
import { fieldError, parseForm } from '$lib/server/form';
import { mapEntrySchema } from '$lib/schemas';
import { links } from '$lib/links';
import { m } from '$lib/paraglide/messages';

const idSchema = v.pipe(v.string(), v.regex(/^\d{1,12}$/), v.toNumber());

/** The place in the URL, for someone who may edit the map; another flat's place is a 404. */
export function entryContext(event: RequestEvent<{ flat: string; id: string }>) {
	const member = requireMember(event, 'map.edit');
	const id = v.safeParse(idSchema, event.params.id);
	if (!id.success) error(404, { message: m.error_not_found() });
	try {
		return { ...member, entry: socialmap.get(getDb(), member.flat.id, id.output) };
	} catch (e) {
		if (e instanceof socialmap.MapError) error(404, { message: m.error_not_found() });
		throw e;
	}
}

/** New place and edit share one path: validate, save, back to the map at that place. */
export async function submitEntry(event: RequestEvent, existing?: socialmap.Entry) {
	const { flat } = requireMember(event, 'map.edit');
	const form = parseForm(mapEntrySchema, await event.request.formData());
	// Only a preset row may go without a name: it has one in every language.
	const nameMissing = !existing?.preset && !form.values.name?.trim();
	if (!form.ok || nameMissing)
		return fail(400, {
			values: form.values,
			errors: {
				...(nameMissing ? fieldError('name', m.map_err_name()) : {}),
				...(form.ok ? {} : form.errors)
			}
		});
	const db = getDb();
	let id = existing?.id;
	try {
		if (id) socialmap.update(db, flat.id, id, form.data);
		else id = socialmap.create(db, flat.id, form.data).id;
	} catch (e) {
		if (!(e instanceof socialmap.MapError)) throw e;
		if (e.code === 'not_found') error(404, { message: m.error_not_found() });
		return fail(400, {
			values: form.values,
			errors: fieldError('form', m.map_err_full({ max: socialmap.MAX_ENTRIES }))
		});
	}
	redirect(303, links.map(flat.slug, { done: 'saved', entry: id }));
}
