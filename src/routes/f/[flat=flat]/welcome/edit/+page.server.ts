import { fail } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import * as welcome from '$lib/server/welcome';
import { requireMember } from '$lib/server/auth/guard';
import { action } from '$lib/server/action';
import { parseForm } from '$lib/server/form';
import { welcomeTextSchema } from '$lib/schemas/welcome';
import { WELCOME_TEXT_MAX } from '$lib/welcome';
import { baseLocale, isLocale } from '$lib/paraglide/runtime';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

export const load: PageServerLoad = (event) => {
	const { flat } = requireMember(event, 'welcome.edit');
	const db = getDb();
	const asked = event.url.searchParams.get('lang');
	const lang = isLocale(asked) ? asked : baseLocale;
	return {
		lang,
		body: welcome.source(db, flat.id, lang),
		written: welcome.languages(db, flat.id)
	};
};

/**
 * The submitted text. The whole text goes back to the form, not the first 2000 characters
 * the generic refill keeps: a long letter must never be lost to a typo in it.
 */
async function read(event: RequestEvent) {
	const data = await event.request.formData();
	const form = parseForm(welcomeTextSchema, data);
	const body = data.get('body');
	const values: Record<string, string> = {
		...form.values,
		body: typeof body === 'string' ? body.slice(0, 2 * WELCOME_TEXT_MAX) : ''
	};
	return { form, values };
}

const editor = (event: RequestEvent) => requireMember(event, 'welcome.edit');

/*
 * These two read their own form: a refused text comes back whole (see `read`), which the
 * generic parse in action() does not do.
 */
export const actions: Actions = {
	save: action({
		name: 'save',
		guard: editor,
		run: async ({ user, flat }, _, event) => {
			const { form, values } = await read(event);
			if (!form.ok) return fail(400, { action: 'save', values, errors: form.errors });
			return { result: welcome.save(getDb(), flat.id, user.id, form.data.locale, form.data.body) };
		}
	}),

	/** Shows the text as neighbours will see it, without saving it. */
	preview: action({
		name: 'preview',
		guard: editor,
		run: async (_, __, event) => {
			const { form, values } = await read(event);
			if (!form.ok) return fail(400, { action: 'preview', values, errors: form.errors });
			return { values, preview: welcome.renderMarkdown(form.data.body) };
		}
	})
};
