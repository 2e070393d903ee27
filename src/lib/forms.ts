import type { SubmitFunction } from '@sveltejs/kit';

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
