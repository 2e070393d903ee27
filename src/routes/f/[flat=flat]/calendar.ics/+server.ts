import { error } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import * as flats from '$lib/server/flats';
import * as ical from '$lib/server/calendar/ical';
import type { RequestHandler } from './$types';

/**
 * The flat's calendar for a phone to subscribe to. Calendar apps send no cookies, so the
 * token in the address is the only key; a wrong, old or other flat's token is a bare 404.
 */
export const GET: RequestHandler = ({ params, url }) => {
	const db = getDb();
	const token = url.searchParams.get('token');
	const flat = flats.bySlug(db, params.flat);
	if (!flat || !token || ical.memberForFeed(db, flat.id, token) === undefined) error(404);
	return new Response(ical.feed(db, flat), {
		headers: {
			'Content-Type': 'text/calendar; charset=utf-8',
			'Cache-Control': 'private, max-age=900'
		}
	});
};
