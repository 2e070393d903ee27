import * as v from 'valibot';
import { m } from '$lib/paraglide/messages';
import { currentPassword, locale, password, redirectTo, rowId } from './fields';

export const changePasswordSchema = v.object({
	current: currentPassword,
	password
});

/** Deleting an account: the password once more, and the box that says it is meant. */
export const deleteSchema = v.object({
	password: currentPassword,
	confirm: v.pipe(
		v.optional(v.string(), ''),
		v.maxLength(10, () => m.privacy_delete_check_required()),
		v.check(
			(s) => s === 'on',
			() => m.privacy_delete_check_required()
		)
	)
});

export const localeSchema = v.object({
	locale,
	// As long as safeRedirect in $lib/links takes.
	redirectTo: v.optional(v.pipe(v.string(), v.maxLength(2000)), '/')
});

/**
 * The language switch never refuses: a language it does not know leaves the language as it
 * was, and an address back that is not one of ours (or too long to be) goes home.
 */
export const languageSwitchSchema = v.object({
	locale: v.fallback(v.optional(locale), undefined),
	redirectTo: redirectTo('/')
});

/** One of the user's push devices, by its id. */
export const deviceSchema = v.object({ id: rowId });
