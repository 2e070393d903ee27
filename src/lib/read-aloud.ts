/**
 * Reading a text aloud with the device's own voices (`speechSynthesis`): which voice, in
 * which language, in which pieces, and the button that does it. No voice, no button; nothing
 * leaves the device. The button works on pages with and without Svelte's scripts
 * (ReadAloud.svelte, read-aloud-page.ts), so this module imports nothing.
 */

export type SpokenLanguage = 'nl' | 'en' | 'ar';

/** The tag a voice is asked for: Dutch of the Netherlands, British English, any Arabic. */
const TAGS: Record<SpokenLanguage, string> = { nl: 'nl-NL', en: 'en-GB', ar: 'ar' };

export const speechTag = (language: SpokenLanguage) => TAGS[language];

/** Voices report their language as "nl-NL", "nl_NL" or "NL-nl": one spelling to compare. */
const normal = (tag: string) => tag.replace(/_/g, '-').toLowerCase();

export type VoiceLike = Pick<SpeechSynthesisVoice, 'lang' | 'localService' | 'default'>;

/**
 * The voice to read a language (a tag from `speechTag`) with: only voices on the device
 * itself (a "network" voice sends the text to its maker), the asked region first (nl-NL over
 * nl-BE), then the device's default, then any. None: the language cannot be read here.
 */
export function pickVoice<V extends VoiceLike>(voices: readonly V[], tag: string): V | undefined {
	const wanted = normal(tag);
	const primary = wanted.split('-')[0];
	const fitting = voices.filter((v) => v.localService && normal(v.lang).split('-')[0] === primary);
	return (
		fitting.find((v) => normal(v.lang) === wanted) ?? fitting.find((v) => v.default) ?? fitting[0]
	);
}

const ARABIC = /[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]/g;
const LATIN = /[a-z\u00c0-\u024f]/gi;
// Short words that are common in one language and not a word in the other.
const DUTCH =
	/^(de|het|een|en|ik|je|jij|van|niet|op|te|voor|met|dat|die|er|mijn|wie|wil|kan|kun|graag|bij|naar|ook|wat|om|zijn|heb|heeft|mij|wij|we|u|uw|ons|onze|hulp|even|morgen|vandaag)$/;
const ENGLISH =
	/^(the|a|an|and|i|you|of|not|on|to|for|with|that|who|my|can|will|would|please|help|be|have|has|it|this|our|your|tomorrow|today|me)$/;

/**
 * The language a neighbour wrote in, where the text does not say: Arabic by its script,
 * Dutch or English by their small words. Otherwise the reader's language, or Dutch (the
 * flat's) for Latin letters read on an Arabic page.
 */
export function guessLanguage(text: string, fallback: string): SpokenLanguage {
	const arabic = text.match(ARABIC)?.length ?? 0;
	const latin = text.match(LATIN)?.length ?? 0;
	if (arabic > latin) return 'ar';
	let dutch = 0;
	let english = 0;
	for (const word of text.toLowerCase().split(/[^a-z\u00c0-\u024f']+/)) {
		if (DUTCH.test(word)) dutch++;
		if (ENGLISH.test(word)) english++;
	}
	if (dutch > english) return 'nl';
	if (english > dutch) return 'en';
	if (latin === 0 && fallback === 'ar') return 'ar';
	return fallback === 'en' ? 'en' : 'nl';
}

/** Ends of a sentence: the punctuation and any closing quote or bracket after it. */
const SENTENCE_END = /[.!?…؟]+["'”’»)\]]*(?=\s|$)/g;
/** Places to break a long sentence, best first: after a clause, then between words. */
const PAUSES = [/[,;:،؛]\s+/g, /\s+/g];

function sentences(line: string): string[] {
	const out: string[] = [];
	let start = 0;
	for (const end of line.matchAll(SENTENCE_END)) {
		const stop = end.index + end[0].length;
		out.push(line.slice(start, stop).trim());
		start = stop;
	}
	out.push(line.slice(start).trim());
	return out.filter(Boolean);
}

/** A piece longer than `max` cut at its last pause before `max`, else hard at `max`. */
function cut(piece: string, max: number): string[] {
	const out: string[] = [];
	let rest = piece;
	while (rest.length > max) {
		let at = 0;
		for (const pause of PAUSES) {
			for (const p of rest.matchAll(pause)) {
				const end = p.index + p[0].length;
				if (end > max) break;
				at = end;
			}
			if (at > 0) break;
		}
		if (at === 0) at = max;
		out.push(rest.slice(0, at).trim());
		rest = rest.slice(at).trim();
	}
	if (rest) out.push(rest);
	return out;
}

/**
 * The text in pieces of at most `max` characters, cut at the ends of sentences where it can:
 * some browsers stop a single long utterance after about fifteen seconds. A line (a title, a
 * paragraph) always starts a new piece, so it is read with a pause before it.
 */
export function splitForSpeech(text: string, max = 200): string[] {
	const pieces: string[] = [];
	for (const line of text.split(/\n+/)) {
		let current = '';
		for (const sentence of sentences(line.replace(/\s+/g, ' ')))
			for (const part of cut(sentence, max)) {
				if (current && current.length + 1 + part.length <= max) current += ` ${part}`;
				else {
					if (current) pieces.push(current);
					current = part;
				}
			}
		if (current) pieces.push(current);
	}
	return pieces;
}

/** Asks a button wired already (by the page's script or by Svelte) to look again, or to stop. */
const REFRESH = 'read-aloud:refresh';
const STOP = 'read-aloud:stop';

/**
 * Makes a read-aloud button work (see ReadAloud.svelte for its markup): shown once the device
 * has a voice for `data-lang` (voices often arrive after the page, with `voiceschanged`),
 * reading the elements named in `data-read-aloud` in pieces, "Stop" while it reads. A button
 * wired already is only asked to look again. Returns what undoes it.
 */
export function readAloud(button: HTMLElement): () => void {
	const synth = window.speechSynthesis;
	if (!synth || typeof SpeechSynthesisUtterance === 'undefined') return () => {};
	if (button.dataset.wired !== undefined) {
		button.dispatchEvent(new Event(REFRESH));
		return () => button.dispatchEvent(new Event(STOP));
	}
	button.dataset.wired = '';
	let voice: SpeechSynthesisVoice | undefined;
	/** Which reading is current: a stopped one's late "end" must not end the next. */
	let run = 0;
	const speaking = (on: boolean) => button.toggleAttribute('data-speaking', on);
	const stop = () => {
		run++;
		if (button.hasAttribute('data-speaking')) synth.cancel();
		speaking(false);
	};
	const check = () => {
		voice = pickVoice(synth.getVoices(), button.dataset.lang ?? '');
		button.hidden = !voice;
		if (!voice) stop();
	};
	const start = () => {
		const text = (button.dataset.readAloud ?? '')
			.split(' ')
			.map((id) => document.getElementById(id)?.innerText.trim())
			.filter(Boolean)
			.join('\n');
		const pieces = splitForSpeech(text);
		if (!voice || pieces.length === 0) return;
		synth.cancel();
		const mine = ++run;
		pieces.forEach((piece, i) => {
			const utterance = new SpeechSynthesisUtterance(piece);
			utterance.lang = button.dataset.lang ?? '';
			utterance.voice = voice!;
			if (i === pieces.length - 1)
				utterance.onend = () => {
					if (mine === run) speaking(false);
				};
			utterance.onerror = () => {
				if (mine === run) stop();
			};
			synth.speak(utterance);
		});
		speaking(true);
	};
	const click = () => (button.hasAttribute('data-speaking') ? stop() : start());
	button.addEventListener('click', click);
	button.addEventListener(REFRESH, check);
	button.addEventListener(STOP, stop);
	synth.addEventListener?.('voiceschanged', check);
	// Leaving the page ends the reading: some browsers would go on reading over the next page.
	window.addEventListener('pagehide', stop);
	check();
	return () => {
		stop();
		button.removeEventListener('click', click);
		button.removeEventListener(REFRESH, check);
		button.removeEventListener(STOP, stop);
		synth.removeEventListener?.('voiceschanged', check);
		window.removeEventListener('pagehide', stop);
		delete button.dataset.wired;
	};
}
