import { getDb } from '$lib/server/db';
import * as account from '$lib/server/account';
import * as members from '$lib/server/members';
import * as admin from '$lib/server/admin';
import type { LoginCodeError } from '$lib/server/auth/login-code';
import { action } from '$lib/server/action';
import { requireMember } from '$lib/server/auth/guard';
import type { Refusal } from '$lib/server/refusals';
import { membershipIdSchema, roleSchema } from '$lib/schemas';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

export const load: PageServerLoad = (event) => {
	const { flat, user } = requireMember(event, 'members.view');
	const db = getDb();
	return {
		members: members.list(db, flat.id),
		me: user.id,
		timeZone: flat.timeZone,
		adminLog: admin.log.forFlat(db, flat.id)
	};
};

/** The verbinder's page names the neighbour a login code is not this flat's to give. */
const person = (e: unknown) => (e as LoginCodeError).person;
const codeRefusals: Record<string, Refusal> = {
	not_found: { status: 400, message: () => m.members_not_found() },
	pending: { status: 400, message: (e) => m.members_code_pending({ name: person(e) }) },
	elsewhere: { status: 400, message: (e) => m.members_code_elsewhere({ name: person(e) }) },
	admin: { status: 400, message: (e) => m.members_code_elsewhere({ name: person(e) }) }
};

const manage = (event: RequestEvent) => requireMember(event, 'members.manage');

export const actions: Actions = {
	approve: action({
		name: 'approve',
		guard: manage,
		schema: membershipIdSchema,
		run: ({ flat }, { membershipId }) => members.approve(getDb(), flat.id, membershipId)
	}),

	/** Refusing a waiting neighbour ends their request, and their account when it has no flat. */
	refuse: action({
		name: 'refuse',
		guard: manage,
		schema: membershipIdSchema,
		run: ({ flat }, { membershipId }) => account.removeMember(getDb(), flat.id, membershipId)
	}),

	remove: action({
		name: 'remove',
		guard: manage,
		schema: membershipIdSchema,
		run: ({ flat }, { membershipId }) => account.removeMember(getDb(), flat.id, membershipId)
	}),

	role: action({
		name: 'role',
		guard: manage,
		schema: roleSchema,
		run: ({ flat }, { membershipId, role }) => members.setRole(getDb(), flat.id, membershipId, role)
	}),

	/**
	 * A one-time login code for a neighbour who forgot their password: only for an active
	 * member whose account is in this flat alone (login-code.ts says why).
	 */
	loginCode: action({
		name: 'loginCode',
		guard: (event) => requireMember(event, 'loginCode.issue'),
		schema: membershipIdSchema,
		refusals: codeRefusals,
		run: ({ flat }, { membershipId }) => ({
			issued: members.issueLoginCode(getDb(), flat.id, membershipId)
		})
	})
};
