import type { ParamMatcher } from '@sveltejs/kit';

/** A flat's slug: lower-case letters, digits and single dashes. */
export const match: ParamMatcher = (param) => /^[a-z0-9](?:-?[a-z0-9])+$/.test(param);
