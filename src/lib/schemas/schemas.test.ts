import { afterEach, describe, expect, it } from 'vitest';
import { overwriteGetLocale, baseLocale } from '$lib/paraglide/runtime';
import { parseForm } from '$lib/server/form';
import { activitySchema, flatSchema, joinSchema } from '.';

function form(fields: Record<string, string>) {
	const data = new FormData();
	for (const [k, v] of Object.entries(fields)) data.set(k, v);
	return data;
}

afterEach(() => overwriteGetLocale(() => baseLocale));

describe('join form', () => {
	it('accepts a neighbour and cleans the input', () => {
		const result = parseForm(
			joinSchema,
			form({ locale: 'ar', name: '  سميرة ', houseNumber: ' ', password: 'lang genoeg' })
		);
		expect(result.ok && result.data).toEqual({
			locale: 'ar',
			name: 'سميرة',
			houseNumber: null,
			password: 'lang genoeg'
		});
	});

	it('says what is wrong per field in the user language, keeps values and drops the password', () => {
		overwriteGetLocale(() => 'en');
		const result = parseForm(
			joinSchema,
			form({ locale: 'nl', name: '', houseNumber: '<b>', password: 'kort' })
		);
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(result.errors.name).toBe('Please fill in your first name.');
		expect(result.errors.password).toBe('Choose a password of at least 8 characters.');
		expect(result.errors.houseNumber).toMatch(/digits and letters/);
		expect(result.values).toEqual({ locale: 'nl', name: '', houseNumber: '<b>' });
	});

	it('speaks Dutch by default and Arabic when asked', () => {
		const nl = parseForm(
			joinSchema,
			form({ locale: 'nl', name: 'A', houseNumber: '', password: '' })
		);
		expect(!nl.ok && nl.errors.password).toMatch(/minstens 8 tekens/);
		overwriteGetLocale(() => 'ar');
		const ar = parseForm(
			joinSchema,
			form({ locale: 'xx', name: '123', houseNumber: '', password: '' })
		);
		expect(!ar.ok && ar.errors.name).toBe('يرجى استخدام الحروف في اسمك.');
		expect(!ar.ok && ar.errors.locale).toBe('يرجى الاختيار.');
	});

	it('refuses control characters and missing fields without throwing', () => {
		const result = parseForm(joinSchema, form({ name: 'Sa\u0000mira' }));
		expect(result.ok).toBe(false);
		if (!result.ok)
			expect(Object.keys(result.errors).sort()).toEqual([
				'houseNumber',
				'locale',
				'name',
				'password'
			]);
	});
});

describe('flat form', () => {
	it('checks slug and time zone', () => {
		const bad = parseForm(
			flatSchema,
			form({ name: 'X', slug: 'De Horst!', timeZone: 'Mars/Olympus', joinMode: 'open' })
		);
		expect(bad.ok ? [] : Object.keys(bad.errors).sort()).toEqual(['name', 'slug', 'timeZone']);
		const good = parseForm(
			flatSchema,
			form({
				name: 'De Horst',
				slug: 'De-Horst',
				timeZone: 'Europe/Amsterdam',
				joinMode: 'approval'
			})
		);
		expect(good.ok && good.data.slug).toBe('de-horst');
	});
});

describe('activity form', () => {
	const valid = {
		title: 'Koffieochtend',
		place: 'Buurtkamer',
		startDate: '2027-03-16',
		startTime: '10:00',
		endTime: '11:30',
		recurrence: 'weekly',
		ends: 'count',
		count: '10',
		untilDate: '2027-12-31',
		capacity: '',
		helpersWanted: ''
	};

	it('keeps only the end the person chose, and reads empty numbers as none', () => {
		const result = parseForm(activitySchema, form(valid));
		expect(result.ok && result.data).toMatchObject({
			count: 10,
			untilDate: null,
			capacity: null,
			helpersWanted: 0
		});
	});

	it('refuses dates that do not exist, times out of order and numbers out of range', () => {
		overwriteGetLocale(() => 'en');
		const result = parseForm(
			activitySchema,
			form({ ...valid, startDate: '2027-02-30', endTime: '09:00', capacity: '0', count: 'x' })
		);
		expect(result.ok).toBe(false);
		expect(!result.ok && result.errors).toMatchObject({
			startDate: 'Please choose a date.',
			capacity: 'Enter a number from 1 to 500.',
			count: 'Enter a number from 2 to 200.'
		});
		// Digits that are no date at all are refused, never thrown on.
		const digits = parseForm(activitySchema, form({ ...valid, startDate: '2000000000' }));
		expect(!digits.ok && digits.errors.startDate).toBe('Please choose a date.');
		const times = parseForm(activitySchema, form({ ...valid, endTime: '09:00' }));
		expect(!times.ok && times.errors.endTime).toBe('The end must be after the start.');
	});
});
