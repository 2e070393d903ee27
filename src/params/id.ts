import type { ParamMatcher } from '@sveltejs/kit';

/**
 * A row id in a URL: 1 to 12 digits, so a route never reads a number SQLite cannot hold and
 * anything else is a 404 before a load runs. Read it with `Number(params.id)`.
 */
export const match: ParamMatcher = (param) => /^[1-9]\d{0,11}$/.test(param);
