// What a use case answers: the data, or a refusal with an HTTP status and an i18n message key (and the
// form field it belongs to, so the page can show it beside the input).
export type Outcome<T = void> =
	| { ok: true; data: T }
	| { ok: false; status: 400 | 404 | 409; code: string; field?: string };

export const done = <T>(data: T): Outcome<T> => ({ ok: true, data });

export const refuse = (status: 400 | 404 | 409, code: string, field?: string): { ok: false; status: 400 | 404 | 409; code: string; field?: string } =>
	({ ok: false, status, code, field });
