import { getDb } from '$lib/server/db';
import * as flats from '$lib/server/flats';
import { requireMember } from '$lib/server/auth/guard';
import { qrSvg } from '$lib/server/flats/qr';
import { action } from '$lib/server/action';
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
	rotate: action({
		name: 'rotate',
		guard: (event) => requireMember(event, 'joinCode.rotate'),
		run: ({ flat }) => {
			flats.rotateJoinCode(getDb(), flat.id);
			return { rotated: true };
		}
	}),

	joinMode: action({
		name: 'joinMode',
		guard: (event) => requireMember(event, 'flat.joinMode'),
		schema: joinModeSchema,
		run: ({ flat }, { joinMode }) => {
			flats.setJoinMode(getDb(), flat.id, joinMode);
			return { joinModeSaved: true };
		}
	})
};
