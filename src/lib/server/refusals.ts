import { m } from '$lib/paraglide/messages';
import type { Concept, DomainError } from './errors';
import { MAX_ENTRIES } from './socialmap';
import { MAX_SUGGESTIONS_PER_DAY, MAX_SUGGESTIONS_PER_POST } from './help';

/**
 * How a refusal reaches the person: its status, the words, and the field they stand beside
 * (none: above the form). `404` answers with the not-found page instead, like a page that is
 * not there, so nobody learns what exists in a flat they cannot see.
 */
export type Refusal = {
	status: 400 | 403 | 404 | 409;
	message: (e: DomainError) => string;
	field?: string;
};

const notFound: Refusal = { status: 404, message: () => m.error_not_found() };
const invalid: Refusal = { status: 400, message: () => m.err_invalid() };

/**
 * Every domain refusal's answer, one row per concept and code, as the role matrix is one
 * table of permissions. A code a concept throws but this table lacks answers `invalid`
 * (400), and not_found/not_allowed answer 404/403 for every concept. An action that needs
 * other words for a code (the join page names the person) passes its own row to `action()`.
 */
export const REFUSALS: { [C in Concept]?: Record<string, Refusal> } = {
	help: {
		not_allowed: { status: 403, message: () => m.help_err_not_allowed() },
		already: { status: 400, message: () => m.help_err_already() },
		own_post: { status: 400, message: () => m.help_err_own() },
		once: { status: 400, message: () => m.help_err_once() },
		wrong_state: { status: 400, message: () => m.help_err_state() },
		category: {
			status: 400,
			field: 'category',
			message: () => m.lost_err_category({ example: m.lost_cat_keys() })
		},
		suggested: { status: 400, message: () => m.suggest_err_suggested() },
		full: {
			status: 400,
			message: () => m.suggest_err_full({ max: MAX_SUGGESTIONS_PER_POST })
		},
		too_many: {
			status: 400,
			message: () => m.suggest_err_too_many({ max: MAX_SUGGESTIONS_PER_DAY })
		},
		not_candidate: { status: 400, message: () => m.suggest_err_not_candidate() }
	},
	calendar: {
		not_allowed: { status: 403, message: () => m.cal_err_not_allowed() },
		past: { status: 400, message: () => m.cal_err_past() },
		cancelled: { status: 400, message: () => m.cal_err_cancelled() },
		full: { status: 400, message: () => m.cal_err_full() },
		wrong_state: { status: 400, message: () => m.cal_err_state() },
		poll_options: { status: 400, field: 'date1', message: () => m.poll_err_count() },
		poll_closed: { status: 409, message: () => m.poll_err_closed() }
	},
	members: {
		not_found: { status: 400, message: () => m.members_not_found() },
		last_verbinder: { status: 400, message: () => m.members_last_verbinder() },
		name_taken: { status: 400, field: 'name', message: () => m.join_name_taken() },
		admin: { status: 400, field: 'form', message: () => m.join_admin_apart() }
	},
	flats: {
		slug_taken: { status: 400, field: 'slug', message: () => m.err_slug_taken() }
	},
	keys: {
		not_found: { status: 400, message: () => m.keys_not_found() },
		self: { status: 400, message: () => m.keys_not_found() },
		not_member: { status: 400, message: () => m.keys_not_found() }
	},
	moderation: {
		not_found: { status: 400, message: () => m.help_err_state() },
		self: { status: 400, message: () => m.help_err_state() },
		wrong_state: { status: 400, message: () => m.help_err_state() }
	},
	socialmap: {
		preset: { status: 400, message: () => m.map_err_preset() },
		full: { status: 400, field: 'form', message: () => m.map_err_full({ max: MAX_ENTRIES }) },
		name: { status: 400, field: 'name', message: () => m.map_err_name() }
	},
	notices: {
		not_allowed: { status: 403, message: () => m.notice_err_not_allowed() },
		past: { status: 400, field: 'validFrom', message: () => m.err_date_past() },
		order: { status: 400, field: 'validUntil', message: () => m.err_end_date() },
		too_long: { status: 400, field: 'validUntil', message: () => m.notice_err_too_long() },
		texts: { status: 400, field: 'title_nl', message: () => m.notice_err_texts() }
	},
	setup: {
		setup_done: notFound
	}
};

/** The answer for one refusal: the action's own row, else the concept's, else the default. */
export function refusalFor(e: DomainError, own: Record<string, Refusal> = {}): Refusal {
	const row = own[e.code] ?? REFUSALS[e.concept]?.[e.code];
	if (row) return row;
	if (e.code === 'not_found') return notFound;
	if (e.code === 'not_allowed') return { status: 403, message: () => m.error_forbidden() };
	return invalid;
}
