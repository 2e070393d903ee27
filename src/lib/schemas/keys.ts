import * as v from 'valibot';
import { m } from '$lib/paraglide/messages';
import { rowId } from './fields';

export const keySchema = v.object({ keyId: rowId });

/** The neighbour picked from a list to keep one's key: a list left at its first line says so. */
export const newKeySchema = v.object({
	holderId: v.pipe(
		v.string(() => m.err_choose()),
		v.nonEmpty(() => m.err_choose()),
		v.maxLength(12, () => m.err_choose()),
		rowId
	)
});
