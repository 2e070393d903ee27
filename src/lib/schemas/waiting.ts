import * as v from 'valibot';
import { m } from '$lib/paraglide/messages';
import { choice, rowId } from './fields';

/** The fewest and most days a flat's verbinders may choose before a request counts as waiting. */
export const WAITING_DAYS = { min: 1, max: 7 } as const;

/** The choices the form offers, as the radio buttons send them: "1" to "7". */
export const WAITING_DAY_CHOICES = ['1', '2', '3', '4', '5', '6', '7'] as const;

/** After how many days without an answer a request shows on the verbinders' waiting page. */
export const waitingDaysSchema = v.object({
	days: v.pipe(
		choice(WAITING_DAY_CHOICES, () => m.waiting_err_days()),
		v.transform(Number)
	)
});

/** The neighbour a verbinder suggests for a request. */
export const suggestSchema = v.object({ userId: rowId });
