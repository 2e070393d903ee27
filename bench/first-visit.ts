// What a first visit of the board costs a phone: the JavaScript and CSS the build says it
// needs (brotli, as served), and the bytes Chromium really transfers. Shared by the budget
// test and the bench, so both count the same way.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { brotliCompressSync, constants } from 'node:zlib';
import type { BrowserContext } from '@playwright/test';

const root = path.resolve(import.meta.dirname, '..');
const output = path.join(root, '.svelte-kit', 'output');

type ViteChunk = { file: string; imports?: string[]; css?: string[] };
type KitManifest = {
	_: {
		client: { imports: string[]; stylesheets: string[] };
		routes: { id: string; page: { layouts: (number | undefined)[]; leaf: number } | null }[];
	};
};

export type Bundle = {
	files: { file: string; bytes: number; brotli: number }[];
	bytes: number;
	brotli: number;
};

/** Brotli at quality 11, what adapter-node's precompress writes beside each file. */
function brotli(file: string): number {
	const served = path.join(root, 'build', 'client', `${file}.br`);
	if (existsSync(served)) return readFileSync(served).length;
	return brotliCompressSync(readFileSync(path.join(output, 'client', file)), {
		params: { [constants.BROTLI_PARAM_QUALITY]: 11 }
	}).length;
}

/**
 * The JavaScript and CSS a first visit of a route loads before the page is interactive: the
 * client entry and the route's layouts and page, with everything they import statically.
 */
export async function routeBundle(routeId = '/f/[flat=flat]'): Promise<Bundle> {
	const vite = JSON.parse(
		readFileSync(path.join(output, 'client', '.vite', 'manifest.json'), 'utf8')
	) as Record<string, ViteChunk>;
	const kit = (
		(await import(pathToFileURL(path.join(output, 'server', 'manifest-full.js')).href)) as {
			manifest: KitManifest;
		}
	).manifest;
	const route = kit._.routes.find((r) => r.id === routeId);
	if (!route?.page) throw new Error(`no page route ${routeId} in the build`);

	const files = new Set([...kit._.client.imports, ...kit._.client.stylesheets]);
	const seen = new Set<string>();
	const walk = (key: string) => {
		if (seen.has(key)) return;
		seen.add(key);
		const chunk = vite[key];
		if (!chunk) throw new Error(`${key} is not in the client manifest`);
		files.add(chunk.file);
		for (const css of chunk.css ?? []) files.add(css);
		for (const imported of chunk.imports ?? []) walk(imported);
	};
	for (const node of [...route.page.layouts, route.page.leaf])
		if (node !== undefined) walk(`.svelte-kit/generated/client-optimized/nodes/${node}.js`);

	const list = [...files].sort().map((file) => ({
		file,
		bytes: readFileSync(path.join(output, 'client', file)).length,
		brotli: brotli(file)
	}));
	return {
		files: list,
		bytes: list.reduce((n, f) => n + f.bytes, 0),
		brotli: list.reduce((n, f) => n + f.brotli, 0)
	};
}

export type Transfer = {
	/** Bytes on the wire (headers included), by Chromium's resource type. */
	byType: Record<string, number>;
	/** HTML, JavaScript and CSS together. */
	pageBytes: number;
	total: number;
	requests: number;
	/** The content encodings the server answered with, e.g. "br" or "gzip". */
	encodings: string[];
	/** What Chromium asked for in Accept-Encoding. */
	accepted: string;
};

/**
 * Opens a URL in a fresh page of this context and adds up what Chromium transferred until the
 * network went quiet. Give the context `serviceWorkers: 'block'`: the worker's precache would
 * otherwise download the whole app in the background.
 */
export async function firstVisit(context: BrowserContext, url: string): Promise<Transfer> {
	const page = await context.newPage();
	const cdp = await context.newCDPSession(page);
	await cdp.send('Network.enable');
	await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
	const types = new Map<string, string>();
	const sizes = new Map<string, number>();
	const encodings = new Set<string>();
	cdp.on('Network.responseReceived', (e) => {
		types.set(e.requestId, e.type);
		const headers = Object.fromEntries(
			Object.entries(e.response.headers).map(([k, v]) => [k.toLowerCase(), v])
		);
		if (headers['content-encoding']) encodings.add(String(headers['content-encoding']));
	});
	cdp.on('Network.loadingFinished', (e) => sizes.set(e.requestId, e.encodedDataLength));
	let accepted = '';
	cdp.on('Network.requestWillBeSentExtraInfo', (e) => {
		const header = Object.entries(e.headers).find(([k]) => k.toLowerCase() === 'accept-encoding');
		if (header && !accepted) accepted = String(header[1]);
	});
	const response = await page.goto(url, { waitUntil: 'networkidle' });
	if (!response?.ok()) throw new Error(`${url} answered ${response?.status()}`);
	await page.close();

	const byType: Record<string, number> = {};
	for (const [id, bytes] of sizes) {
		const type = types.get(id) ?? 'Other';
		byType[type] = (byType[type] ?? 0) + bytes;
	}
	const total = Object.values(byType).reduce((a, b) => a + b, 0);
	const pageBytes = ['Document', 'Script', 'Stylesheet'].reduce((n, t) => n + (byType[t] ?? 0), 0);
	return {
		byType,
		pageBytes,
		total,
		requests: sizes.size,
		encodings: [...encodings].sort(),
		accepted
	};
}

export const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
