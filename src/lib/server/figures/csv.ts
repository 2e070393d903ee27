import { MEASURES, type Figures, type Measure, type Slice } from './model';

/** What the CSV's header row and first column say, in the reader's language. */
export type CsvWords = {
	month: string;
	total: string;
	measures: Record<Measure, string>;
	slice: (slice: Slice) => string;
};

/**
 * Semicolons, as Excel expects them in the Netherlands (with commas it opens everything in
 * one column); a field with one, a quote or a line break goes in quotes, and a field that a
 * spreadsheet would run as a formula gets a leading apostrophe.
 */
function field(value: string | number): string {
	let text = String(value);
	if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
	return /[;"\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * The figures as a spreadsheet for a housing corporation's report: a header row, one row per
 * month and one for the whole window, "<3" where the page says "fewer than 3". The byte order
 * mark tells Excel it is UTF-8, so Arabic headers read right.
 */
export function csv(figures: Figures, words: CsvWords): string {
	const row = (cells: (string | number)[]) => cells.map(field).join(';');
	const lines = [
		row([words.month, ...MEASURES.map((key) => words.measures[key])]),
		...figures.slices.map((slice, i) =>
			row([words.slice(slice), ...figures.measures.map((m) => m.months[i]!)])
		),
		row([words.total, ...figures.measures.map((m) => m.total)])
	];
	return '\uFEFF' + lines.join('\r\n') + '\r\n';
}
