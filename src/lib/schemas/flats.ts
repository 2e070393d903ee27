import * as v from 'valibot';
import { m } from '$lib/paraglide/messages';
import { text } from './fields';

const timeZones = new Set(Intl.supportedValuesOf('timeZone'));
timeZones.add('UTC');

export const flatSchema = v.object({
	name: v.pipe(
		text(60),
		v.minLength(2, () => m.err_flat_name())
	),
	slug: v.pipe(
		text(40),
		v.toLowerCase(),
		v.regex(/^[a-z0-9](?:-?[a-z0-9])+$/, () => m.err_slug())
	),
	timeZone: v.pipe(
		text(64),
		v.check(
			(z) => timeZones.has(z),
			() => m.err_time_zone()
		)
	),
	joinMode: v.picklist(['open', 'approval'], () => m.err_choose())
});

export const joinModeSchema = v.pick(flatSchema, ['joinMode']);
