// A push service of our own for the tests: headless Chromium cannot subscribe to a real one.
// It checks what a real one checks (the VAPID signature and headers) and then does what the
// browser does: decrypts the payload (RFC 8291), so a test sees exactly what a phone would show.
import {
	createDecipheriv,
	createECDH,
	createPublicKey,
	hkdfSync,
	randomBytes,
	verify,
	type ECDH
} from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';

/** One push as the service got it. */
export type Received = {
	id: string;
	/** Headers, signature and encryption all as they should be. */
	ok: boolean;
	/** The decrypted payload (JSON text), or null when it could not be decrypted. */
	payload: string | null;
	jwtValid: boolean;
	headers: IncomingHttpHeaders;
	/** What the service answered. */
	status: number;
	/** What was wrong, for a readable failing test. */
	problems: string[];
};

/** What the browser's `PushSubscription.toJSON()` would give. */
export type BrowserSubscription = { endpoint: string; keys: { p256dh: string; auth: string } };

export type PushService = {
	/** The service's origin, which is also the VAPID audience. */
	url: string;
	endpoint(id: string): string;
	/** A device's subscription: the service keeps its private key and auth secret to decrypt. */
	newSubscription(id: string): BrowserSubscription;
	received: Received[];
	/** Answers pushes to this device with another status from now on (201 is the default). */
	respondWith(id: string, status: number, headers?: Record<string, string>): void;
	/** The next push to this device that arrives after the call (for the app's own worker). */
	waitFor(id: string, timeout?: number): Promise<Received>;
	close(): Promise<void>;
};

/** The service's certificate, for the sender to trust (`PUSH_EXTRA_CA_FILE` in the app). */
export const PUSH_CERT = new URL('./fixtures/push-cert.pem', import.meta.url);
const PUSH_KEY = new URL('./fixtures/push-key.pem', import.meta.url);

const MAX_BODY = 8 * 1024;

export async function startPushService(): Promise<PushService> {
	const devices = new Map<string, { ecdh: ECDH; authSecret: Buffer }>();
	const answers = new Map<string, { status: number; headers: Record<string, string> }>();
	const received: Received[] = [];
	const waiting: { id: string; resolve: (r: Received) => void }[] = [];
	let origin = '';

	const handle = async (req: IncomingMessage, res: ServerResponse) => {
		const match = /^\/push\/([\w-]+)$/.exec(req.url ?? '');
		if (req.method !== 'POST' || !match) return void res.writeHead(404).end();
		const id = match[1]!;
		const body = await readBody(req);
		if (!body) return void res.writeHead(413).end();

		const problems: string[] = [];
		if (req.headers['content-encoding'] !== 'aes128gcm')
			problems.push(`Content-Encoding is ${req.headers['content-encoding']}`);
		if (!/^\d+$/.test(String(req.headers.ttl ?? ''))) problems.push('no TTL');
		const vapid = verifyVapid(req.headers.authorization, origin);
		if (vapid.problem) problems.push(vapid.problem);

		const device = devices.get(id);
		let payload: string | null = null;
		if (!device) problems.push('unknown subscription');
		else
			try {
				payload = decrypt(body, device.ecdh, device.authSecret).toString('utf8');
			} catch (e) {
				problems.push(`cannot decrypt: ${(e as Error).message}`);
			}

		const answer = answers.get(id);
		const status =
			answer?.status ?? (!device ? 404 : !vapid.valid ? 401 : problems.length ? 400 : 201);
		const push: Received = {
			id,
			ok: problems.length === 0,
			payload,
			jwtValid: vapid.valid,
			headers: req.headers,
			status,
			problems
		};
		received.push(push);
		for (const w of waiting.filter((w) => w.id === id)) {
			waiting.splice(waiting.indexOf(w), 1);
			w.resolve(push);
		}
		res.writeHead(status, answer?.headers ?? {}).end();
	};

	const server = createServer(
		{ cert: readFileSync(PUSH_CERT), key: readFileSync(PUSH_KEY) },
		(req, res) => {
			handle(req, res).catch(() => res.writeHead(500).end());
		}
	);
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	origin = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
	const endpoint = (id: string) => `${origin}/push/${id}`;

	return {
		url: origin,
		endpoint,
		received,
		newSubscription(id) {
			const ecdh = createECDH('prime256v1');
			ecdh.generateKeys();
			const authSecret = randomBytes(16);
			devices.set(id, { ecdh, authSecret });
			return {
				endpoint: endpoint(id),
				keys: {
					p256dh: ecdh.getPublicKey().toString('base64url'),
					auth: authSecret.toString('base64url')
				}
			};
		},
		respondWith(id, status, headers = {}) {
			answers.set(id, { status, headers });
		},
		waitFor(id, timeout = 5000) {
			return new Promise((resolve, reject) => {
				const entry = { id, resolve };
				waiting.push(entry);
				setTimeout(() => {
					const i = waiting.indexOf(entry);
					if (i < 0) return;
					waiting.splice(i, 1);
					reject(new Error(`no push to ${id} within ${timeout} ms`));
				}, timeout).unref();
			});
		},
		close() {
			server.closeAllConnections();
			return new Promise((resolve) => server.close(() => resolve()));
		}
	};
}

async function readBody(req: IncomingMessage): Promise<Buffer | null> {
	const chunks: Buffer[] = [];
	let size = 0;
	for await (const chunk of req) {
		size += (chunk as Buffer).length;
		if (size > MAX_BODY) return null;
		chunks.push(chunk as Buffer);
	}
	return Buffer.concat(chunks);
}

/**
 * Checks `Authorization: vapid t=<jwt>, k=<public key>` (RFC 8292): an ES256 signature by
 * that key, addressed to this service, expiring within the next 24 hours, with a contact.
 */
export function verifyVapid(
	authorization: string | undefined,
	audience: string,
	now = Date.now()
): { valid: boolean; problem?: string } {
	const invalid = (problem: string) => ({ valid: false, problem });
	const match = /^vapid t=([\w-]+\.[\w-]+\.[\w-]+), k=([\w-]+)$/.exec(authorization ?? '');
	if (!match) return invalid(`Authorization is not "vapid t=…, k=…": ${authorization}`);
	const [header, claims, signature] = match[1]!.split('.') as [string, string, string];
	const k = Buffer.from(match[2]!, 'base64url');
	if (k.length !== 65 || k[0] !== 0x04) return invalid('k is not an uncompressed P-256 key');
	try {
		const { alg } = JSON.parse(Buffer.from(header, 'base64url').toString('utf8'));
		if (alg !== 'ES256') return invalid(`JWT alg is ${alg}`);
		const key = createPublicKey({
			key: {
				kty: 'EC',
				crv: 'P-256',
				x: k.subarray(1, 33).toString('base64url'),
				y: k.subarray(33).toString('base64url')
			},
			format: 'jwk'
		});
		const signed = verify(
			'sha256',
			Buffer.from(`${header}.${claims}`),
			{ key, dsaEncoding: 'ieee-p1363' },
			Buffer.from(signature, 'base64url')
		);
		if (!signed) return invalid('JWT signature does not match k');
		const { aud, exp, sub } = JSON.parse(Buffer.from(claims, 'base64url').toString('utf8'));
		const seconds = now / 1000;
		if (aud !== audience) return invalid(`JWT aud is ${aud}, not ${audience}`);
		if (typeof exp !== 'number' || exp <= seconds || exp > seconds + 24 * 60 * 60)
			return invalid(`JWT exp ${exp} is not within the next 24 hours`);
		if (typeof sub !== 'string' || !/^(mailto:|https:)/.test(sub))
			return invalid(`JWT sub is ${sub}`);
		return { valid: true };
	} catch (e) {
		return invalid(`JWT unreadable: ${(e as Error).message}`);
	}
}

/**
 * Decrypts an aes128gcm push body (RFC 8188 framing, RFC 8291 keys) as the browser does,
 * with the device's ECDH key pair and auth secret. One record, as web push sends.
 */
export function decrypt(body: Buffer, device: ECDH, authSecret: Buffer): Buffer {
	if (body.length < 21) throw new Error('body shorter than its header');
	const salt = body.subarray(0, 16);
	const rs = body.readUInt32BE(16);
	const idlen = body[20]!;
	const asPublic = body.subarray(21, 21 + idlen);
	const record = body.subarray(21 + idlen);
	if (idlen !== 65) throw new Error(`keyid is ${idlen} bytes, not a P-256 public key`);
	if (record.length > rs || record.length < 17) throw new Error('record size does not match rs');

	const hkdf = (key: Buffer, ikm: Buffer, info: Buffer, length: number) =>
		Buffer.from(hkdfSync('sha256', ikm, key, info, length));
	const ecdhSecret = device.computeSecret(asPublic);
	const uaPublic = device.getPublicKey();
	const ikm = hkdf(
		authSecret,
		ecdhSecret,
		Buffer.concat([Buffer.from('WebPush: info\0'), uaPublic, asPublic]),
		32
	);
	const cek = hkdf(salt, ikm, Buffer.from('Content-Encoding: aes128gcm\0'), 16);
	const nonce = hkdf(salt, ikm, Buffer.from('Content-Encoding: nonce\0'), 12);

	const decipher = createDecipheriv('aes-128-gcm', cek, nonce);
	decipher.setAuthTag(record.subarray(-16));
	const padded = Buffer.concat([decipher.update(record.subarray(0, -16)), decipher.final()]);
	// The content ends at the last delimiter: 0x02 marks the last record, zeros are padding.
	let end = padded.length - 1;
	while (end >= 0 && padded[end] === 0) end--;
	if (padded[end] !== 0x02) throw new Error('no last-record delimiter');
	return padded.subarray(0, end);
}
