// parseForm(): one zod schema per form; messages are i18n keys translated here. Echoes text fields back
// (never passwords, never files) so a refused form keeps what the user typed.
import type { z } from 'zod';
import { t, type Locale } from '../i18n/t';

export interface FormFailure {
	values: Record<string, string>;
	errors: Record<string, string>;
	message?: string;
}

export type Parsed<T> = { ok: true; data: T } | { ok: false; failure: FormFailure };

const SECRET = /password|token/i;

/** Reads a request body as form data; a malformed or non-form body gives null instead of a 500. */
export async function readForm(request: Request): Promise<FormData | null> {
	try {
		return await request.formData();
	} catch {
		return null;
	}
}

function messageFor(locale: Locale, issue: z.core.$ZodIssue): string {
	const key = issue.message && issue.message.includes('.') ? issue.message : 'errors.invalid';
	const params: Record<string, string | number> = {};
	if ('maximum' in issue) params.max = Number(issue.maximum);
	if ('minimum' in issue) params.min = Number(issue.minimum);
	return t(locale, key, params);
}

export function parseForm<S extends z.ZodType>(
	schema: S,
	form: FormData | null,
	locale: Locale
): Parsed<z.output<S>> {
	if (!form) return { ok: false, failure: { values: {}, errors: {}, message: t(locale, 'errors.bad_request') } };
	const raw: Record<string, unknown> = {};
	const values: Record<string, string> = {};
	for (const [k, v] of form.entries()) {
		if (typeof v === 'string') {
			raw[k] = raw[k] === undefined ? v : ([] as unknown[]).concat(raw[k], v);
			if (!SECRET.test(k)) values[k] = v;
		} else {
			raw[k] = raw[k] === undefined ? v : ([] as unknown[]).concat(raw[k], v);
		}
	}
	const r = schema.safeParse(raw);
	if (r.success) return { ok: true, data: r.data };
	const errors: Record<string, string> = {};
	for (const issue of r.error.issues) {
		const field = String(issue.path[0] ?? '_');
		errors[field] ??= messageFor(locale, issue);
	}
	return { ok: false, failure: { values, errors } };
}
