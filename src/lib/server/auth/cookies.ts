import type { Cookies } from '@sveltejs/kit';

export const SESSION_COOKIE = 'congvu_session';

export function setSessionCookie(cookies: Cookies, token: string, expiresAt: Date, secure: boolean) {
	cookies.set(SESSION_COOKIE, token, {
		httpOnly: true,
		sameSite: 'lax',
		path: '/',
		secure,
		expires: expiresAt
	});
}

const clearOptions = (secure: boolean) => ({ httpOnly: true, sameSite: 'lax' as const, path: '/', secure, maxAge: 0 });

export function clearSessionCookie(cookies: Cookies, secure: boolean) {
	cookies.set(SESSION_COOKIE, '', clearOptions(secure));
}

/** The same clearing as a Set-Cookie header, for a response built outside `resolve` (see hooks.server.ts). */
export function clearSessionCookieHeader(cookies: Cookies, secure: boolean): string {
	return cookies.serialize(SESSION_COOKIE, '', clearOptions(secure));
}
