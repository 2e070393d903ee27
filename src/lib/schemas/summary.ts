import * as v from 'valibot';
import { m } from '$lib/paraglide/messages';
import { choice, clock } from './fields';

/** The days of the week as the form sends them: 0 is Sunday, as `Date.getDay` counts. */
export const SUMMARY_DAYS = ['1', '2', '3', '4', '5', '6', '0'] as const;

/** When the flat's weekly summary goes out: a day of the week and a local time. */
export const summaryScheduleSchema = v.object({
	day: v.pipe(choice(SUMMARY_DAYS, m.err_choose), v.transform(Number)),
	time: clock
});
