import type { ActionResult, SubmitFunction } from '@sveltejs/kit';
import { tick } from 'svelte';
import { m } from '$lib/paraglide/messages';

/**
 * For forms that log someone in: after the redirect, load the next page in full, so its
 * language and direction (set on the server from the account) apply to the whole document.
 */
export const reloadAfterLogin: SubmitFunction =
	() =>
	async ({ result, update }) => {
		if (result.type === 'redirect') window.location.assign(result.location);
		else await update();
	};

/**
 * Where a form with the page's default action posts: the page itself, without a fragment. A
 * followed error-summary link leaves one in the URL; posted along, it would carry into the
 * next page and, without script, keep the error summary from taking focus.
 */
export const ownAction = (url: URL) => url.search || '?';

type GuideOptions = {
	/** Empty the form after a success that stays on the page (Kit's default); false keeps it. */
	reset?: boolean;
	/** After a redirect, load the next page in full: see reloadAfterLogin. */
	reload?: boolean;
};

/**
 * `use:enhance` for a form that guides. Kit's answers go their usual way (a refusal's messages
 * beside their fields, a redirect followed), then the error summary takes focus. An answer
 * that is no answer of the form (refused by the server or on the way, a crash, no network)
 * would replace the page with an error page and lose what was typed: instead `refused` gets
 * a message in the user's language, to show near the button, and the form stays as it is.
 */
export function guide(
	refused: (message: string | undefined) => void,
	{ reset = true, reload = false }: GuideOptions = {}
): SubmitFunction {
	return () => {
		refused(undefined);
		return async ({ result, update, formElement }) => {
			const message = refusal(result);
			if (message) return refused(message);
			if (result.type === 'redirect' && reload) return window.location.assign(result.location);
			await update({ reset });
			if (result.type === 'failure') await showProblems(formElement);
		};
	};
}

/** The words for an answer that is not the form's own, or nothing when it is. */
export function refusal(result: ActionResult | Record<string, unknown>): string | undefined {
	// Kit's cross-site check answers with a bare { message } and 403, before any action runs.
	if (!('type' in result) || typeof result.type !== 'string') return m.form_refused_forbidden();
	if (result.type !== 'error') return undefined;
	const { status, error } = result as { status?: number; error?: unknown };
	// No status: the request never got an answer (fetch failed), or one Kit could not read
	// (a proxy's own page, which is no JSON).
	if (status === undefined)
		return error instanceof SyntaxError ? m.form_refused_server() : m.pwa_form_offline();
	if (status === 403) return m.form_refused_forbidden();
	if (status === 413) return m.form_refused_too_big();
	if (status === 429) return m.form_refused_too_many();
	// Gone (a post removed meanwhile): the error page says so better than a line here.
	if (status === 404) return undefined;
	return m.form_refused_server();
}

/** After a refusal: the error summary in focus (and so in view), or else the form's message in view. */
async function showProblems(form: HTMLFormElement) {
	await tick();
	const summary = form.querySelector<HTMLElement>('[data-error-summary]');
	if (summary) summary.focus();
	else form.querySelector('.notice.error')?.scrollIntoView({ block: 'nearest' });
}
