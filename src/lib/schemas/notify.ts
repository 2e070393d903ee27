import * as v from 'valibot';
import { m } from '$lib/paraglide/messages';
import { CHANNELS, type Channel, type NotifyGroup } from '$lib/notify-groups';
import { CLOCK_TIME, rowId } from './fields';

/** A notification to open. */
export const idSchema = v.object({ id: rowId });

/**
 * The kinds that carry news for the whole flat (new requests and offers, activities, notices):
 * only these can wait for the weekly summary, which lists exactly them. Joins are not among
 * them: the summary names nobody who joined, and a verbinder should let a waiting neighbour in
 * the same day.
 */
export const WEEKLY_GROUPS = ['requests', 'activities', 'notices'] as const satisfies NotifyGroup[];

/** The channels a member may choose for a kind: the weekly summary only where it lists that kind. */
export const channelsOf = (group: NotifyGroup): readonly Channel[] =>
	(WEEKLY_GROUPS as readonly NotifyGroup[]).includes(group)
		? CHANNELS
		: CHANNELS.filter((c) => c !== 'weekly');

/** A member's notification choices: one channel per kind, and quiet hours (or none). */
const channel = (group: NotifyGroup) =>
	v.optional(v.picklist(channelsOf(group), () => m.err_choose()));
export const notifyPrefsSchema = v.pipe(
	v.object({
		// Prefixed: a form control named "matches" would hide the form element's own matches().
		kind_matches: channel('matches'),
		kind_requests: channel('requests'),
		kind_responses: channel('responses'),
		kind_messages: channel('messages'),
		kind_activities: channel('activities'),
		kind_reminders: channel('reminders'),
		kind_joins: channel('joins'),
		kind_reports: channel('reports'),
		kind_notices: channel('notices'),
		kind_waiting: channel('waiting'),
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
