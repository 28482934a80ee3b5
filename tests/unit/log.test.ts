// The log line of a refusal (issue #15 point 6): an id, the path without its query string, the route
// and the account's record id; never an email, name, token or cookie; one line per request.
import { afterEach, expect, test, vi } from 'vitest';
import { logEvent, logForbidden } from '../../src/lib/server/log';

afterEach(() => vi.restoreAllMocks());

function capture() {
	const lines: string[] = [];
	vi.spyOn(console, 'warn').mockImplementation((...a: unknown[]) => void lines.push(a.map(String).join(' ')));
	vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void lines.push(a.map(String).join(' ')));
	return lines;
}

function fakeEvent() {
	const request = new Request('http://x.test/staff/abc?token=secret-token-value&email=a%40b.vn', {
		method: 'POST',
		headers: { cookie: 'congvu_session=cookie-secret-value' }
	});
	return {
		request,
		url: new URL(request.url),
		route: { id: '/(app)/staff/[id]' },
		locals: {
			user: { id: 'user0000000001', email: 'a@b.vn', name: 'Trần Thị Bí Mật' },
			session: null,
			locale: 'vi'
		} as unknown as App.Locals
	};
}

test('a 403 is logged once per request, with an id and without query string, cookie or personal data', () => {
	const lines = capture();
	const ev = fakeEvent();
	const id = logForbidden(ev, 'errors.forbidden');
	expect(logForbidden(ev)).toBe(id); // the response-status check after a form refusal adds nothing
	expect(lines).toHaveLength(1);
	const line = JSON.parse(lines[0]!);
	expect(line).toMatchObject({
		event: 'http.forbidden',
		id,
		status: 403,
		code: 'errors.forbidden',
		method: 'POST',
		path: '/staff/abc',
		route: '/(app)/staff/[id]',
		user: 'user0000000001'
	});
	expect(id).toMatch(/^[0-9a-f]{8}$/);
	for (const s of ['secret-token-value', 'cookie-secret-value', 'a@b.vn', 'a%40b', 'Bí Mật']) expect(lines[0]).not.toContain(s);
});

test('fields outside the allow-list never reach the line', () => {
	const lines = capture();
	logEvent('auth.login_failed', { status: 401, code: 'login.error.invalid', ...({ email: 'x@y.vn', password: 'pw' } as object) });
	expect(lines[0]).not.toContain('x@y.vn');
	expect(lines[0]).not.toContain('pw"');
	expect(JSON.parse(lines[0]!).id).toMatch(/^[0-9a-f]{8}$/);
});
