import type { RequestEvent } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import * as admin from '$lib/server/admin';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * For unit tests of a route's load or action: the request as the route reads it, with the real
 * database file (call `useTempData` before the first `getDb()`).
 */
export function routeEvent(
	url: string,
	options: {
		form?: Record<string, string>;
		locals?: Partial<App.Locals>;
		cookies?: Record<string, string>;
		address?: string;
	} = {}
) {
	const full = new URL(url, 'http://localhost');
	const body = new FormData();
	for (const [key, value] of Object.entries(options.form ?? {})) body.set(key, value);
	const jar = new Map(Object.entries(options.cookies ?? {}));
	const event = {
		url: full,
		params: {},
		route: { id: null },
		request: options.form
			? new Request(full, { method: 'POST', body, headers: { origin: full.origin } })
			: new Request(full),
		locals: { user: null, session: null, ...options.locals },
		cookies: {
			get: (name: string) => jar.get(name),
			getAll: () => [...jar].map(([name, value]) => ({ name, value })),
			set: (name: string, value: string) => void jar.set(name, value),
			delete: (name: string) => void jar.delete(name),
			serialize: () => ''
		},
		getClientAddress: () => options.address ?? '203.0.113.7',
		setHeaders: () => {},
		isDataRequest: false,
		isSubRequest: false
	};
	return { event: event as unknown as RequestEvent, jar };
}

/** Points the app's database at a fresh directory, as a new installation would have. */
export function useTempData(): string {
	const dir = mkdtempSync(path.join(tmpdir(), 'burenbord-unit-'));
	process.env.DATA_DIR = dir;
	return dir;
}

/** A flat on the app's database, made as the administrator makes one. */
export function newFlat(name: string, slug: string) {
	return admin.createFlat(getDb(), { name, slug, timeZone: 'Europe/Amsterdam', joinMode: 'open' });
}
