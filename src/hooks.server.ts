import { redirect, type Handle, type HandleServerError, type ServerInit } from '@sveltejs/kit';
import { building } from '$app/environment';
import { sequence } from '@sveltejs/kit/hooks';
import { getServices } from '$lib/server/app';
import { getConfig } from '$lib/server/config';
import { SESSION_COOKIE, clearSessionCookie, clearSessionCookieHeader, setSessionCookie } from '$lib/server/auth/cookies';
import { canEnterGroup, routeGroupOf } from '$lib/server/authz';
import { DEFAULT_LOCALE, LOCALE_COOKIE, isLocale, t } from '$lib/i18n/t';
import { redirectResponse, withSecurityHeaders } from '$lib/server/security-headers';
import { logEvent, logForbidden, newLogId, requestFields } from '$lib/server/log';
import { withActor } from '$lib/server/pb/actor';
import '$lib/server/i18n';

/**
 * Outermost: every response, whatever made it (page, form action, +server.ts file, redirect, error
 * page), leaves with the security headers (issue #11 point 8); HSTS only when ORIGIN is https.
 */
const handleSecurityHeaders: Handle = async ({ event, resolve }) => {
	let response: Response;
	try {
		response = await resolve(event);
	} catch (e) {
		const r = redirectResponse(event, e);
		if (!r) throw e;
		// Kit adds cookies set by the handles only to responses from `resolve`. The guard redirects only
		// requests without a user, so the one cookie to carry is the session cookie cleared for a stale token.
		if (event.request.headers.get('cookie')?.includes(`${SESSION_COOKIE}=`) && !event.locals.session) {
			r.headers.append('set-cookie', clearSessionCookieHeader(event.cookies, getConfig().cookieSecure));
		}
		response = r;
	}
	// A body the route never read (a redirect before the action ran, an action that takes no input such
	// as logout) is read to its end before answering: a client still uploading would otherwise see its
	// connection reset instead of the answer (found by the fuzz, docs/fuzzing.md).
	if (event.request.body && !event.request.bodyUsed) await event.request.arrayBuffer().catch(() => null);
	// Every 403 leaves one line (issue #15 point 6); a form action's refusal was logged by forms.ts already.
	if (response.status === 403) logForbidden(event);
	return withSecurityHeaders(response, getConfig().cookieSecure);
};

const handleLocale: Handle = async ({ event, resolve }) => {
	const fromCookie = event.cookies.get(LOCALE_COOKIE);
	event.locals.locale = isLocale(fromCookie) ? fromCookie : DEFAULT_LOCALE;
	return resolve(event, {
		transformPageChunk: ({ html }) => html.replace('%lang%', event.locals.locale)
	});
};

const handleSession: Handle = async ({ event, resolve }) => {
	event.locals.user = null;
	event.locals.session = null;
	const token = event.cookies.get(SESSION_COOKIE) ?? null;
	if (!token) return resolve(event);
	const secure = getConfig().cookieSecure;
	const { sessions } = await getServices();
	const found = await sessions.validate(token);
	if (found) {
		setSessionCookie(event.cookies, token, found.session.expiresAt, secure);
		event.locals.user = found.user;
		event.locals.session = found.session;
		if (!isLocale(event.cookies.get(LOCALE_COOKIE)) && found.user.locale) event.locals.locale = found.user.locale;
		// Every PocketBase write of this request names this user in the audit trail (docs/audit.md).
		return withActor(found.user.id, () => resolve(event));
	}
	clearSessionCookie(event.cookies, secure);
	return resolve(event);
};

/** Anonymous requests under /(app) go to /login; a role outside a route group gets 403. */
const handleGuard: Handle = async ({ event, resolve }) => {
	const id = event.route.id;
	if (id?.startsWith('/(app)')) {
		const user = event.locals.user;
		if (!user) {
			const next = encodeURIComponent(event.url.pathname + event.url.search);
			redirect(303, `/login?next=${next}`);
		}
		// Pages render the 403 themselves (group layouts call requireRole); form actions are not guarded
		// by layout loads, so every other method is refused here.
		if (!canEnterGroup(user.role, routeGroupOf(id)) && event.request.method !== 'GET' && event.request.method !== 'HEAD') {
			// The body is read first (a refused upload otherwise resets the connection mid-send) and the
			// refusal is in the user's language, never a bare English word (docs/fuzzing.md).
			await event.request.arrayBuffer().catch(() => null);
			return new Response(t(event.locals.locale, 'errors.forbidden'), {
				status: 403,
				headers: { 'content-type': 'text/plain; charset=utf-8' }
			});
		}
	}
	return resolve(event);
};

export const handle = sequence(handleSecurityHeaders, handleLocale, handleSession, handleGuard);

/**
 * Unexpected errors: one JSON line on stderr per error (issue #19), carrying the id the error page shows
 * the user, so a reported id finds its stack. The path only: query strings may carry tokens.
 */
export const handleError: HandleServerError = ({ error, event, status, message }) => {
	const id = newLogId();
	if (status !== 404) {
		const e = error instanceof Error ? error : null;
		logEvent('http.error', { id, status, ...requestFields(event), message: e?.message ?? message, stack: e?.stack });
	}
	return { message: status === 404 ? 'errors.not_found' : 'errors.unexpected', id };
};

/** Starts the deadline scheduler (issue #6) once the server starts; it retries until PocketBase is up. */
export const init: ServerInit = () => {
	if (building) return;
	try {
		if (getConfig().CONGVU_SCHEDULER === 'off') return;
	} catch (e) {
		console.error('[scheduler] not started:', (e as Error).message);
		return;
	}
	let started = false;
	const tryStart = () =>
		getServices()
			.then((s) => {
				if (started) return;
				started = true;
				s.scheduler.start();
			})
			.catch(() => setTimeout(tryStart, 5_000).unref());
	void tryStart();
};
