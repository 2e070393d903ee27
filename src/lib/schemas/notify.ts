import * as v from 'valibot';
import { m } from '$lib/paraglide/messages';
import { CHANNELS, type NotifyGroup } from '$lib/notify-groups';
import { CLOCK_TIME, rowId } from './fields';

/** A notification to open. */
export const idSchema = v.object({ id: rowId });

/** A member's notification choices: one channel per kind, and quiet hours (or none). */
const channel = v.optional(v.picklist(CHANNELS, () => m.err_choose()));
export const notifyPrefsSchema = v.pipe(
	v.object({
		// Prefixed: a form control named "matches" would hide the form element's own matches().
		kind_matches: channel,
		kind_requests: channel,
		kind_responses: channel,
		kind_messages: channel,
		kind_activities: channel,
		kind_reminders: channel,
		kind_joins: channel,
		kind_reports: channel,
		kind_notices: channel,
		kind_waiting: channel,
		quiet: v.optional(v.picklist(['on', 'off']), 'off'),
		// A time input may send seconds too ("22:00:00.000") even when the hours are off.
		quietStart: v.optional(
			v.pipe(
				v.string(),
				v.trim(),
				v.maxLength(12, () => m.err_time())
			),
			''
		),
		quietEnd: v.optional(
			v.pipe(
				v.string(),
				v.trim(),
				v.maxLength(12, () => m.err_time())
			),
			''
		)
	} satisfies Record<`kind_${NotifyGroup}`, unknown> & Record<string, unknown>),
	v.forward(
		v.check(
			(i) =>
				i.quiet === 'off' ||
				(CLOCK_TIME.test(i.quietStart) &&
					CLOCK_TIME.test(i.quietEnd) &&
					i.quietStart !== i.quietEnd),
			() => m.err_time()
		),
		['quietStart']
	)
);
