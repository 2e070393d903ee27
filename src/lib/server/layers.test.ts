import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LAYERS } from './layers.js';

const SERVER = path.resolve('src/lib/server');
const LIB = path.resolve('src/lib');

/** Every module of src/lib/server that ships (tests and test support aside). */
function modules(dir = SERVER): string[] {
	return readdirSync(dir).flatMap((entry) => {
		const full = path.join(dir, entry);
		if (statSync(full).isDirectory()) return modules(full);
		return /\.(ts|js)$/.test(entry) && !/\.test\.ts$/.test(entry) ? [full] : [];
	});
}

/** The file an import names, when it is one of ours under src/lib. */
function resolveImport(from: string, source: string): string | undefined {
	const base = source.startsWith('$lib/')
		? path.join(LIB, source.slice(5))
		: source.startsWith('.')
			? path.resolve(path.dirname(from), source)
			: undefined;
	if (!base) return undefined;
	const bare = base.replace(/\.js$/, '');
	for (const candidate of [base, `${bare}.ts`, `${bare}.js`, path.join(base, 'index.ts')])
		if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
	return undefined;
}

/** What a module imports at run time (`import type` is erased and loads nothing). */
function importsOf(file: string): string[] {
	const source = readFileSync(file, 'utf8');
	const found = [
		...source.matchAll(/^\s*(?:import|export)\s+(?!type\b)[^'"`]*?from\s+'([^']+)'/gm),
		...source.matchAll(/^\s*import\s+'([^']+)'/gm),
		...source.matchAll(/\bimport\('([^']+)'\)/g)
	].map((m) => m[1]!);
	return found.flatMap((s) => resolveImport(file, s) ?? []);
}

/** The room a server file belongs to: its folder, or its own name at the top. */
const roomOf = (file: string) =>
	path
		.relative(SERVER, file)
		.split(path.sep)[0]!
		.replace(/\.(ts|js)$/, '');

const graph = new Map(modules().map((file) => [file, importsOf(file)]));

/** Groups of modules that import each other round (Tarjan's strongly connected components). */
function cycles(edges: Map<string, string[]>): string[][] {
	let next = 0;
	const index = new Map<string, number>();
	const low = new Map<string, number>();
	const stack: string[] = [];
	const onStack = new Set<string>();
	const found: string[][] = [];
	const visit = (v: string) => {
		index.set(v, next);
		low.set(v, next++);
		stack.push(v);
		onStack.add(v);
		for (const w of edges.get(v) ?? []) {
			if (!edges.has(w)) continue;
			if (!index.has(w)) {
				visit(w);
				low.set(v, Math.min(low.get(v)!, low.get(w)!));
			} else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
		}
		if (low.get(v) === index.get(v)) {
			const group: string[] = [];
			let w: string;
			do {
				w = stack.pop()!;
				onStack.delete(w);
				group.push(path.relative(SERVER, w));
			} while (w !== v);
			if (group.length > 1 || (edges.get(v) ?? []).includes(v)) found.push(group.sort());
		}
	};
	for (const v of edges.keys()) if (!index.has(v)) visit(v);
	return found;
}

describe('the layers of src/lib/server', () => {
	const rank = new Map(LAYERS.flatMap((layer, i) => layer.map((room) => [room, i] as const)));

	it('name every room', () => {
		const rooms = new Set([...graph.keys()].map(roomOf));
		rooms.delete('layers');
		expect([...rooms].filter((room) => !rank.has(room))).toEqual([]);
	});

	it('are kept: no module imports a room of a higher layer', () => {
		const wrong = [...graph].flatMap(([file, imports]) =>
			imports
				.filter((to) => to.startsWith(SERVER + path.sep))
				.filter((to) => (rank.get(roomOf(to)) ?? 0) > (rank.get(roomOf(file)) ?? Infinity))
				.map((to) => `${path.relative(SERVER, file)} → ${path.relative(SERVER, to)}`)
		);
		expect(wrong).toEqual([]);
	});

	it('have no import cycle', () => {
		expect(cycles(graph)).toEqual([]);
	});

	it('finds a cycle and a wrong way when there is one', () => {
		const a = path.join(SERVER, 'help/a.ts');
		const b = path.join(SERVER, 'help/b.ts');
		expect(
			cycles(
				new Map([
					[a, [b]],
					[b, [a]]
				])
			)
		).toEqual([['help/a.ts', 'help/b.ts']]);
		expect(importsOf(path.join(SERVER, 'layers.test.ts'))).toContain(
			path.join(SERVER, 'layers.js')
		);
	});
});
