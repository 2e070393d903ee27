import { afterEach, describe, expect, it } from 'vitest';
import { overwriteGetLocale, baseLocale } from '$lib/paraglide/runtime';
import { parseForm } from '$lib/server/form';
import {
	activitySchema,
	deviceSchema,
	flatSchema,
	joinSchema,
	languageSwitchSchema,
	loginSchema,
	moveSchema,
	newKeySchema,
	postSchema,
	postWhen,
	removeEntrySchema,
	verbinderSchema
} from '.';

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

	it('lists its messages in the order of the fields, also a check across two fields', () => {
		// The category is checked against the type after the object is read, so its message
		// comes last from the schema; the error summary still shows it before the title's.
		const result = parseForm(postSchema, form({ type: 'request', title: '', when: 'flexible' }));
		expect(!result.ok && Object.keys(result.errors)).toEqual(['category', 'title']);
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

describe('help post form', () => {
	const post = (fields: Record<string, string>) =>
		parseForm(
			postSchema,
			form({
				type: 'request',
				category: 'pets',
				title: 'Wie voert mijn kat?',
				when: 'flexible',
				...fields
			})
		);

	it('says what to do for every field left open, not just that something is wrong', () => {
		const result = post({ category: '', title: '' });
		expect(!result.ok && result.errors).toEqual({
			category: 'Kies een onderwerp, bijvoorbeeld Boodschappen.',
			title: 'Schrijf in een paar woorden waar het om gaat.'
		});
		// A radio group left open sends nothing at all.
		const data = form({ type: 'request', title: 'Wie voert mijn kat?', when: 'flexible' });
		const none = parseForm(postSchema, data);
		expect(!none.ok && none.errors).toEqual({
			category: 'Kies een onderwerp, bijvoorbeeld Boodschappen.'
		});
		const odd = post({ type: 'x', when: 'x' });
		expect(!odd.ok && odd.errors).toEqual({
			type: 'Kies of je om hulp vraagt of hulp aanbiedt.',
			when: 'Kies wanneer: op één dag, in een periode, of maakt niet uit.'
		});
		overwriteGetLocale(() => 'ar');
		const ar = post({ category: '' });
		expect(!ar.ok && ar.errors.category).toBe('يرجى اختيار موضوع، مثل المشتريات.');
	});

	it('asks for the day, or the first day of a period', () => {
		const day = post({ when: 'day' });
		expect(!day.ok && day.errors).toEqual({ startDate: 'Kies een dag.' });
		const period = post({ when: 'period', endDate: '2027-07-19' });
		expect(!period.ok && period.errors).toEqual({ startDate: 'Kies de eerste dag.' });
		const backwards = post({ when: 'period', startDate: '2027-07-19', endDate: '2027-07-12' });
		expect(!backwards.ok && backwards.errors).toEqual({
			endDate: 'Kies een laatste dag, op of na de eerste dag.'
		});
	});

	it('takes dates typed under "any time" instead of dropping them', () => {
		const one = post({ startDate: '2027-07-12' });
		expect(one.ok && one.data).toMatchObject({ when: 'day', startDate: '2027-07-12' });
		const same = post({ startDate: '2027-07-12', endDate: '2027-07-12' });
		expect(same.ok && same.data.when).toBe('day');
		const two = post({ startDate: '2027-07-12', endDate: '2027-07-19' });
		expect(two.ok && two.data).toMatchObject({
			when: 'period',
			startDate: '2027-07-12',
			endDate: '2027-07-19'
		});
		const none = post({ startDate: '', endDate: '' });
		expect(none.ok && none.data).toMatchObject({ when: 'flexible', startDate: null });
		// A last day alone is a period without its start: asked for, not guessed.
		const endOnly = post({ endDate: '2027-07-19' });
		expect(!endOnly.ok && endOnly.errors).toEqual({ startDate: 'Kies de eerste dag.' });
		expect(postWhen({ when: 'flexible', startDate: '2027-07-12' })).toBe('day');
		expect(postWhen({ when: 'day', startDate: '2027-07-12', endDate: '2027-07-19' })).toBe('day');
	});
});

describe('activity form messages', () => {
	it('says which choice to make', () => {
		const result = parseForm(
			activitySchema,
			form({
				title: 'Koffie',
				place: '',
				startDate: '',
				startTime: '10:00',
				endTime: '11:00',
				recurrence: 'yearly',
				ends: 'later'
			})
		);
		expect(!result.ok && result.errors).toMatchObject({
			place: 'Kies een plek.',
			startDate: 'Kies een dag.',
			recurrence: 'Kies hoe vaak het is: één keer, elke week, om de week of elke maand.',
			ends: 'Kies tot wanneer het doorgaat: geen einde, tot een datum of een aantal keer.'
		});
	});
});

describe('ids in forms', () => {
	it('are read by one rule: a whole number from 1, at most twelve digits', () => {
		for (const [schema, field] of [
			[deviceSchema, 'id'],
			[moveSchema, 'id'],
			[verbinderSchema, 'flatId'],
			[newKeySchema, 'holderId']
		] as const) {
			const read = (id: string) =>
				parseForm(schema, form({ [field]: id, direction: 'up', name: 'Bram' }));
			const found = read('42') as { ok: boolean; data?: Record<string, unknown> };
			expect(found.data?.[field], field).toBe(42);
			for (const wrong of ['0', '-1', '1.5', 'abc', '1234567890123'])
				expect(read(wrong).ok, `${field} ${wrong}`).toBe(false);
		}
	});

	it('ask a person to choose when a list was left at its first line', () => {
		const result = parseForm(newKeySchema, form({ holderId: '' }));
		expect(!result.ok && result.errors.holderId).toBe('Maak een keuze.');
	});
});

describe('where a form goes next', () => {
	it('never refuses a language switch: what it does not know is left out', () => {
		const read = (fields: Record<string, string>) => parseForm(languageSwitchSchema, form(fields));
		expect(read({ locale: 'en', redirectTo: '/f/h' })).toMatchObject({
			ok: true,
			data: { locale: 'en', redirectTo: '/f/h' }
		});
		expect(read({ locale: 'xx', redirectTo: '/'.repeat(2001) })).toMatchObject({
			ok: true,
			data: { locale: undefined, redirectTo: '/' }
		});
	});

	it('keeps the page a login came from, and goes on without one', () => {
		const login = (fields: Record<string, string>) =>
			parseForm(loginSchema, form({ flat: 'h', name: 'Ans', password: 'geheim', ...fields }));
		expect(login({ redirectTo: '/f/h/calendar' })).toMatchObject({
			ok: true,
			data: { redirectTo: '/f/h/calendar' }
		});
		expect(login({})).toMatchObject({ ok: true, data: { redirectTo: '' } });
		expect(login({ redirectTo: 'x'.repeat(2001) })).toMatchObject({
			ok: true,
			data: { redirectTo: '' }
		});
	});
});

describe('removing a place from the map', () => {
	it('asks for the tick first', () => {
		expect(parseForm(removeEntrySchema, form({ confirm: 'on' })).ok).toBe(true);
		expect(parseForm(removeEntrySchema, form({})).ok).toBe(false);
	});
});
