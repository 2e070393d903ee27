import type { ParamMatcher } from '@sveltejs/kit';

/** A local date in a URL: YYYY-MM-DD. */
export const match: ParamMatcher = (param) => /^\d{4}-\d{2}-\d{2}$/.test(param);
