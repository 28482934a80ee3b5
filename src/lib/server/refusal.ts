// Maps a service refusal (Outcome with ok: false) to a form failure: the message beside its field (or
// at the top of the form when it belongs to no field), the text the user typed echoed back (never passwords).
import { fail } from '@sveltejs/kit';
import { t, type Locale } from '../i18n/t';

const SECRET = /password|token/i;

export function typedValues(form: FormData | null): Record<string, string> {
	const values: Record<string, string> = {};
	for (const [k, v] of form?.entries() ?? []) if (typeof v === 'string' && !SECRET.test(k)) values[k] = v;
	return values;
}

export function refusal<X extends object = object>(
	locale: Locale,
	r: { status: 400 | 404 | 409; code: string; field?: string },
	form: FormData | null,
	extra?: X
) {
	const message = t(locale, r.code);
	return fail(r.status, {
		values: typedValues(form),
		errors: (r.field ? { [r.field]: message } : {}) as Record<string, string>,
		message: r.field ? undefined : message,
		...(extra as X)
	});
}

/** The success notice named by `?done=` after a redirect, when it is one of the page's own. */
export function noticeKey(url: URL, prefix: string, allowed: readonly string[]): string | null {
	const done = url.searchParams.get('done');
	return done && allowed.includes(done) ? `${prefix}.notice.${done}` : null;
}
