// The one route helper between forms, services and pages (issue #12; docs/architecture.md,
// "One result, one path"):
// - parseForm(): one zod schema per form; a refused parse is a Refusal like any service's (400, field keys);
// - settle()/refused(): a service Result becomes redirect() on success, error() when the record is not
//   found, and otherwise fail(status, FormFailure): each message translated beside its field (or at the
//   top when it belongs to no field), the text the user typed and the boxes they ticked echoed back
//   (never passwords, never files), and the name of the form that failed.
import { error, fail, redirect, type ActionFailure } from '@sveltejs/kit';
import { getRequestEvent } from '$app/server';
import { logForbidden } from './log';
import type { z } from 'zod';
import { t, isMessageKey, type KeyPrefix, type Locale } from '../i18n/t';
import type { FormFailure, MessageKey, MessageParams, Refusal, Result } from '../domain/result';
import { cleanInput } from '../domain/text';

export type { FormFailure };

const SECRET = /password|token/i;
/** Longer values (a signature's image data) are not echoed: nobody typed them. */
const ECHO_MAX = 20_000;
/** Field names that would reach an object's prototype: never read, never echoed (docs/fuzzing.md). */
const POISON = new Set(['__proto__', 'constructor', 'prototype']);
const echoed = (k: string, v: FormDataEntryValue): v is string =>
	typeof v === 'string' && v.length <= ECHO_MAX && !SECRET.test(k) && !POISON.has(k);
/** Multi-value fields (checkbox lists) echoed as lists even when nothing is ticked. */
const LISTS = ['team', 'observers', 'focus', 'units', 'sources'] as const;

/** Reads a request body as form data; a malformed or non-form body gives null instead of a 500. */
export async function readForm(request: Request): Promise<FormData | null> {
	try {
		return await request.formData();
	} catch {
		return null;
	}
}

/** The text fields of a submitted form (the last value of each), never passwords, tokens or files. */
export function typedValues(form: FormData | null): Record<string, string> {
	const values: Record<string, string> = {};
	for (const [k, v] of form?.entries() ?? []) if (echoed(k, v)) values[k] = v;
	return values;
}

/** Every value of the multi-value fields, so a refused form keeps every box the user ticked. */
export function typedLists(form: FormData | null): Record<string, string[]> {
	const lists: Record<string, string[]> = {};
	if (!form) return lists;
	for (const k of LISTS) lists[k] = [];
	// Own keys only: a field named `toString` must not find Object.prototype's (docs/fuzzing.md).
	for (const [k, v] of form.entries()) if (echoed(k, v)) (Object.hasOwn(lists, k) ? lists[k]! : (lists[k] = [])).push(v);
	for (const k of Object.keys(lists)) if (lists[k]!.length === 1 && !(LISTS as readonly string[]).includes(k)) delete lists[k];
	return lists;
}

/** A refusal of one parse: the first issue per field, its i18n key (zod messages are keys) and bounds. */
function parseRefusal(issues: readonly z.core.$ZodIssue[]): Refusal {
	const fields: Partial<Record<string, MessageKey>> = {};
	const fieldParams: Partial<Record<string, MessageParams>> = {};
	for (const issue of issues) {
		const field = String(issue.path[0] ?? '_');
		if (fields[field]) continue;
		fields[field] = isMessageKey(issue.message) ? issue.message : 'errors.invalid';
		const params: MessageParams = {};
		if ('maximum' in issue) params.max = Number(issue.maximum);
		if ('minimum' in issue) params.min = Number(issue.minimum);
		if (Object.keys(params).length) fieldParams[field] = params;
	}
	return { ok: false, status: 400, code: 'errors.invalid', fields, fieldParams };
}

/** Parses a form with its schema; a refusal names each invalid field (translated by `refused`). */
export function parseForm<S extends z.ZodType>(schema: S, form: FormData | null): Result<z.output<S>> {
	if (!form) return { ok: false, status: 400, code: 'errors.bad_request' };
	// Own keys only (a field named `__proto__` is no prototype); text cleaned once for every form here.
	const raw: Record<string, unknown> = {};
	for (const [k, value] of form.entries()) {
		if (POISON.has(k)) continue;
		const v = typeof value === 'string' && !SECRET.test(k) ? cleanInput(value) : value;
		raw[k] = Object.hasOwn(raw, k) ? ([] as unknown[]).concat(raw[k], v) : v;
	}
	const r = schema.safeParse(raw);
	return r.success ? { ok: true, value: r.data } : parseRefusal(r.error.issues);
}

export interface Echo {
	/** Which of the page's forms was refused (pages with several forms show the failure on that one). */
	action?: string;
	/** Also show the first field message at the top of the form (compact forms without per-field slots). */
	summary?: boolean;
}

/** The translated failure a page reads: messages by field, or at the top when they belong to no field. */
export function failure(locale: Locale, r: Refusal, form: FormData | null, echo: Echo = {}): FormFailure {
	const errors: Record<string, string> = {};
	for (const [field, key] of Object.entries(r.fields ?? {})) if (key) errors[field] = t(locale, key, r.fieldParams?.[field] ?? r.params);
	const first = Object.values(errors)[0];
	const message = first === undefined ? t(locale, r.code, r.params) : echo.summary ? first : undefined;
	const out: FormFailure = { values: typedValues(form), errors, lists: typedLists(form) };
	if (message !== undefined) out.message = message;
	if (echo.action !== undefined) out.action = echo.action;
	return out;
}

/** Logs a 403 refusal of the current request (outside a request, e.g. a unit test, nothing). */
function logForbiddenHere(code: string) {
	let event;
	try {
		event = getRequestEvent();
	} catch {
		return;
	}
	logForbidden(event, code);
}

/**
 * A refusal as the page sees it: not found → the error page (404); anything else → fail(status) with
 * the messages translated and the input echoed, nothing saved.
 */
export function refused(locale: Locale, r: Refusal, form: FormData | null, echo: Echo = {}): ActionFailure<FormFailure> {
	if (r.status === 404) error(404, r.code);
	if (r.status === 403) logForbiddenHere(r.code);
	return fail(r.status, failure(locale, r, form, echo));
}

/**
 * The end of a form action: success → 303 to `redirectTo` (given the value); refusal → `refused`.
 * `route: const r = await services.x.do(actor, id, input.value); return settle(locale, r, form, { redirectTo: '/x' });`
 */
export function settle<T>(
	locale: Locale,
	r: Result<T>,
	form: FormData | null,
	opts: Echo & { redirectTo: string | ((value: T) => string) }
): ActionFailure<FormFailure> {
	if (!r.ok) return refused(locale, r, form, opts);
	redirect(303, typeof opts.redirectTo === 'string' ? opts.redirectTo : opts.redirectTo(r.value));
}

/** The success notice named by `?done=` after a redirect, when it is one of the page's own. */
export function noticeKey(url: URL, prefix: KeyPrefix, allowed: readonly string[]): MessageKey | null {
	const done = url.searchParams.get('done');
	const key = `${prefix}.notice.${done}`;
	return done && allowed.includes(done) && isMessageKey(key) ? key : null;
}

/**
 * A read's Result in a page load or a GET handler: the value, or the error page with the refusal's
 * status and message key (404 errors.not_found for a missing record).
 * `route: const detail = found(await services.units.detail(actor, params.id));`
 */
export function found<T>(r: Result<T>): T {
	if (!r.ok) error(r.status, r.code);
	return r.value;
}
