import { describe, expect, it } from 'vitest';
import { crossSiteRefusal, isCrossSiteForm } from './cross-site';

const url = new URL('http://192.168.1.20:3000/f/horst/help/new');
const form = (headers: Record<string, string>, method = 'POST') =>
	new Request(url, {
		method,
		headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers }
	});

describe('isCrossSiteForm', () => {
	it('lets a form from this site through', () => {
		expect(isCrossSiteForm(form({ origin: 'http://192.168.1.20:3000' }), url)).toBe(false);
	});

	it('refuses a form from another site, or that does not say where it comes from', () => {
		expect(isCrossSiteForm(form({ origin: 'http://evil.example' }), url)).toBe(true);
		expect(isCrossSiteForm(form({ origin: 'https://192.168.1.20:3000' }), url)).toBe(true);
		expect(isCrossSiteForm(form({}), url)).toBe(true);
		for (const type of [
			'multipart/form-data; boundary=x',
			'TEXT/PLAIN',
			'application/x-sveltekit-formdata'
		])
			expect(
				isCrossSiteForm(form({ origin: 'http://evil.example', 'content-type': type }), url)
			).toBe(true);
		expect(isCrossSiteForm(form({ origin: 'http://evil.example' }, 'DELETE'), url)).toBe(true);
	});

	it('leaves what a form cannot send to the other checks', () => {
		expect(
			isCrossSiteForm(
				form({ origin: 'http://evil.example', 'content-type': 'application/json' }),
				url
			)
		).toBe(false);
		expect(
			isCrossSiteForm(new Request(url, { headers: { origin: 'http://evil.example' } }), url)
		).toBe(false);
	});
});

describe('crossSiteRefusal', () => {
	it("is a 403 page in the reader's language and direction", async () => {
		const res = crossSiteRefusal(form({ accept: 'text/html' }), 'ar');
		expect(res.status).toBe(403);
		const html = await res.text();
		expect(html).toContain('<html lang="ar" dir="rtl">');
		expect(html).toContain('لم يُرسَل');
		expect(html).not.toContain('Cross-site');
	});

	it('is an error result for an enhanced form', async () => {
		const res = crossSiteRefusal(form({ accept: 'application/json' }), 'nl');
		expect(res.status).toBe(403);
		expect(await res.json()).toEqual({
			type: 'error',
			error: { message: expect.stringContaining('niet verstuurd') }
		});
	});
});
