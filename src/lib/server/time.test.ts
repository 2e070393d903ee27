import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, localDate, startOfDay } from './time';

describe('local dates', () => {
	it('begin at local midnight, also on DST change days', () => {
		expect(startOfDay('2027-07-12', 'Europe/Amsterdam').toISOString()).toBe(
			'2027-07-11T22:00:00.000Z'
		);
		expect(startOfDay('2027-01-12', 'Europe/Amsterdam').toISOString()).toBe(
			'2027-01-11T23:00:00.000Z'
		);
		expect(startOfDay('2027-03-28', 'Europe/Amsterdam').toISOString()).toBe(
			'2027-03-27T23:00:00.000Z'
		);
		expect(startOfDay('2027-03-29', 'Europe/Amsterdam').toISOString()).toBe(
			'2027-03-28T22:00:00.000Z'
		);
		expect(startOfDay('2027-10-31', 'Europe/Amsterdam').toISOString()).toBe(
			'2027-10-30T22:00:00.000Z'
		);
		expect(startOfDay('2027-11-01', 'Europe/Amsterdam').toISOString()).toBe(
			'2027-10-31T23:00:00.000Z'
		);
	});

	it('are read in the flat time zone', () => {
		const lateEvening = new Date('2027-07-11T22:30:00Z');
		expect(localDate(lateEvening, 'Europe/Amsterdam')).toBe('2027-07-12');
		expect(localDate(lateEvening, 'UTC')).toBe('2027-07-11');
	});

	it('move and count by whole days', () => {
		expect(addDays('2027-02-27', 2)).toBe('2027-03-01');
		expect(daysBetween('2027-07-12', '2027-07-19')).toBe(7);
	});
});
