import { fail } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import * as loginCode from '$lib/server/auth/login-code';
import * as members from '$lib/server/members';
import * as admin from '$lib/server/admin';
import { requireMember } from '$lib/server/auth/guard';
import { parseForm } from '$lib/server/form';
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

function failure(action: string, e: unknown) {
	if (e instanceof members.MemberError) {
		const message =
			e.code === 'last_verbinder' ? m.members_last_verbinder() : m.members_not_found();
		return fail(400, { action, message });
	}
	throw e;
}

/** Runs one change to one membership of this flat, for a verbinder. */
async function change(
	event: RequestEvent,
	action: string,
	run: (flatId: number, membershipId: number) => void
) {
	const { flat } = requireMember(event, 'members.manage');
	const form = parseForm(membershipIdSchema, await event.request.formData());
	if (!form.ok) return fail(400, { action, message: m.members_not_found() });
	try {
		run(flat.id, form.data.membershipId);
	} catch (e) {
		return failure(action, e);
	}
	return { action, done: true };
}

export const actions: Actions = {
	approve: (event) => change(event, 'approve', (f, id) => members.approve(getDb(), f, id)),
	refuse: (event) => change(event, 'refuse', (f, id) => members.remove(getDb(), f, id)),
	remove: (event) => change(event, 'remove', (f, id) => members.remove(getDb(), f, id)),

	role: async (event) => {
		const { flat } = requireMember(event, 'members.manage');
		const form = parseForm(roleSchema, await event.request.formData());
		if (!form.ok) return fail(400, { action: 'role', message: m.members_not_found() });
		try {
			members.setRole(getDb(), flat.id, form.data.membershipId, form.data.role);
		} catch (e) {
			return failure('role', e);
		}
		return { action: 'role', done: true };
	},

	/**
	 * A one-time login code for a neighbour who forgot their password: only for an active
	 * member whose account is in this flat alone (login-code.ts says why).
	 */
	loginCode: async (event) => {
		const { flat } = requireMember(event, 'loginCode.issue');
		const form = parseForm(membershipIdSchema, await event.request.formData());
		if (!form.ok) return fail(400, { action: 'loginCode', message: m.members_not_found() });
		const db = getDb();
		const target = members.list(db, flat.id).find((x) => x.id === form.data.membershipId);
		if (!target) return fail(400, { action: 'loginCode', message: m.members_not_found() });
		try {
			const code = loginCode.issue(db, { userId: target.userId, flatId: flat.id });
			return { action: 'loginCode', issued: { name: target.name, code, membershipId: target.id } };
		} catch (e) {
			if (!(e instanceof loginCode.LoginCodeError)) throw e;
			const message =
				e.code === 'pending'
					? m.members_code_pending({ name: target.name })
					: e.code === 'not_found'
						? m.members_not_found()
						: m.members_code_elsewhere({ name: target.name });
			return fail(400, { action: 'loginCode', message });
		}
	}
};
