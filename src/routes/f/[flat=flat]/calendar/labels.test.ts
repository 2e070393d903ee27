import { describe, expect, it } from 'vitest';
import { isDefaultPlace, placeName } from './labels';

describe('placeName', () => {
	it("says the Buurtkamer in the reader's language", () => {
		expect(placeName('Buurtkamer', 'nl')).toBe('Buurtkamer');
		expect(placeName('Buurtkamer', 'en')).toBe('Buurtkamer');
		expect(placeName('Buurtkamer', 'ar')).toBe('غرفة الحيّ');
	});

	it('knows the Buurtkamer however it was typed', () => {
		expect(isDefaultPlace(' buurtkamer ')).toBe(true);
		expect(placeName('BUURTKAMER', 'ar')).toBe('غرفة الحيّ');
	});

	it('leaves every other place as its verbinders wrote it', () => {
		expect(isDefaultPlace('Buurtkamer 2')).toBe(false);
		expect(placeName('Binnentuin', 'ar')).toBe('Binnentuin');
		expect(placeName('De grote zaal', 'en')).toBe('De grote zaal');
	});
});
