import { describe, expect, test } from 'vitest';
import { checkSession, describeUserAgent, newSessionTimes } from '../../src/lib/domain/session';
import { generateSessionToken, hashSessionToken } from '../../src/lib/server/auth/session';
import { loginSchema, passwordChangeSchema, safeNext } from '../../src/lib/domain/schemas/auth';

const H = 3600_000;
const policy = { idleMs: 10 * H, absoluteMs: 24 * H };
const t0 = new Date('2026-01-01T00:00:00Z');
const at = (h: number) => new Date(t0.getTime() + h * H);

describe('session lifetime', () => {
	test('a new session expires after the idle time, capped by the absolute time', () => {
		const s = newSessionTimes(t0, policy);
		expect(s.expiresAt).toEqual(at(10));
		expect(s.absoluteExpiresAt).toEqual(at(24));
		expect(newSessionTimes(t0, { idleMs: 48 * H, absoluteMs: 24 * H }).expiresAt).toEqual(at(24));
	});

	test('before half-life nothing changes; after it the expiry slides; never past the absolute expiry', () => {
		const s = newSessionTimes(t0, policy);
		expect(checkSession(s, at(4), policy)).toEqual({ state: 'valid' });
		expect(checkSession(s, at(6), policy)).toEqual({ state: 'extend', expiresAt: at(16) });
		const late = { expiresAt: at(22), absoluteExpiresAt: at(24) };
		expect(checkSession(late, at(20), policy)).toEqual({ state: 'extend', expiresAt: at(24) });
		expect(checkSession({ expiresAt: at(24), absoluteExpiresAt: at(24) }, at(23), policy)).toEqual({ state: 'valid' });
		expect(checkSession(late, at(24), policy)).toEqual({ state: 'expired' });
		expect(checkSession(s, at(10), policy)).toEqual({ state: 'expired' });
	});
});

describe('tokens', () => {
	test('tokens are 32 base32 characters, unique, and hashed to 64 hex digits', () => {
		const a = generateSessionToken();
		const b = generateSessionToken();
		expect(a).toMatch(/^[a-z2-7]{32}$/);
		expect(a).not.toBe(b);
		expect(hashSessionToken(a)).toMatch(/^[0-9a-f]{64}$/);
		expect(hashSessionToken(a)).toBe(hashSessionToken(a));
		expect(hashSessionToken(a)).not.toBe(hashSessionToken(b));
	});
});

describe('login input', () => {
	test('emails are trimmed and lower-cased; bad input carries message keys', () => {
		expect(loginSchema.parse({ email: '  LanhDao@CuuAn.congvu.vn ', password: 'x' }).email).toBe('lanhdao@cuuan.congvu.vn');
		const r = loginSchema.safeParse({ email: 'not-an-email', password: '' });
		expect(r.success).toBe(false);
		const messages = r.success ? [] : r.error.issues.map((i) => i.message);
		expect(messages).toContain('errors.email');
		expect(messages).toContain('errors.required');
	});

	test('only same-site paths are followed after login', () => {
		const o = 'http://localhost:3000';
		expect(safeNext('/account', o)).toBe('/account');
		expect(safeNext('/checks?status=open#x', o)).toBe('/checks?status=open#x');
		expect(safeNext('//evil.example', o)).toBeNull();
		expect(safeNext('https://evil.example', o)).toBeNull();
		expect(safeNext('/\\evil', o)).toBeNull();
		expect(safeNext(null, o)).toBeNull();
	});

	// The tab arrives decoded from `?next=/%09/evil.example`; browsers drop it and follow //evil.example.
	test.each([
		['/\t/evil.example'],
		['/\n/evil.example'],
		['\t//evil.example'],
		['/\\/evil.example'],
		['\\\\evil.example'],
		['/.//evil.example'],
		['https://evil.example/checks'],
		['javascript:alert(1)'],
		['  javascript:alert(1)'],
		['http://localhost:3001/account']
	])('issue #11 point 7: open redirect: %j is refused', (next) => {
		expect(safeNext(next, 'http://localhost:3000')).toBeNull();
	});

	test('devices are described from the User-Agent', () => {
		expect(describeUserAgent('Mozilla/5.0 (Linux; Android 14; Pixel 7) AppleWebKit/537.36 Chrome/130.0 Mobile Safari/537.36')).toEqual({
			browser: 'Chrome',
			os: 'Android'
		});
		expect(describeUserAgent('')).toBeNull();
	});
});

describe('password change form', () => {
	const form = (current: string, next: string, confirm: string) =>
		passwordChangeSchema.safeParse({ current_password: current, new_password: next, confirm_password: confirm });
	const codes = (r: ReturnType<typeof form>) =>
		r.success ? {} : Object.fromEntries(r.error.issues.map((i) => [String(i.path[0]), i.message]));
	test('a new password typed twice the same, different from the current one, is accepted', () => {
		expect(form('cu-mat-khau-1', 'Mat-khau-moi-2026', 'Mat-khau-moi-2026').success).toBe(true);
	});
	test('mismatch, reuse, too short and missing fields each name their field', () => {
		expect(codes(form('cu-mat-khau-1', 'Mat-khau-moi-2026', 'Mat-khau-moi-2025'))).toEqual({
			confirm_password: 'account.password.mismatch'
		});
		expect(codes(form('Mat-khau-moi-2026', 'Mat-khau-moi-2026', 'Mat-khau-moi-2026'))).toEqual({ new_password: 'account.password.same' });
		expect(codes(form('cu-mat-khau-1', 'ngan', 'ngan'))).toMatchObject({ new_password: 'accounts.error.password_short' });
		expect(codes(form('', 'Mat-khau-moi-2026', 'Mat-khau-moi-2026'))).toMatchObject({ current_password: 'errors.required' });
	});
});
