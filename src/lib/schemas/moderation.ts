import * as v from 'valibot';
import { m } from '$lib/paraglide/messages';
import { rowId, text } from './fields';

export const reportSchema = v.object({
	reason: v.pipe(
		text(300),
		v.nonEmpty(() => m.err_message_required())
	),
	messageId: v.optional(
		v.pipe(
			v.string(),
			v.maxLength(12),
			v.transform((s) => (s ? Number(s) : null)),
			v.nullable(v.pipe(v.number(), v.integer(), v.minValue(1)))
		),
		''
	)
});

export const reportHandleSchema = v.object({
	reportId: rowId,
	outcome: v.picklist(['hide', 'restore', 'remove', 'dismiss'], () => m.err_choose())
});

/** The neighbour to block or unblock. */
export const userIdSchema = v.object({ userId: rowId });
