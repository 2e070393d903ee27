import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

const FLAT_ROOT = path.resolve('src/routes/f/[flat=flat]');

export type FlatRoute = { path: string; actions: string[] };

/**
 * Every page under /f/[flat] with its form actions, read from the route tree itself (route
 * parameters filled in from `sample`, else a default), so a
 * new page or action is covered by the isolation tests without anyone adding it to a list.
 */
export function flatRoutes(sample: Record<string, string> = {}): FlatRoute[] {
	const params: Record<string, string> = { id: '1', date: '2027-03-16', ...sample };
	const found: FlatRoute[] = [];
	const walk = (dir: string, rel: string) => {
		const entries = readdirSync(dir);
		if (entries.includes('+page.svelte')) {
			const server = path.join(dir, '+page.server.ts');
			const source = existsSync(server) ? readFileSync(server, 'utf8') : '';
			const block = source.split('export const actions')[1] ?? '';
			const actions = [...block.matchAll(/^\t(\w+): /gm)].map((m) => m[1]!);
			found.push({ path: rel, actions });
		}
		for (const entry of entries) {
			const full = path.join(dir, entry);
			if (statSync(full).isDirectory()) {
				const param = entry.match(/^\[(\w+)(=\w+)?\]$/)?.[1];
				if (param && !(param in params)) throw new Error(`no sample value for ${entry}`);
				walk(full, `${rel}/${param ? params[param] : entry}`);
			}
		}
	};
	walk(FLAT_ROOT, '');
	return found;
}

/** Where a form posts an action: the page itself for the default one, else `?/name`. */
export const actionUrl = (url: string, action: string) =>
	action === 'default' ? url : `${url}?/${action}`;
