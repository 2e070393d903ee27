import { describe, expect, it } from 'vitest';
import { guessLanguage, pickVoice, speechTag, splitForSpeech } from './read-aloud';

const voice = (lang: string, extra: { localService?: boolean; default?: boolean } = {}) => ({
	lang,
	localService: extra.localService ?? true,
	default: extra.default ?? false
});

describe('pickVoice', () => {
	it('takes the asked region first, whatever way the device spells it', () => {
		const be = voice('nl-BE', { default: true });
		const nl = voice('nl_NL');
		expect(pickVoice([voice('en-US'), be, nl], 'nl-NL')).toBe(nl);
	});

	it('takes another region of the language when that is all there is, the default first', () => {
		const us = voice('en-US');
		const au = voice('en-AU', { default: true });
		expect(pickVoice([us, au], 'en-GB')).toBe(au);
		expect(pickVoice([us], 'en-GB')).toBe(us);
	});

	it('takes any Arabic voice', () => {
		const sa = voice('ar-SA');
		expect(pickVoice([voice('nl-NL'), sa], 'ar')).toBe(sa);
	});

	it('has none for a language the device cannot speak, or only through a network service', () => {
		expect(pickVoice([voice('en-GB'), voice('de-DE')], 'nl-NL')).toBeUndefined();
		expect(pickVoice([voice('nl-NL', { localService: false })], 'nl-NL')).toBeUndefined();
		expect(pickVoice([], 'ar')).toBeUndefined();
	});

	it('does not take a language that merely starts with the same letters', () => {
		expect(pickVoice([voice('nds-DE')], 'nl-NL')).toBeUndefined();
		expect(pickVoice([voice('arn-CL')], 'ar')).toBeUndefined();
	});
});

describe('speechTag', () => {
	it('asks for Dutch of the Netherlands, British English and any Arabic', () => {
		expect([speechTag('nl'), speechTag('en'), speechTag('ar')]).toEqual(['nl-NL', 'en-GB', 'ar']);
	});
});

describe('guessLanguage', () => {
	it('knows Arabic by its script', () => {
		expect(guessLanguage('من يستطيع إطعام قطتي؟', 'nl')).toBe('ar');
	});

	it('tells Dutch from English by their small words', () => {
		expect(guessLanguage('Wie kan mijn kat eten geven?', 'en')).toBe('nl');
		expect(guessLanguage('Who can feed my cat this week?', 'nl')).toBe('en');
	});

	it("falls back to the reader's language, or Dutch for Latin letters on an Arabic page", () => {
		expect(guessLanguage('Kattenvoer', 'nl')).toBe('nl');
		expect(guessLanguage('Kattenvoer', 'en')).toBe('en');
		expect(guessLanguage('Kattenvoer', 'ar')).toBe('nl');
		expect(guessLanguage('12:00', 'ar')).toBe('ar');
	});
});

describe('splitForSpeech', () => {
	it('keeps a short text whole, a line (the title) a piece of its own', () => {
		expect(splitForSpeech('Kat eten geven\nIk ben weg. Wie helpt?')).toEqual([
			'Kat eten geven',
			'Ik ben weg. Wie helpt?'
		]);
	});

	it('cuts long text at the ends of sentences, no piece over the limit', () => {
		const sentence = 'Dit is een zin van ongeveer zestig tekens, om mee te testen.';
		const text = Array.from({ length: 10 }, () => sentence).join(' ');
		const pieces = splitForSpeech(text);
		expect(pieces.length).toBeGreaterThan(1);
		for (const piece of pieces) {
			expect(piece.length).toBeLessThanOrEqual(200);
			expect(piece.endsWith('.')).toBe(true);
		}
		expect(pieces.join(' ')).toBe(text);
	});

	it('cuts at Arabic question marks too', () => {
		const sentence = 'هل يمكن لأحد أن يساعدني في حمل الصناديق إلى الطابق الثالث غدًا؟';
		const pieces = splitForSpeech(Array.from({ length: 6 }, () => sentence).join(' '));
		expect(pieces.length).toBeGreaterThan(1);
		for (const piece of pieces) expect(piece.endsWith('؟')).toBe(true);
	});

	it('cuts a sentence that is too long at a comma, then between words, then anywhere', () => {
		const clauses = Array.from({ length: 8 }, (_, i) => `deel ${i} van een lange opsomming`);
		for (const piece of splitForSpeech(clauses.join(', ') + '.'))
			expect(piece.length).toBeLessThanOrEqual(200);
		const words = Array.from({ length: 80 }, () => 'woord').join(' ');
		const pieces = splitForSpeech(words);
		expect(pieces.every((p) => p.length <= 200 && !p.startsWith(' '))).toBe(true);
		expect(pieces.join(' ')).toBe(words);
		expect(splitForSpeech('x'.repeat(450)).map((p) => p.length)).toEqual([200, 200, 50]);
	});

	it('does not cut inside numbers or leave empty pieces', () => {
		expect(splitForSpeech('Het kost 2.50 euro.\n\n\n  ')).toEqual(['Het kost 2.50 euro.']);
		expect(splitForSpeech('')).toEqual([]);
	});
});
