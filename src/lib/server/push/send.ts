import { readFileSync } from 'node:fs';
import https from 'node:https';
import tls from 'node:tls';
import webpush from 'web-push';
import { DAY_SECONDS, NotPublicError, type Payload, type Send } from './model';
import { privateAddressesAllowed, privateLiteral, publicLookup } from './network';
import { vapidKeys } from './vapid';

/** Push services take about 4 KB after encryption; what we send stays well below. */
const MAX_PAYLOAD = 3 * 1024;
/** A push service that does not answer must not hold the worker up. */
const TIMEOUT = 10_000;

/**
 * The real transport: web-push signs with our VAPID key and encrypts for the device, over an
 * agent that reaches only public addresses (see network.ts) and keeps connections open, as
 * Node's global agent does. `ca` adds a certificate to trust besides the usual ones (the local
 * test push service).
 */
export function webPushSender(
	options: { ca?: string; allowPrivateAddresses?: boolean } = {}
): Send {
	const allowPrivate = options.allowPrivateAddresses ?? privateAddressesAllowed();
	const agent = new https.Agent({
		keepAlive: true,
		timeout: 5_000,
		// One TLS context for every connection: parsing the roots again for each one is slow.
		...(options.ca && {
			secureContext: tls.createSecureContext({ ca: [...tls.rootCertificates, options.ca] })
		}),
		...(!allowPrivate && { lookup: publicLookup })
	});
	return async (subscription, payload) => {
		const literal = allowPrivate ? null : privateLiteral(subscription.endpoint);
		if (literal) throw new NotPublicError(literal);
		const { publicKey, privateKey, subject } = vapidKeys();
		try {
			const result = await webpush.sendNotification(subscription, payload, {
				vapidDetails: { subject, publicKey, privateKey },
				TTL: DAY_SECONDS,
				urgency: 'normal',
				contentEncoding: 'aes128gcm',
				timeout: TIMEOUT,
				agent
			});
			return { status: result.statusCode, headers: result.headers };
		} catch (e) {
			// web-push rejects on any status outside 2xx; the caller decides what each one means.
			if (e instanceof webpush.WebPushError) return { status: e.statusCode, headers: e.headers };
			throw e;
		}
	};
}

/**
 * `PUSH_EXTRA_CA_FILE` is a test and development setting: a certificate to trust on top of
 * the usual ones, so the app can push to a local push service with a self-signed certificate.
 */
export function extraCa(): string | undefined {
	const file = process.env.PUSH_EXTRA_CA_FILE;
	return file ? readFileSync(file, 'utf8') : undefined;
}

/** The payload as sent: its body is cut (with "…") until the whole fits in `MAX_PAYLOAD`. */
export function encode(payload: Payload): string | undefined {
	let json = JSON.stringify(payload);
	const size = () => Buffer.byteLength(json);
	if (size() <= MAX_PAYLOAD) return json;
	// Every character takes at least a byte, so no more than this many can fit.
	let chars = Array.from(typeof payload.body === 'string' ? payload.body : '').slice(
		0,
		MAX_PAYLOAD
	);
	for (;;) {
		json = JSON.stringify({ ...payload, body: chars.length ? chars.join('') + '…' : '' });
		const over = size() - MAX_PAYLOAD;
		if (over <= 0) return json;
		if (!chars.length) return undefined;
		// JSON escapes take up to six bytes per character: never cut more than needed.
		chars = chars.slice(0, -Math.max(1, Math.ceil(over / 6)));
	}
}
