import {
	error,
	fail,
	isActionFailure,
	isRedirect,
	type ActionFailure,
	type RequestEvent
} from '@sveltejs/kit';
import type * as v from 'valibot';
import { m } from '$lib/paraglide/messages';
import type { WriteLimit } from './auth/rate-limit';
import { DomainError } from './errors';
import { keep, parseForm } from './form';
import { refusalFor, type Refusal } from './refusals';

/** What a failed action gives its form back: enough to show it again without JavaScript. */
export type Failed = {
	action: string;
	values?: Record<string, string>;
	errors?: Record<string, string>;
	message?: string;
};

type Output<S> = S extends v.GenericSchema ? v.InferOutput<S> : undefined;

export type ActionSpec<E extends RequestEvent, C, S extends v.GenericSchema | undefined, R> = {
	/** The action's name, given back so the page knows which form answered. */
	name: string;
	/**
	 * Who may: the one guard (`requireMember(event, permission)`) or a context built on it; it
	 * may wait (a join code is looked up behind its rate limit).
	 */
	guard: (event: E) => C | Promise<C>;
	/** The form's schema; none for a button without fields. */
	schema?: S;
	/** Fields that may come more than once (a group of checkboxes): read as a list. */
	lists?: string[];
	/** A writing limit, asked before the verb and counted only when it went through. */
	limit?: WriteLimit;
	/** This action's own words for some refusals (it names a person, or points at a field). */
	refusals?: Record<string, Refusal>;
	/**
	 * The one domain verb. What it returns is merged into the answer; it may redirect. It returns
	 * a `fail()` itself only for a check the domain cannot make (a password typed twice).
	 */
	run: (ctx: C, data: Output<S>, event: E) => R;
};

type Done<R> = { action: string; done: true } & (R extends object ? R : object);

/**
 * Every route action in one shape, as the welcome page's actions read: guard → parse → one
 * domain verb → result. A refusal of the domain (a `DomainError`) becomes `fail()` here, and
 * nowhere else, with the typed values kept so nothing is lost; a 404 refusal answers as a page
 * that is not there. Anything else thrown is a bug and stays a 500.
 */
export function action<E extends RequestEvent, C, S extends v.GenericSchema | undefined, R>(
	spec: ActionSpec<E, C, S, R>
) {
	return async (event: E): Promise<Done<Awaited<R>> | ActionFailure<Failed>> => {
		const name = spec.name;
		const ctx = await spec.guard(event);
		const body = spec.schema ? await event.request.formData() : null;
		// After the last await, so no other request writes between this check and the count.
		const minutes = spec.limit?.wait(event);
		if (minutes)
			return fail(429, {
				action: name,
				values: body ? keep(body) : undefined,
				message: m.rate_limited_writing({ minutes })
			});
		let data = undefined as Output<S>;
		let values: Record<string, string> | undefined;
		if (spec.schema && body) {
			const form = parseForm(spec.schema, body, spec.lists);
			if (!form.ok) return fail(400, { action: name, values: form.values, errors: form.errors });
			data = form.data as Output<S>;
			values = form.values;
		}
		let result: Awaited<R>;
		try {
			result = await spec.run(ctx, data, event);
		} catch (e) {
			// A verb that went through and sends the person on (to the new post) wrote too.
			if (isRedirect(e)) spec.limit?.count(event);
			if (!(e instanceof DomainError)) throw e;
			return refuse(name, e, values, spec.refusals);
		}
		if (isActionFailure(result)) return result as ActionFailure<Failed>;
		spec.limit?.count(event);
		return { action: name, done: true, ...(result ?? {}) } as Done<Awaited<R>>;
	};
}

/** The one place a domain refusal becomes an answer. */
export function refuse(
	action: string,
	e: DomainError,
	values?: Record<string, string>,
	own?: Record<string, Refusal>
): ActionFailure<Failed> {
	const refusal = refusalFor(e, own);
	if (refusal.status === 404) error(404, { message: m.error_not_found() });
	const message = refusal.message(e);
	return fail(
		refusal.status,
		refusal.field
			? { action, values, errors: { [refusal.field]: message } }
			: { action, values, message }
	);
}
