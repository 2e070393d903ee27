import { error, json } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import * as push from '$lib/server/push';
import type { RequestHandler } from './$types';

/**
 * The browser hands in its push subscription after the person allowed notifications. A JSON
 * body: a cross-site page cannot send one without a preflight, which this never allows.
 */
export const POST: RequestHandler = async (event) => {
	const user = event.locals.user ?? error(401);
	if (!event.request.headers.get('content-type')?.startsWith('application/json')) error(415);
	const body = (await event.request.json().catch(() => null)) as push.SubscriptionInput | null;
	try {
		const { id } = push.subscribe(
			getDb(),
			user.id,
			body as push.SubscriptionInput,
			push.deviceLabel(event.request.headers.get('user-agent'))
		);
		return json({ id }, { status: 201 });
	} catch (e) {
		// A subscription no browser would send is refused; anything else is a bug.
		if (e instanceof push.PushError) error(400, e.code);
		throw e;
	}
};

/** The browser turned pushes off on this device. */
export const DELETE: RequestHandler = async (event) => {
	const user = event.locals.user ?? error(401);
	const body = (await event.request.json().catch(() => null)) as { endpoint?: unknown } | null;
	if (typeof body?.endpoint !== 'string') error(400);
	push.unsubscribe(getDb(), user.id, body.endpoint);
	return new Response(null, { status: 204 });
};
