import { error, fail, type RequestEvent } from '@sveltejs/kit';
import * as v from 'valibot';
import { getDb } from '$lib/server/db';
import * as help from '$lib/server/help';
import * as moderation from '$lib/server/moderation';
import { requireMember } from '$lib/server/auth/guard';
import { writing, type WriteLimit } from '$lib/server/auth/rate-limit';
import { parseForm } from '$lib/server/form';
import {
	messageSchema,
	reportSchema,
	respondSchema,
	responseIdSchema,
	thanksSchema
} from '$lib/schemas';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';

const idSchema = v.pipe(v.string(), v.regex(/^\d{1,12}$/), v.toNumber());

/** The post in the URL, for a member who may see help posts; anything else is a 404. */
function context(event: RequestEvent<{ flat: string; id: string }>) {
	const member = requireMember(event, 'help.view');
	const id = v.safeParse(idSchema, event.params.id);
	if (!id.success) error(404, { message: m.error_not_found() });
	return { ...member, postId: id.output };
}

export const load: PageServerLoad = (event) => {
	const { flat, user, postId } = context(event);
	try {
		return { ...help.view(getDb(), flat.id, postId, user.id), timeZone: flat.timeZone };
	} catch (e) {
		if (e instanceof help.HelpError) error(404, { message: m.error_not_found() });
		throw e;
	}
};

/**
 * The message for a step that is not this member's to take (a 403, like every refusal), or
 * that no longer fits: someone else was quicker, or it was done.
 */
function refused(action: string, e: unknown) {
	if (!(e instanceof help.HelpError)) throw e;
	if (e.code === 'not_found') error(404, { message: m.error_not_found() });
	if (e.code === 'not_allowed') return fail(403, { action, message: m.help_err_not_allowed() });
	const message =
		e.code === 'already'
			? m.help_err_already()
			: e.code === 'own_post'
				? m.help_err_own()
				: e.code === 'once'
					? m.help_err_once()
					: m.help_err_state();
	return fail(400, { action, message });
}

/**
 * Runs one step of the loop for the member in the URL's flat. A step that writes text is held
 * to its writing limit, which counts it only once it went through.
 */
async function step<S extends v.GenericSchema>(
	event: RequestEvent<{ flat: string; id: string }>,
	action: string,
	schema: S | null,
	run: (ctx: ReturnType<typeof context>, data: v.InferOutput<S>) => void,
	limit?: WriteLimit
) {
	const ctx = context(event);
	const body = schema ? await event.request.formData() : null;
	// After the last await, so no other request writes between this check and the count.
	const minutes = limit?.wait(event);
	if (minutes) return fail(429, { action, message: m.rate_limited_writing({ minutes }) });
	let data = undefined as v.InferOutput<S>;
	if (schema && body) {
		const form = parseForm(schema, body);
		if (!form.ok) return fail(400, { action, values: form.values, errors: form.errors });
		data = form.data;
	}
	try {
		run(ctx, data);
	} catch (e) {
		return refused(action, e);
	}
	limit?.count(event);
	return { action, done: true as const };
}

export const actions: Actions = {
	respond: (event) =>
		step(
			event,
			'respond',
			respondSchema,
			(c, d) => help.respond(getDb(), c.flat.id, c.postId, c.user.id, d.message),
			writing.respond
		),
	accept: (event) =>
		step(event, 'accept', responseIdSchema, (c, d) =>
			help.accept(getDb(), c.flat.id, c.postId, c.user.id, d.responseId)
		),
	message: (event) =>
		step(
			event,
			'message',
			messageSchema,
			(c, d) => help.message(getDb(), c.flat.id, c.postId, c.user.id, d.body),
			writing.message
		),
	done: (event) =>
		step(event, 'done', null, (c) => help.markDone(getDb(), c.flat.id, c.postId, c.user.id)),
	confirm: (event) =>
		step(event, 'confirm', null, (c) => help.confirmDone(getDb(), c.flat.id, c.postId, c.user.id)),
	thank: (event) =>
		step(event, 'thank', thanksSchema, (c, d) =>
			help.thank(getDb(), c.flat.id, c.postId, c.user.id, d.note)
		),
	withdraw: (event) =>
		step(event, 'withdraw', null, (c) => help.withdraw(getDb(), c.flat.id, c.postId, c.user.id)),
	extend: (event) =>
		step(event, 'extend', null, (c) => help.extend(getDb(), c.flat.id, c.postId, c.user.id)),

	/** Report the post, or one message of the thread the reporter takes part in. */
	report: (event) =>
		step(event, 'report', reportSchema, (c, d) => {
			const db = getDb();
			const seen = help.view(db, c.flat.id, c.postId, c.user.id);
			if (d.messageId && !seen.messages.some((msg) => msg.id === d.messageId))
				throw new help.HelpError('not_found');
			moderation.report(
				db,
				c.flat.id,
				c.user.id,
				d.messageId ? { messageId: d.messageId } : { postId: c.postId },
				d.reason
			);
		}),

	block: (event) =>
		step(event, 'block', null, (c) => {
			const db = getDb();
			const seen = help.view(db, c.flat.id, c.postId, c.user.id);
			const authorId = help.authorOf(db, c.flat.id, c.postId);
			if (!seen.canBlock || !authorId) throw new help.HelpError('not_allowed');
			moderation.block(db, c.flat.id, c.user.id, authorId);
		})
};
