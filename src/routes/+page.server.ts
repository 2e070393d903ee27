import { redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import * as admin from '$lib/server/admin';
import * as members from '$lib/server/members';
import { links } from '$lib/links';
import type { PageServerLoad } from './$types';

/** `/` takes you where you belong: setup on first run, your flat, a chooser, or the front door. */
export const load: PageServerLoad = ({ locals }) => {
	const db = getDb();
	if (admin.setupOpen(db)) redirect(303, links.setup());
	if (!locals.user) return { flats: [] };
	const mine = members.flatsOf(db, locals.user.id);
	if (mine.length === 1) redirect(303, links.flat(mine[0]!.slug));
	if (mine.length === 0 && locals.user.isAdmin) redirect(303, links.admin());
	return { flats: mine };
};
