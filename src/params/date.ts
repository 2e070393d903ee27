import type { ParamMatcher } from '@sveltejs/kit';

/** A real local date in a URL: YYYY-MM-DD (no 30 February), this century or the next. */
export const match: ParamMatcher = (param) =>
	/^(20|21)\d{2}-\d{2}-\d{2}$/.test(param) &&
	new Date(`${param}T00:00:00Z`).toISOString().slice(0, 10) === param;
