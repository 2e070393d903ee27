// The server `npm start` runs when nothing tells the app its address (no ORIGIN, no proxy
// headers): adapter-node's handler behind a plain http server that takes the address from the
// Host the browser used. So the app answers at http://localhost:3000, at 127.0.0.1 and at the
// machine's address on the home network alike, and Kit's check that a form comes from this
// site still compares the browser's Origin with the address that browser is at.
import http from 'node:http';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/** Written by this server on every request, whatever a client sent under these names. */
const PROTOCOL_HEADER = 'x-burenbord-protocol';
const HOST_HEADER = 'x-burenbord-host';

/** host[:port]: a DNS name or an IPv4 address, or an IPv6 address in brackets. */
const HOST =
	/^(?:\[[0-9a-f:.]+\]|[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*)(?::\d{1,5})?$/i;

/**
 * Names nobody on the internet can point at this machine: addresses, single-label names and
 * the suffixes of home networks. Another name could be an attacker's own, resolving to this
 * machine (DNS rebinding): for it the address stays http://localhost:PORT, as before, and
 * its forms are refused; set ORIGIN for a public name.
 */
const LOCAL =
	/^(?:\[[0-9a-f:.]+\]|\d{1,3}(?:\.\d{1,3}){3}|[a-z0-9-]+|.+\.(?:localhost|local|lan|home|home\.arpa|internal))$/i;

/**
 * The host (with port) to take a request's address from, or null for a Host that is not one.
 * Exported for its test.
 */
export function hostFor(host, port) {
	if (!host || !HOST.test(host)) return null;
	const name = host.replace(/:\d+$/, '');
	return LOCAL.test(name) ? host : `localhost:${port}`;
}

/** Starts the server; resolves once it listens. */
export async function serve({
	root = process.cwd(),
	build = path.join(root, 'build'),
	port = process.env.PORT ?? '3000',
	host = process.env.HOST ?? '0.0.0.0'
} = {}) {
	// adapter-node reads its settings when its handler is first imported.
	process.env.PROTOCOL_HEADER = PROTOCOL_HEADER;
	process.env.HOST_HEADER = HOST_HEADER;
	const { handler } = await import(pathToFileURL(path.join(build, 'handler.js')).href);
	const warned = new Set();

	const server = http.createServer((req, res) => {
		const from = hostFor(req.headers.host, port);
		if (!from) {
			res.writeHead(400, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Bad request');
			return;
		}
		if (from !== req.headers.host && !warned.has(req.headers.host)) {
			warned.add(req.headers.host);
			console.warn(
				`Reached as ${req.headers.host}: set ORIGIN (e.g. ORIGIN=https://${req.headers.host}) so forms work there.`
			);
		}
		// This server speaks plain http: a client's word on the protocol or host does not count.
		req.headers[PROTOCOL_HEADER] = 'http';
		req.headers[HOST_HEADER] = from;
		handler(req, res, () => {
			res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found');
		});
	});

	// As adapter-node's own server: finish what is running, then let the app close (its
	// `sveltekit:shutdown`), with a limit.
	// Once: under `npm start` in a terminal, Ctrl-C reaches a worker both from the terminal and
	// passed on by the primary (scripts/start.js).
	let stopping = false;
	const shutdown = (reason) => {
		if (stopping) return;
		stopping = true;
		server.close(() => process.emit('sveltekit:shutdown', reason));
		server.closeIdleConnections();
		setTimeout(
			() => server.closeAllConnections(),
			Number(process.env.SHUTDOWN_TIMEOUT ?? 30) * 1000
		).unref();
	};
	process.on('SIGTERM', () => shutdown('SIGTERM'));
	process.on('SIGINT', () => shutdown('SIGINT'));

	await new Promise((resolve, reject) => {
		server.once('error', reject);
		server.listen({ host, port: Number(port) }, resolve);
	});
	console.log(`Listening on http://${host}:${port}`);
	return server;
}
