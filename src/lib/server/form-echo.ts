// The text fields of a submitted form, to show them again when a service refuses the input (parseForm
// does this for schema failures; this is for refusals after parsing). Never passwords or files.
export function formValues(form: FormData | null): Record<string, string> {
	const values: Record<string, string> = {};
	for (const [k, v] of form?.entries() ?? []) if (typeof v === 'string' && !/password|token/i.test(k)) values[k] = v;
	return values;
}
