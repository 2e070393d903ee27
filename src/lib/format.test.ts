import { describe, expect, it } from 'vitest';
import { formatDate, formatMoment, todayIn } from './format';
import { dayLabel } from '../routes/f/[flat=flat]/calendar/labels';

describe('formatDate', () => {
	it('leaves the year out in this year', () => {
		expect(formatDate('2026-07-12', 'nl', '2026-12-04')).toBe('12 juli');
		expect(formatDate('2026-07-12', 'en', '2026-12-04')).toBe('July 12');
	});

	it('says the year when it is not this year', () => {
		expect(formatDate('2027-07-12', 'nl', '2026-12-04')).toBe('12 juli 2027');
		expect(formatDate('2027-07-12', 'en', '2026-12-04')).toBe('July 12, 2027');
		expect(formatDate('2025-12-31', 'nl', '2026-01-01')).toBe('31 december 2025');
	});

	it('says it in Arabic, with the year only when needed', () => {
		const next = formatDate('2027-07-12', 'ar', '2026-12-04');
		const same = formatDate('2027-07-12', 'ar', '2027-01-02');
		expect(next).toContain('يوليو');
		expect(next).toMatch(/2027|٢٠٢٧/);
		expect(same).toContain('يوليو');
		expect(same).not.toMatch(/2027|٢٠٢٧/);
	});

	it('keeps the short and the long form apart in its cache', () => {
		// The same date and language, asked in two different years: each gets its own text.
		expect(formatDate('2027-03-01', 'nl', '2027-01-01')).toBe('1 maart');
		expect(formatDate('2027-03-01', 'nl', '2026-12-31')).toBe('1 maart 2027');
		expect(formatDate('2027-03-01', 'nl', '2027-01-01')).toBe('1 maart');
	});

	it('compares with the current year when no day is given', () => {
		const year = new Date().getFullYear();
		expect(formatDate(`${year}-05-01`, 'nl')).toBe('1 mei');
		expect(formatDate(`${year + 1}-05-01`, 'nl')).toBe(`1 mei ${year + 1}`);
	});
});

describe('todayIn', () => {
	it("is the flat's own date, not the server's", () => {
		const newYear = new Date('2026-12-31T23:30:00Z');
		expect(todayIn('UTC', newYear)).toBe('2026-12-31');
		expect(todayIn('Europe/Amsterdam', newYear)).toBe('2027-01-01');
	});
});

describe('formatMoment', () => {
	it('says the year of an instant from another year in the flat', () => {
		const now = new Date('2027-01-02T10:00:00Z');
		expect(formatMoment(new Date('2027-01-01T13:05:00Z'), 'Europe/Amsterdam', 'nl', now)).toMatch(
			/^1 jan,? 14:05$/
		);
		expect(formatMoment(new Date('2026-12-30T13:05:00Z'), 'Europe/Amsterdam', 'nl', now)).toMatch(
			/^30 dec 2026,? 14:05$/
		);
	});
});

describe('dayLabel', () => {
	it('names the day, and the year when it is not this year', () => {
		expect(dayLabel('2027-03-16', 'nl', 'long', '2027-01-01')).toBe('dinsdag 16 maart');
		expect(dayLabel('2027-03-16', 'nl', 'long', '2026-12-04')).toBe('dinsdag 16 maart 2027');
		expect(dayLabel('2027-03-16', 'ar', 'long', '2026-12-04')).toMatch(/مارس.*(2027|٢٠٢٧)/);
	});
});
