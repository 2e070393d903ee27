import { describe, expect, it } from 'vitest';
import { vtimezone } from './vtimezone';

describe('vtimezone', () => {
	it('lists the changes one by one when a zone follows no yearly rule', () => {
		// Morocco leaves summer time for Ramadan, which moves through the year.
		const text = vtimezone('Africa/Casablanca', 2027, 2028);
		expect(text).not.toContain('RRULE');
		expect(text).toContain('RDATE:');
	});
});
