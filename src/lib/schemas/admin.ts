import * as v from 'valibot';
import { firstName, password, rowId } from './fields';
import { flatSchema } from './flats';

/** The instance's first start: its administrator and the first flat. */
export const setupSchema = v.object({
	adminName: firstName,
	password,
	...flatSchema.entries
});

/** The administrator hands a flat its first verbinder. */
export const verbinderSchema = v.object({
	flatId: rowId,
	name: firstName
});
