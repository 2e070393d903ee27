import { getDb } from '$lib/server/db';
import * as ical from '$lib/server/calendar/ical';
import type { RequestHandler } from './$types';
import { activityContext } from '../../context';

/** One activity (with its changed and cancelled dates) as a file to add to a calendar. */
export const GET: RequestHandler = (event) => {
	const { flat, activity } = activityContext(event);
	return new Response(ical.activityIcs(getDb(), flat, activity), {
		headers: {
			'Content-Type': 'text/calendar; charset=utf-8',
			'Content-Disposition': `attachment; filename="activity-${activity.id}.ics"`,
			'Cache-Control': 'private, no-cache'
		}
	});
};
