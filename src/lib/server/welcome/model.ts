/** The flat's main language: the welcome text falls back to it before any other. */
export const MAIN_LANGUAGE = 'nl';

export type WelcomePage = {
	/** Sanitised HTML, safe to put in the page as it is. */
	html: string;
	/** The language of the text shown. */
	locale: string;
	/** True when the text is not in the language asked for. */
	fallback: boolean;
	/** Every language the text is written in, the main one first. */
	available: string[];
};

export type Greeting = { name: string; body: string; createdAt: Date };
