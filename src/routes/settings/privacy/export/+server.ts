import { getDb } from '$lib/server/db';
import * as privacy from '$lib/server/privacy';
import { requireUser } from '$lib/server/auth/guard';
import type { RequestHandler } from './$types';

/** Everything kept about the logged-in person, as one JSON file to save. */
export const GET: RequestHandler = (event) => {
	const user = requireUser(event);
	const data = privacy.exportData(getDb(), user.id);
	const file = privacy.exportFileName(data.profile.name);
	return new Response(JSON.stringify(data, null, 2) + '\n', {
		headers: {
			'content-type': 'application/json; charset=utf-8',
			'content-disposition': `attachment; filename="${file.ascii}"; filename*=UTF-8''${encodeURIComponent(file.utf8)}`,
			// Messages and names: no browser or proxy keeps a copy.
			'cache-control': 'no-store'
		}
	});
};
