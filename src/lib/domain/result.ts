// The one answer of every service (issue #12; docs/architecture.md, "One result, one path"): the value,
// or a refusal with an HTTP status and an i18n message key — with the form fields it belongs to when a
// form caused it, so the page shows each message beside its input. Routes turn it into
// fail()/error()/redirect() with `settle` (server/forms.ts). Lives in the domain (no server imports)
// because pages read the failure shape (`FormFailure`).
import type { MessageKey } from '../i18n/vi';

export type { MessageKey };

/**
 * 400 bad input, 401 wrong credentials (a sign-in or the current password), 403 not allowed, 404 not
 * found, 409 refused by the record's state or stale, 429 throttled (too many wrong passwords), 503 the
 * data server (PocketBase) is unreachable.
 */
export type RefusalStatus = 400 | 401 | 403 | 404 | 409 | 429 | 503;
export type MessageParams = Record<string, string | number>;

export type Refusal = {
	ok: false;
	status: RefusalStatus;
	code: MessageKey;
	/** Message keys by form field; a refusal without fields is shown at the top of the form. */
	fields?: Partial<Record<string, MessageKey>>;
	/** Placeholders of `code` (and of the field messages without their own). */
	params?: MessageParams;
	/** Placeholders of one field's message (a parse refusal: each field its own bounds). */
	fieldParams?: Partial<Record<string, MessageParams>>;
};

export type Success<T> = { ok: true; value: T };
export type Result<T = void> = Success<T> | Refusal;

export function ok(): Success<void>;
export function ok<T>(value: T): Success<T>;
export function ok<T>(value?: T): Success<T | undefined> {
	return { ok: true, value };
}

/** A refusal; `field` names the form input the message belongs to (shown beside it, not at the top). */
export function refuse(status: RefusalStatus, code: MessageKey, field?: string, params?: MessageParams): Refusal {
	const r: Refusal = { ok: false, status, code };
	if (field) r.fields = { [field]: code };
	if (params) r.params = params;
	return r;
}

export const notFound = (): Refusal => refuse(404, 'errors.not_found');
export const stale = (): Refusal => refuse(409, 'errors.stale');

/**
 * What a refused form action returns to its page (`fail(status, FormFailure)`): translated messages by
 * field, the text the user typed (never passwords or files), the ticked boxes of multi-value fields, a
 * message for the top of the form, and which of the page's forms failed.
 */
export interface FormFailure {
	values: Record<string, string>;
	errors: Record<string, string>;
	lists: Record<string, string[]>;
	message?: string;
	/** The named form (action) that was refused, for pages with several forms. */
	action?: string;
}

/** A page's view of its `form` prop: the failure's parts, empty when nothing failed (no casts needed). */
export function failureOf(form: object | null | undefined): FormFailure {
	const f = (form && typeof form === 'object' ? form : {}) as Partial<FormFailure>;
	return {
		values: f.values ?? {},
		errors: f.errors ?? {},
		lists: f.lists ?? {},
		message: typeof f.message === 'string' ? f.message : undefined,
		action: typeof f.action === 'string' ? f.action : undefined
	};
}
