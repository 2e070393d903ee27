import { error, redirect, type RequestEvent } from '@sveltejs/kit';
import { and, eq, sql } from 'drizzle-orm';
import { getDb, prepared } from '../db';
import { flats, memberships, type Flat, type Membership } from '../db/schema';
import { links } from '../../links';
import { can, type Permission } from './roles';
import type { SessionUser } from './session';

type Event = Pick<RequestEvent, 'locals' | 'params' | 'url'> & {
	request?: Pick<Request, 'method'>;
};

/** The logged-in user, or off to the login page and back here afterwards. */
export function requireUser(event: Event): SessionUser {
	const user = event.locals.user;
	if (!user) redirect(303, links.login(event.url.pathname + event.url.search));
	return user;
}

/** The instance admin, or off to the admin login. Nothing inside a flat is the admin's. */
export function requireAdmin(event: Event): SessionUser {
	const user = event.locals.user;
	if (!user) redirect(303, links.adminLogin());
	if (!user.isAdmin) error(404);
	return user;
}

export type MemberContext = { user: SessionUser; flat: Flat; membership: Membership };

/**
 * The flat and membership a page view already looked up, per request (its `locals`): the
 * layout and the page both ask. Only for reading: after a form action, a load in the same
 * request must see what the action changed.
 */
const looked = new WeakMap<App.Locals, { slug: string; flat?: Flat; membership?: Membership }>();

/**
 * The flat by its slug and the user's membership of it, in one statement. Read straight from
 * the tables rather than through flats and members: every request under /f/ runs this guard,
 * and those modules would load the notifications and push code with it.
 */
const flatAndMembership = prepared((db) =>
	db
		.select({ flat: flats, membership: memberships })
		.from(flats)
		.leftJoin(
			memberships,
			and(eq(memberships.flatId, flats.id), eq(memberships.userId, sql.placeholder('userId')))
		)
		.where(eq(flats.slug, sql.placeholder('slug')))
		.prepare()
);

function lookUp(event: Event, slug: string, userId: number) {
	const reading = event.request?.method === 'GET' || event.request?.method === 'HEAD';
	const known = reading ? looked.get(event.locals) : undefined;
	if (known?.slug === slug) return known;
	const row = flatAndMembership(getDb()).get({ slug, userId });
	const found = { slug, flat: row?.flat, membership: row?.membership ?? undefined };
	if (reading) looked.set(event.locals, found);
	return found;
}

/**
 * The one guard for everything under /f/[flat]: the user must be a member of the flat in
 * the URL, and their role must allow `permission`. A flat you are not in answers 404, not
 * 403, so nobody learns which flats exist. A neighbour still waiting for approval only sees
 * the waiting page (`allowPending`).
 */
export function requireMember(
	event: Event,
	permission: Permission = 'flat.view',
	options: { allowPending?: boolean } = {}
): MemberContext {
	const user = requireUser(event);
	const slug = event.params.flat;
	const { flat, membership } = slug ? lookUp(event, slug, user.id) : {};
	if (!flat || !membership) error(404);
	if (membership.status === 'pending') {
		if (options.allowPending) return { user, flat, membership };
		redirect(303, links.flat(flat.slug, 'waiting'));
	}
	if (!can(membership.role, permission)) error(403);
	return { user, flat, membership };
}
