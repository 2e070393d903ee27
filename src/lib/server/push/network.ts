import dns from 'node:dns';
import net, { type LookupFunction } from 'node:net';
import ipaddr from 'ipaddr.js';
import { NotPublicError } from './model';

/**
 * Endpoints come from browsers, so from anyone: without a check, a member could store
 * `https://10.0.0.5/...` or a name that points into the server's own network, and the server
 * would send requests there (server-side request forgery). Push services are on the public
 * internet; only public unicast addresses are reached.
 *
 * `PUSH_ALLOW_PRIVATE_ADDRESSES=1` is a test and development setting, for a push service on
 * this machine (the end-to-end tests and benches run one on 127.0.0.1).
 */
export const privateAddressesAllowed = () => process.env.PUSH_ALLOW_PRIVATE_ADDRESSES === '1';

// Global unicast (RFC 4291): the only IPv6 addresses a push service is reached at.
const globalUnicast = ipaddr.IPv6.parseCIDR('2000::/3');

/** A public unicast address: not loopback, private, link-local, shared, reserved or multicast. */
export function isPublicAddress(address: string): boolean {
	if (!ipaddr.isValid(address)) return false;
	// IPv4 written inside IPv6 (::ffff:127.0.0.1) is judged as the IPv4 address it is.
	const ip = ipaddr.process(address);
	if (ip.kind() === 'ipv4') return ip.range() === 'unicast';
	// ipaddr.js calls whatever it has no name for 'unicast', so outside 2000::/3 that includes
	// the deprecated IPv4-compatible ::127.0.0.1. Inside it, 6to4 and Teredo have ranges of
	// their own and are refused whole: the IPv4 address they carry may be a private one.
	return ip.match(globalUnicast) && ip.range() === 'unicast';
}

/**
 * The endpoint's host when it is an address written out that is not public. Names are
 * checked when they are looked up (`publicLookup`); an address written out is never looked up.
 */
export function privateLiteral(endpoint: string): string | null {
	const host = new URL(endpoint).hostname.replace(/^\[|\]$/g, '');
	return net.isIP(host) !== 0 && !isPublicAddress(host) ? host : null;
}

/** `dns.lookup` for the push agent, refusing a name when any of its addresses is not public. */
export const publicLookup: LookupFunction = (hostname, options, callback) =>
	dns.lookup(hostname, options, (error, address, family) => {
		if (error) return callback(error, address, family);
		const all = Array.isArray(address) ? address.map((a) => a.address) : [address];
		if (!all.every(isPublicAddress)) return callback(new NotPublicError(hostname), address, family);
		callback(null, address, family);
	});
