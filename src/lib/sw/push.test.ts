import { describe, expect, it } from 'vitest';
import { notificationTarget, readPush } from './push';

describe('readPush', () => {
	it('reads what the server sends', () => {
		expect(
			readPush(
				JSON.stringify({ title: 'Burenbord', body: 'Kees: Ik kan helpen', url: '/f/x', tag: 't1' })
			)
		).toEqual({ title: 'Burenbord', body: 'Kees: Ik kan helpen', url: '/f/x', tag: 't1' });
	});

	it('fills in what is missing', () => {
		expect(readPush(JSON.stringify({ body: 'Hoi' }))).toEqual({
			title: 'Burenbord',
			body: 'Hoi',
			url: '/',
			tag: undefined
		});
		expect(readPush(JSON.stringify({ title: 42, url: ['x'] }))).toEqual({
			title: 'Burenbord',
			body: '',
			url: '/',
			tag: undefined
		});
		expect(readPush(null).title).toBe('Burenbord');
		expect(readPush('').body).toBe('');
	});

	it('shows a push that is not JSON as its text', () => {
		expect(readPush('Er is post')).toMatchObject({ title: 'Burenbord', body: 'Er is post' });
		expect(readPush('"Er is post"').body).toBe('Er is post');
	});
});

describe('notificationTarget', () => {
	const origin = 'https://burenbord.example';

	it('keeps paths on this site', () => {
		expect(notificationTarget('/f/horst/help/3?x=1#r', origin)).toBe('/f/horst/help/3?x=1#r');
		expect(notificationTarget(`${origin}/f/horst`, origin)).toBe('/f/horst');
	});

	it('sends anything else home', () => {
		for (const bad of [
			'https://evil.example/f/x',
			'//evil.example',
			'/\\evil.example',
			'javascript:alert(1)',
			'http://burenbord.example/f/x',
			42,
			null,
			undefined
		])
			expect(notificationTarget(bad, origin)).toBe('/');
	});
});
