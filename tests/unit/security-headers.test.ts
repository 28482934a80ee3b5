import { describe, expect, test } from 'vitest';
import { NON_HTML_CSP, securityHeaders } from '../../src/lib/server/security-headers';

describe('issue #11 point 8: security headers', () => {
	test('HSTS only when the public origin is https', () => {
		expect(securityHeaders(false)).not.toHaveProperty('Strict-Transport-Security');
		expect(securityHeaders(true)['Strict-Transport-Security']).toBe('max-age=31536000');
	});

	test('only camera and geolocation, for the app itself', () => {
		const allowed = securityHeaders(false)
			['Permissions-Policy']!.split(', ')
			.filter((p) => !p.endsWith('=()'));
		expect(allowed).toEqual(['camera=(self)', 'geolocation=(self)']);
		expect(NON_HTML_CSP).toBe("default-src 'none'; frame-ancestors 'none'");
	});
});
