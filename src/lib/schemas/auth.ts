import * as v from 'valibot';
import { m } from '$lib/paraglide/messages';
import { currentPassword, firstName, password, redirectTo, text } from './fields';

export const codeSchema = v.object({
	code: v.pipe(
		text(40),
		v.nonEmpty(() => m.err_code_required())
	)
});

export const loginSchema = v.object({
	flat: v.pipe(
		text(60),
		v.nonEmpty(() => m.err_flat_required())
	),
	name: firstName,
	password: currentPassword,
	/** The page that sent the person to log in (a hidden field). */
	redirectTo: redirectTo('')
});

export const adminLoginSchema = v.object({
	name: firstName,
	password: currentPassword
});

export const newPasswordSchema = v.object({ code: v.pipe(text(40), v.nonEmpty()), password });
