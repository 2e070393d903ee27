import * as v from 'valibot';
import { m } from '$lib/paraglide/messages';
import { CLOCK_TIME, isoDate, rowId } from './fields';
import { activityWords } from './calendar';

/** A date poll offers at least two dates and at most five. */
export const POLL_MIN_OPTIONS = 2;
export const POLL_MAX_OPTIONS = 5;

/** The rows of the poll form, numbered from 1: `date1`, `start1`, `end1` … */
export const POLL_ROWS = Array.from({ length: POLL_MAX_OPTIONS }, (_, i) => i + 1);

export type PollOptionInput = { date: string; startTime: string; endTime: string };

/** A time field of a row: checked only when the row has a date. */
const time = v.pipe(
	v.optional(v.string(), ''),
	v.trim(),
	v.maxLength(5, () => m.err_time())
);

/**
 * The offered dates from the rows of the form: a row without a date is left out (without
 * JavaScript the form shows five rows), and each problem stands beside its own field.
 */
function readOptions(input: Record<string, unknown>) {
	const problems: { field: string; message: string }[] = [];
	const options: PollOptionInput[] = [];
	const seen = new Set<string>();
	for (const row of POLL_ROWS) {
		const date = input[`date${row}`];
		if (typeof date !== 'string' || !date) continue;
		const startTime = String(input[`start${row}`] ?? '');
		const endTime = String(input[`end${row}`] ?? '');
		if (!CLOCK_TIME.test(startTime)) {
			problems.push({ field: `start${row}`, message: m.err_time() });
			continue;
		}
		if (!CLOCK_TIME.test(endTime)) {
			problems.push({ field: `end${row}`, message: m.err_time() });
			continue;
		}
		if (endTime <= startTime) {
			problems.push({ field: `end${row}`, message: m.err_end_time() });
			continue;
		}
		const key = `${date} ${startTime}`;
		if (seen.has(key)) {
			problems.push({ field: `date${row}`, message: m.poll_err_same() });
			continue;
		}
		seen.add(key);
		options.push({ date, startTime, endTime });
	}
	if (!problems.length && options.length < POLL_MIN_OPTIONS)
		problems.push({
			field: 'date1',
			message: m.poll_err_count({ min: POLL_MIN_OPTIONS, max: POLL_MAX_OPTIONS })
		});
	return { problems, options };
}

const rows = Object.fromEntries(
	POLL_ROWS.flatMap((row) => [
		[`date${row}`, v.optional(isoDate, '')],
		[`start${row}`, time],
		[`end${row}`, time]
	])
) as Record<`${'date' | 'start' | 'end'}${number}`, typeof time>;

/**
 * A new date poll: what an activity says (title, description, place) and 2–5 dates with
 * times. Dates are checked against today in the flat by the poll itself.
 */
export const pollSchema = v.pipe(
	v.object({
		...activityWords,
		...rows
	}),
	v.rawCheck(({ dataset, addIssue }) => {
		// Runs even when another field failed, so every message shows at once.
		if (typeof dataset.value !== 'object' || !dataset.value) return;
		const input = dataset.value as Record<string, unknown>;
		for (const { field, message } of readOptions(input).problems)
			addIssue({
				message,
				path: [{ type: 'object', origin: 'value', input, key: field, value: input[field] }]
			});
	}),
	v.transform((input) => ({
		title: input.title,
		description: input.description,
		place: input.place,
		options: readOptions(input).options
	}))
);

/** The ticks of one member: the options that suit them (none is allowed: nothing suits). */
export const pollVoteSchema = v.object({
	options: v.pipe(
		v.optional(v.array(v.pipe(v.string(), v.maxLength(12))), []),
		v.maxLength(POLL_MAX_OPTIONS),
		v.transform((ids) => [...new Set(ids)]),
		v.array(rowId)
	)
});

/** The option a verbinder turns into the activity. */
export const pollDecideSchema = v.object({ optionId: rowId });
