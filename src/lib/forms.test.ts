import { describe, expect, it } from 'vitest';
import { refusal } from './forms';

describe('an enhanced form refused on the way', () => {
	it("leaves the form's own answers alone", () => {
		expect(refusal({ type: 'failure', status: 400, data: {} })).toBeUndefined();
		expect(refusal({ type: 'redirect', status: 303, location: '/' })).toBeUndefined();
		expect(refusal({ type: 'success', status: 200 })).toBeUndefined();
		// Gone meanwhile: the error page says so.
		expect(refusal({ type: 'error', status: 404, error: {} })).toBeUndefined();
	});

	it('says what happened and what to do, in words', () => {
		expect(refusal({ type: 'error', status: 403, error: {} })).toMatch(/^Dit mag niet/);
		expect(refusal({ type: 'error', status: 413, error: {} })).toMatch(/te veel om te versturen/);
		expect(refusal({ type: 'error', status: 429, error: {} })).toMatch(/te vaak geprobeerd/);
		expect(refusal({ type: 'error', status: 500, error: {} })).toMatch(/bij ons iets mis/);
		expect(refusal({ type: 'error', status: 502, error: {} })).toMatch(/bij ons iets mis/);
		// Kit's cross-site refusal: a bare { message }.
		expect(refusal({ message: 'Cross-site POST form submissions are forbidden' })).toMatch(
			/^Dit mag niet/
		);
	});

	it('tells no network from an answer that is no JSON', () => {
		expect(refusal({ type: 'error', error: new TypeError('Failed to fetch') })).toMatch(
			/Je tekst staat er nog/
		);
		expect(refusal({ type: 'error', error: new TypeError('Failed to fetch') })).toMatch(/offline/);
		expect(refusal({ type: 'error', error: new SyntaxError('Unexpected token <') })).toMatch(
			/bij ons iets mis/
		);
	});
});
