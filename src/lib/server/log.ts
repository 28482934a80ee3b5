// One JSON line on stderr per security-relevant event (issue #15 point 6): failed sign-ins, refusals
// (403) and unexpected errors. Each line carries a short random id (shown on the error page for an
// unexpected error, so a reported id finds its line). Nothing personal or secret goes in: no email,
// name, password, token, cookie or query string, only the path, the route, the status, a reason code
// and the acting account's record id. docs/operations.md lists the fields.

export type LogEvent = 'auth.login_failed' | 'http.forbidden' | 'http.error';

/** 8 hex characters: enough to find a line in a day's log, too short to mean anything else. */
export function newLogId(): string {
	return crypto.randomUUID().slice(0, 8);
}

/** The fields a line may hold: an allow-list, so a caller cannot pass a user's input by mistake. */
export interface LogFields {
	id?: string;
	status?: number;
	code?: string;
	method?: string;
	path?: string;
	route?: string | null;
	user?: string | null;
	message?: string;
	stack?: string;
}

const ALLOWED: (keyof LogFields)[] = ['status', 'code', 'method', 'path', 'route', 'user', 'message', 'stack'];

/** Writes the line and returns its id. */
export function logEvent(event: LogEvent, fields: LogFields = {}): string {
	const id = fields.id ?? newLogId();
	const line: Record<string, unknown> = {
		level: event === 'http.error' ? 'error' : 'warn',
		time: new Date().toISOString(),
		event,
		id
	};
	for (const k of ALLOWED) if (fields[k] !== undefined) line[k] = fields[k];
	const text = JSON.stringify(line);
	if (event === 'http.error') console.error(text);
	else console.warn(text);
	return id;
}

/** What a refusal line says of its request: method, path (no query string), route and the account's id. */
export function requestFields(event: { request: Request; url: URL; route: { id: string | null }; locals: App.Locals }): LogFields {
	return {
		method: event.request.method,
		path: event.url.pathname,
		route: event.route.id,
		user: event.locals.user?.id ?? null
	};
}

/**
 * A 403 refusal, logged once per request: from a form action's refusal (forms.ts `refused`, which an
 * enhanced form receives as a 200 JSON answer) or, for the rest, from the response status
 * (hooks.server.ts).
 */
export function logForbidden(ev: Parameters<typeof requestFields>[0], code?: string): string {
	if (ev.locals.refusalLogId) return ev.locals.refusalLogId;
	const id = logEvent('http.forbidden', { status: 403, code, ...requestFields(ev) });
	ev.locals.refusalLogId = id;
	return id;
}
