import { getContext, setContext } from 'svelte';

type FieldIds = (name: string) => string;
const KEY = Symbol('field-ids');

/**
 * Gives the fields of a form ids its error summary can link to: `${prefix}-${name}`. Called by
 * the component that holds the form; the same prefix on server and client ($props.id()).
 */
export function setFieldIds(prefix: string): FieldIds {
	const ids: FieldIds = (name) => `${prefix}-${name}`;
	setContext(KEY, ids);
	return ids;
}

/** The form's ids, for a field to use; outside such a form, one of the field's own. */
export function fieldIds(fallback: string): FieldIds {
	return getContext<FieldIds | undefined>(KEY) ?? ((name) => `${fallback}-${name}`);
}
