import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

const ROUTES_ROOT = path.resolve('src/routes');
const FLAT_DIR = path.join('f', '[flat=flat]');

export type Route = {
	/** The route as its folders name it, e.g. `/help/[id=id]`: the same whatever the samples. */
	route: string;
	/** The route with its parameters filled in. */
	path: string;
	actions: string[];
};

export type FlatRoute = Route;

/**
 * Parameter values: by name (`id`), or for one route folder by its route (`/help/[id=id]`),
 * which wins, since the `id` of a help post is not the `id` of an activity.
 */
export type Samples = Record<string, string>;

/** Every page below `root`, read from the folders themselves, with its form actions. */
function walk(root: string, samples: Samples, skip: string[] = []): Route[] {
	const found: Route[] = [];
	const visit = (dir: string, route: string, filled: string) => {
		const entries = readdirSync(dir);
		// A page without markup still counts: /logout and /language are only actions.
		if (entries.includes('+page.svelte') || entries.includes('+page.server.ts')) {
			const server = path.join(dir, '+page.server.ts');
			const source = existsSync(server) ? readFileSync(server, 'utf8') : '';
			const block = source.split('export const actions')[1] ?? '';
			const actions = [...block.matchAll(/^\t(\w+): /gm)].map((m) => m[1]!);
			found.push({ route, path: filled, actions });
		}
		for (const entry of entries) {
			const full = path.join(dir, entry);
			if (!statSync(full).isDirectory() || skip.includes(path.relative(root, full))) continue;
			if (/^\(.+\)$/.test(entry)) {
				// A layout group adds nothing to the address.
				visit(full, route, filled);
				continue;
			}
			const param = entry.match(/^\[(\w+)(=\w+)?\]$/)?.[1];
			if (!param && entry.includes('['))
				throw new Error(`no support for the route folder ${entry}`);
			const next = `${route}/${entry}`;
			const value = param ? (samples[next] ?? samples[param]) : entry;
			if (value === undefined) throw new Error(`no sample value for ${next}`);
			visit(full, next, `${filled}/${value}`);
		}
	};
	visit(root, '', '');
	return found;
}

/**
 * Every page under /f/[flat] with its form actions, read from the route tree itself (route
 * parameters filled in from `samples`, else a default), so a new page or action is covered
 * by the isolation and role tests without anyone adding it to a list. Routes and paths are
 * relative to the flat: '' is the flat's board.
 */
export function flatRoutes(samples: Samples = {}): FlatRoute[] {
	return walk(path.join(ROUTES_ROOT, FLAT_DIR), { id: '1', date: '2027-03-16', ...samples });
}

/**
 * Every page outside /f/[flat] with its form actions, the same way: the front door, login,
 * join, settings, the admin's pages. '/' is the front page.
 */
export function siteRoutes(samples: Samples = {}): Route[] {
	return walk(ROUTES_ROOT, samples, [FLAT_DIR]).map((r) => ({
		...r,
		route: r.route || '/',
		path: r.path || '/'
	}));
}

/** Where a form posts an action: the page itself for the default one, else `?/name`. */
export const actionUrl = (url: string, action: string) =>
	action === 'default' ? url : `${url}?/${action}`;
