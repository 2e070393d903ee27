/**
 * Links a notification stores: a path inside its flat (`help/12`), to which the notifications
 * page and the push put `/f/<slug>/` in front. They come from the same route patterns as the
 * page links in `$lib/links`, filled plainly, without `$app/paths`: the server writes them, also
 * when it runs outside Kit (the demo and admin scripts, the benchmarks).
 */

const FLAT_ROUTE = '/f/[flat=flat]/';

/** A help post's page. */
export const POST_ROUTE = '/f/[flat=flat]/help/[id=id]';

/** A flat's route with its parameters filled in, without the flat's own part. */
function inFlat(route: string, params: Record<string, string | number>): string {
	return route
		.slice(FLAT_ROUTE.length)
		.replace(/\[(\w+)(?:=\w+)?\]/g, (_, name: string) => String(params[name]));
}

/** A help post's path inside its flat. */
export const postInFlat = (id: number) => inFlat(POST_ROUTE, { id });

/** A date poll's page. */
export const POLL_ROUTE = '/f/[flat=flat]/calendar/poll/[id=id]';

/** A date poll's path inside its flat. */
export const pollInFlat = (id: number) => inFlat(POLL_ROUTE, { id });

/** A notice's page. */
export const NOTICE_ROUTE = '/f/[flat=flat]/notices/[id=id]';

/** A notice's path inside its flat. */
export const noticeInFlat = (id: number) => inFlat(NOTICE_ROUTE, { id });

/** The verbinders' page of requests waiting for a neighbour, inside its flat. */
export const waitingInFlat = () => 'help/waiting';

/** The notifications page's path inside its flat. */
export const notificationsInFlat = () => 'notifications';

/** The weekly summary's page inside its flat. */
export const summaryInFlat = () => 'summary';

/**
 * The page a stored link opens: `/f/<slug>/` with the link behind it (the board for none). The
 * base path is not in front: a push opens it from the service worker, which knows its scope.
 */
export const flatPath = (slug: string, link: string | null = '') =>
	`/f/${encodeURIComponent(slug)}${link ? `/${link}` : ''}`;
