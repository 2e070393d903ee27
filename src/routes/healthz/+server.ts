import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/db';

const headers = { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' };

/**
 * For a process manager or a monitor: 200 `ok` when the database answers, 503 when it does
 * not. It says nothing else (no version, no counts) and needs no session.
 */
export const GET: RequestHandler = () => {
	try {
		getDb().$client.prepare('select 1').get();
		return new Response('ok', { headers });
	} catch {
		return new Response('unavailable', { status: 503, headers });
	}
};
