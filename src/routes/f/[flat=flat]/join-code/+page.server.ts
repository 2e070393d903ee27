import { fail } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import * as flats from '$lib/server/flats';
import { requireMember } from '$lib/server/auth/guard';
import { qrSvg } from '$lib/server/flats/qr';
import { parseForm } from '$lib/server/form';
import { joinModeSchema } from '$lib/schemas';
import { links } from '$lib/links';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { flat } = requireMember(event, 'joinCode.view');
	const code = flats.joinCode.format(flat.joinCode);
	const url = new URL(links.join(code), event.url.origin).href;
	return {
		code,
		url,
		qr: await qrSvg(url),
		joinMode: flat.joinMode,
		short: flats.joinCode.isShort(flat.joinCode)
	};
};

export const actions: Actions = {
	/** A new code: the old poster and letters stop working (after a leak, or a move). */
	rotate: (event) => {
		const { flat } = requireMember(event, 'joinCode.rotate');
		flats.rotateJoinCode(getDb(), flat.id);
		return { rotated: true };
	},

	joinMode: async (event) => {
		const { flat } = requireMember(event, 'flat.joinMode');
		const form = parseForm(joinModeSchema, await event.request.formData());
		if (!form.ok) return fail(400, { joinModeError: form.errors.joinMode });
		flats.setJoinMode(getDb(), flat.id, form.data.joinMode);
		return { joinModeSaved: true };
	}
};
