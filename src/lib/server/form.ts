import * as v from 'valibot';

/** Form fields that never go back to the page, not even after a failed submit. */
const SECRET = /password|current/i;

/**
 * Reads a submitted form through a schema. On failure returns what the page needs to show the
 * form again without JavaScript: the values typed (passwords left out) and, per field, the
 * first message in the user's language.
 */
export function parseForm<S extends v.GenericSchema>(
	schema: S,
	form: FormData,
	/** Fields that may come more than once (a group of checkboxes): read as a list. */
	lists: string[] = []
): ({ ok: true; data: v.InferOutput<S> } | { ok: false; errors: Record<string, string> }) & {
	values: Record<string, string>;
} {
	const raw: Record<string, string> = {};
	for (const [key, value] of form) if (typeof value === 'string') raw[key] = value;
	const input: Record<string, string | string[]> = { ...raw };
	for (const key of lists) input[key] = form.getAll(key).filter((x) => typeof x === 'string');
	const result = v.safeParse(schema, input);
	if (result.success) return { ok: true, data: result.output, values: keep(raw) };
	const found: Record<string, string> = {};
	for (const issue of result.issues) {
		const key = issue.path?.[0]?.key;
		const field = typeof key === 'string' ? key : 'form';
		found[field] ??= issue.message;
	}
	// In the order of the form's fields (the schema's), not of the checks: a check across two
	// fields runs last, but its message belongs where its field stands in the error summary.
	const order = fieldsOf(schema);
	const at = (field: string) => (order.includes(field) ? order.indexOf(field) : order.length);
	const errors = Object.fromEntries(
		Object.entries(found).sort(([a], [b]) => at(a) - at(b))
	) as Record<string, string>;
	return { ok: false, values: keep(raw), errors };
}

/** The field names of an object schema, in order, also when it is wrapped in a pipe. */
function fieldsOf(schema: v.GenericSchema): string[] {
	if ('entries' in schema && schema.entries && typeof schema.entries === 'object')
		return Object.keys(schema.entries);
	if ('pipe' in schema && Array.isArray(schema.pipe) && schema.pipe[0] !== schema)
		return fieldsOf(schema.pipe[0] as v.GenericSchema);
	return [];
}

/** The values to put back in the form. */
export function keep(raw: Record<string, string> | FormData): Record<string, string> {
	const out: Record<string, string> = {};
	const entries = raw instanceof FormData ? [...raw] : Object.entries(raw);
	for (const [key, value] of entries)
		if (typeof value === 'string' && !SECRET.test(key)) out[key] = value.slice(0, 2000);
	return out;
}

/** One field's message, typed like the schema's errors so pages read both the same way. */
export function fieldError(field: string, message: string): Record<string, string> {
	return { [field]: message };
}
