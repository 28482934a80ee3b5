// Route helpers of the planning area: map a service refusal to fail() with the translated message, and
// echo multi-value fields (checkbox lists) so a refused form keeps every box the user ticked.
import { fail } from '@sveltejs/kit';
import type { FormFailure } from './forms';
import { t, type Locale } from '../i18n/t';

const LISTS = ['team', 'observers', 'focus', 'units'] as const;

export function listsOf(form: FormData | null): Record<string, string[]> {
	const out: Record<string, string[]> = {};
	if (!form) return out;
	for (const k of LISTS) out[k] = form.getAll(k).filter((v): v is string => typeof v === 'string');
	return out;
}

export function valuesOf(form: FormData | null): Record<string, string> {
	const out: Record<string, string> = {};
	if (!form) return out;
	for (const [k, v] of form.entries()) if (typeof v === 'string' && !/password|token/i.test(k)) out[k] = v;
	return out;
}

/** A refused parse, with the ticked boxes kept. */
export function failParse(failure: FormFailure, form: FormData | null, action?: string) {
	return fail(400, { ...failure, lists: listsOf(form), action });
}

/**
 * A refusal from a service (`{ status, code, field }`): translated, input echoed, nothing saved. A
 * refusal of one field is shown next to that field only (not a second time at the top of the form,
 * issue #11 point 10); one without a field, at the top.
 */
export function failRefusal(locale: Locale, r: { status: number; code: string; field?: string }, form: FormData | null, action?: string) {
	const message = t(locale, r.code);
	return fail(r.status, {
		message: r.field ? undefined : message,
		values: valuesOf(form),
		errors: r.field ? { [r.field]: message } : ({} as Record<string, string>),
		lists: listsOf(form),
		action
	});
}
