import { isActionFailure, isHttpError, isRedirect, type RequestEvent } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import * as admin from '$lib/server/admin';
import * as members from '$lib/server/members';
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

/** A signed-in neighbour as `locals`, so an action runs as that member without a session. */
export const memberLocals = (id: number) => ({
	user: { id, name: 'x', locale: 'nl', isAdmin: false }
});

/** Another address each call, so no per-address limit carries over from one post to the next. */
export const anyAddress = () => `198.51.100.${Math.floor(Math.random() * 250)}`;

/** A post to any route's action (`never` fits each), as member id, visitor (null) or locals. */
export function actionEvent(
	url: string,
	who: number | null | Partial<App.Locals>,
	params: Record<string, string>,
	form: Record<string, string> = {},
	address?: string
): never {
	const locals = typeof who === 'number' ? memberLocals(who) : (who ?? {});
	const { event } = routeEvent(url, { form, locals, address });
	(event as { params: Record<string, string> }).params = params;
	return event as never;
}

/** An action's answer, thrown or returned, as one plain object to compare; failure: status+data. */
export async function answer(run: () => unknown) {
	try {
		const done = await run();
		return isActionFailure(done)
			? { status: done.status, ...(done.data as unknown as object) }
			: done;
	} catch (e) {
		if (isRedirect(e)) return { redirect: e.status, location: e.location };
		if (isHttpError(e)) return { error: e.status };
		throw e;
	}
}

/** A flat whose neighbours exist on the app's database (fixtures' is in memory): ids by name. */
export async function appFlatWithNeighbours<Name extends string>(
	names: readonly Name[],
	options: { slug?: string; verbinder?: Name; password?: string } = {}
) {
	const db = getDb();
	const slug = options.slug ?? `horst-${Math.random().toString(36).slice(2, 8)}`;
	const flat = newFlat('De Horst', slug);
	const joined = {
		houseNumber: null,
		password: options.password ?? 'wachtwoord',
		locale: 'nl' as const
	};
	const join = async (name: string, to = flat) =>
		(await members.join(db, { ...joined, flat: to, name })).userId;
	const ids = {} as Record<Name, number>;
	for (const name of names) ids[name] = await join(name);
	const membership = (userId: number) => members.membership(db, flat.id, userId)!.id;
	if (options.verbinder)
		members.setRole(db, flat.id, membership(ids[options.verbinder]), 'verbinder');
	/** A member's membership id in this flat, as a form sends it. */
	const membershipId = (userId: number) => String(membership(userId));
	return { db, flat, slug, ids, join, membershipId };
}
