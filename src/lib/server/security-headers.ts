// Security headers on every response (issue #11 point 8). The page CSP is SvelteKit's `kit.csp`
// (svelte.config.js: nonces for Kit's inline scripts, no 'unsafe-inline'); everything Kit does not render
// as a page (files, PDF, XLSX, JSON of form actions, redirects) gets a CSP that allows nothing.
import { isRedirect, json, type RequestEvent } from '@sveltejs/kit';

/** For responses that are not Kit-rendered HTML: nothing may load, nothing may frame it. */
export const NON_HTML_CSP = "default-src 'none'; frame-ancestors 'none'";

/**
 * Only the camera (photos of findings) and geolocation (where a check started) for the app's own
 * origin; every other powerful feature off. Names Chromium recognises, so it logs no warnings.
 */
export const PERMISSIONS_POLICY = [
	'camera=(self)',
	'geolocation=(self)',
	'microphone=()',
	'payment=()',
	'usb=()',
	'serial=()',
	'hid=()',
	'midi=()',
	'display-capture=()',
	'accelerometer=()',
	'gyroscope=()',
	'magnetometer=()',
	'autoplay=()',
	'encrypted-media=()',
	'fullscreen=()',
	'picture-in-picture=()',
	'publickey-credentials-get=()',
	'screen-wake-lock=()',
	'idle-detection=()',
	'xr-spatial-tracking=()',
	'browsing-topics=()'
].join(', ');

/** One year; set only when the app's public origin is https (browsers ignore it on http anyway). */
export const HSTS = 'max-age=31536000';

export function securityHeaders(https: boolean): Record<string, string> {
	const h: Record<string, string> = {
		'X-Frame-Options': 'DENY',
		'X-Content-Type-Options': 'nosniff',
		'Referrer-Policy': 'strict-origin-when-cross-origin',
		'Permissions-Policy': PERMISSIONS_POLICY
	};
	if (https) h['Strict-Transport-Security'] = HSTS;
	return h;
}

/** Adds the headers (and the non-HTML CSP where Kit set none); a response with immutable headers is copied. */
export function withSecurityHeaders(response: Response, https: boolean): Response {
	let r = response;
	try {
		r.headers.set('X-Content-Type-Options', 'nosniff');
	} catch {
		r = new Response(response.body, { status: response.status, statusText: response.statusText, headers: new Headers(response.headers) });
	}
	for (const [k, v] of Object.entries(securityHeaders(https))) r.headers.set(k, v);
	if (!r.headers.has('Content-Security-Policy')) r.headers.set('Content-Security-Policy', NON_HTML_CSP);
	return r;
}

/**
 * A redirect thrown by a later handle (the guard's "sign in first") never comes back through
 * `resolve`: Kit would answer it after every handle, without these headers. The same three shapes Kit
 * gives it: JSON for a data request and for an enhanced form action, else a 303/307… with Location.
 */
export function redirectResponse(event: RequestEvent, e: unknown): Response | null {
	if (!isRedirect(e)) return null;
	if (event.isDataRequest) return json({ type: 'redirect', location: e.location });
	// Kit answers a form action in JSON unless the client prefers HTML (`*/*` included), as here.
	const accept = event.request.headers.get('accept') ?? '*/*';
	if (event.request.method === 'POST' && !accept.includes('text/html')) {
		return json({ type: 'redirect', status: e.status, location: e.location });
	}
	return new Response(null, { status: e.status, headers: { location: e.location } });
}
