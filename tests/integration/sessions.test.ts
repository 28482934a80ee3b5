// Sessions the Lucia way, on the real server: only hashes stored, logout and expiry end sessions
// server-side, forged and tampered tokens are refused, inactive accounts cannot sign in.
import { afterEach, describe, expect, test } from 'vitest';
import { configureSessionCache } from '../../src/lib/server/cache';
import { hashSessionToken } from '../../src/lib/server/auth/session';
import { usersRepo } from '../../src/lib/server/repos/users';
import { authService } from '../../src/lib/server/services/auth';
import { createAnonymousPb } from '../../src/lib/server/pb/create';
import { makeUser, manualClock, superPb, TEST_PASSWORD, testServices } from '../support/services';

const HOUR = 3600_000;

async function sessionRows(userId: string) {
	const pb = await superPb();
	return pb.collection('sessions').getFullList({ filter: pb.filter('user = {:u}', { u: userId }) });
}

describe('sign-in', () => {
	test('a correct password opens a session whose row holds only the token hash', async () => {
		const s = await testServices();
		const u = await makeUser('leader');
		const r = await s.auth.login(
			{ email: u.email, password: TEST_PASSWORD },
			{ userAgent: 'Mozilla/5.0 (Linux; Android 14) Chrome/130', ip: '10.0.0.1' }
		);
		expect(r.ok).toBe(true);
		if (!r.ok) return;
		const { token } = r.value;
		expect(token).toMatch(/^[a-z2-7]{32}$/);
		const rows = await sessionRows(u.id);
		expect(rows).toHaveLength(1);
		expect(rows[0]!.token_hash).toBe(hashSessionToken(token));
		// The raw token appears nowhere in the stored row.
		expect(JSON.stringify(rows[0])).not.toContain(token);
		const v = await s.sessions.validate(token);
		expect(v?.user.id).toBe(u.id);
	});

	test('wrong password and unknown email are refused with the same message', async () => {
		const s = await testServices();
		const u = await makeUser('inspector');
		const wrong = await s.auth.login({ email: u.email, password: 'sai-mat-khau' }, {});
		const unknown = await s.auth.login({ email: 'khong-co@test.congvu.local', password: TEST_PASSWORD }, {});
		expect(wrong).toEqual({ ok: false, status: 401, code: 'login.error.invalid' });
		expect(unknown).toEqual({ ok: false, status: 401, code: 'login.error.invalid' });
		expect(await sessionRows(u.id)).toHaveLength(0);
	});

	test('five wrong passwords lock the email for 15 minutes, even with the right password; others are not affected', async () => {
		const clock = manualClock();
		const s = await testServices(clock);
		const u = await makeUser('inspector');
		const other = await makeUser('inspector');
		for (let i = 0; i < 5; i++)
			expect(await s.auth.login({ email: u.email, password: 'sai-mat-khau' }, { ip: '10.0.0.7' })).toEqual({
				ok: false,
				status: 401,
				code: 'login.error.invalid'
			});
		// Locked: the right password is not even checked; the same email in other letter case too.
		expect(await s.auth.login({ email: u.email.toUpperCase(), password: TEST_PASSWORD }, { ip: '10.0.0.8' })).toEqual({
			ok: false,
			status: 429,
			code: 'login.error.throttled',
			params: { minutes: 15 }
		});
		expect(await sessionRows(u.id)).toHaveLength(0);
		// Another account from the same address signs in.
		expect((await s.auth.login({ email: other.email, password: TEST_PASSWORD }, { ip: '10.0.0.7' })).ok).toBe(true);
		clock.advance(14 * 60_000);
		expect(await s.auth.login({ email: u.email, password: TEST_PASSWORD }, { ip: '10.0.0.7' })).toEqual({
			ok: false,
			status: 429,
			code: 'login.error.throttled',
			params: { minutes: 1 }
		});
		clock.advance(60_000);
		expect((await s.auth.login({ email: u.email, password: TEST_PASSWORD }, { ip: '10.0.0.7' })).ok).toBe(true);
	});

	test("changing one's own password: the current one must be right; afterwards only the new one works and other sessions end", async () => {
		const s = await testServices();
		const u = await makeUser('leader');
		const here = await s.auth.login({ email: u.email, password: TEST_PASSWORD }, { ip: '10.0.1.1' });
		const phone = await s.auth.login({ email: u.email, password: TEST_PASSWORD }, { ip: '10.0.1.2' });
		if (!here.ok || !phone.ok) throw new Error('sign-in failed');
		const actor = { id: u.id, role: u.role, unitId: null };
		expect(await s.auth.changePassword(actor, here.value.session.id, { current: 'sai-mat-khau', next: 'Mat-khau-moi-2026' }, {})).toEqual({
			ok: false,
			status: 401,
			code: 'account.password.wrong',
			fields: { current_password: 'account.password.wrong' }
		});
		expect(await sessionRows(u.id)).toHaveLength(2);
		expect(await s.auth.changePassword(actor, here.value.session.id, { current: TEST_PASSWORD, next: 'Mat-khau-moi-2026' }, {})).toEqual({
			ok: true,
			value: undefined
		});
		// The session that changed it stays; the phone's is gone.
		expect((await sessionRows(u.id)).map((r) => r.id)).toEqual([here.value.session.id]);
		expect(await s.sessions.validate(phone.value.token)).toBeNull();
		expect(await s.auth.login({ email: u.email, password: TEST_PASSWORD }, {})).toEqual({
			ok: false,
			status: 401,
			code: 'login.error.invalid'
		});
		expect((await s.auth.login({ email: u.email, password: 'Mat-khau-moi-2026' }, {})).ok).toBe(true);
	});

	test('PocketBase unreachable: 503 with the "try again later" message, never counted as a wrong password', async () => {
		const s = await testServices();
		const u = await makeUser('inspector');
		// Nothing listens on port 1: the password check cannot reach PocketBase.
		const down = authService(createAnonymousPb('http://127.0.0.1:1'), s.sessions);
		for (let i = 0; i < 6; i++)
			expect(await down.login({ email: u.email, password: TEST_PASSWORD }, { ip: '10.0.2.1' })).toEqual({
				ok: false,
				status: 503,
				code: 'login.error.unavailable'
			});
		expect(await sessionRows(u.id)).toHaveLength(0);
	});

	test('an inactive account cannot sign in', async () => {
		const s = await testServices();
		const u = await makeUser('unit_head', { active: false });
		expect(await s.auth.login({ email: u.email, password: TEST_PASSWORD }, {})).toEqual({
			ok: false,
			status: 403,
			code: 'login.error.inactive'
		});
		expect(await sessionRows(u.id)).toHaveLength(0);
	});
});

describe('session validation', () => {
	test('logout deletes the session on the server: the same cookie no longer works', async () => {
		const s = await testServices();
		const u = await makeUser('inspector');
		const r = await s.sessions.create(u.id);
		expect(await s.sessions.validate(r.token)).not.toBeNull();
		await s.auth.logout({ id: u.id, role: u.role, unitId: null }, r.session.id);
		expect(await s.sessions.validate(r.token)).toBeNull();
		expect(await sessionRows(u.id)).toHaveLength(0);
	});

	test('sign out everywhere ends every session of the user and only theirs', async () => {
		const s = await testServices();
		const u = await makeUser('leader');
		const other = await makeUser('leader');
		const a = await s.sessions.create(u.id);
		const b = await s.sessions.create(u.id);
		const o = await s.sessions.create(other.id);
		await s.auth.signOutEverywhere({ id: u.id, role: u.role, unitId: null });
		expect(await s.sessions.validate(a.token)).toBeNull();
		expect(await s.sessions.validate(b.token)).toBeNull();
		expect(await s.sessions.validate(o.token)).not.toBeNull();
	});

	test('a forged token of the right shape and a tampered token are refused', async () => {
		const s = await testServices();
		const u = await makeUser('admin');
		const r = await s.sessions.create(u.id);
		const flipped = (r.token[0] === 'a' ? 'b' : 'a') + r.token.slice(1);
		expect(await s.sessions.validate(flipped)).toBeNull();
		expect(await s.sessions.validate('a'.repeat(32))).toBeNull();
		expect(await s.sessions.validate("x' || 1=1 --")).toBeNull();
		// The hash itself is not a credential either.
		expect(await s.sessions.validate(hashSessionToken(r.token))).toBeNull();
		expect(await s.sessions.validate(r.token)).not.toBeNull();
	});

	test('an idle session expires and is deleted; an active one slides but never past the absolute limit', async () => {
		const clock = manualClock();
		const s = await testServices(clock, { sessionIdleMs: 10 * HOUR, sessionAbsoluteMs: 24 * HOUR });
		const u = await makeUser('inspector');

		const idle = await s.sessions.create(u.id);
		clock.advance(10 * HOUR + 1);
		expect(await s.sessions.validate(idle.token)).toBeNull();
		expect((await sessionRows(u.id)).map((r) => r.id)).not.toContain(idle.session.id);

		const active = await s.sessions.create(u.id);
		const firstExpiry = active.session.expiresAt.getTime();
		clock.advance(6 * HOUR); // past half-life: renewed
		const v1 = await s.sessions.validate(active.token);
		expect(v1!.session.expiresAt.getTime()).toBeGreaterThan(firstExpiry);
		clock.advance(9 * HOUR); // within the renewed window
		expect(await s.sessions.validate(active.token)).not.toBeNull();
		clock.advance(9 * HOUR); // 24 h since sign-in: absolute limit
		expect(await s.sessions.validate(active.token)).toBeNull();
	});

	test('deactivating an account ends its sessions at the next request', async () => {
		const s = await testServices();
		const u = await makeUser('unit_head');
		const r = await s.sessions.create(u.id);
		await usersRepo(await superPb()).update(u.id, { active: false });
		expect(await s.sessions.validate(r.token)).toBeNull();
		expect(await sessionRows(u.id)).toHaveLength(0);
	});

	test('one cannot revoke another user’s session (404)', async () => {
		const s = await testServices();
		const u = await makeUser('inspector');
		const other = await makeUser('inspector');
		const o = await s.sessions.create(other.id);
		await expect(s.auth.revokeSession({ id: u.id, role: 'inspector', unitId: null }, o.session.id)).rejects.toMatchObject({
			status: 404
		});
		expect(await s.sessions.validate(o.token)).not.toBeNull();
	});
});

// The app keeps validated sessions for a couple of seconds (docs/performance.md): every write that ends a
// session or changes an account must still take effect at the very next request.
describe('with the session cache on (as the app runs)', () => {
	const cached = () => configureSessionCache(60_000);
	afterEach(() => configureSessionCache(0));

	test('a cached session serves the next request without reading PocketBase again', async () => {
		cached();
		const s = await testServices();
		const u = await makeUser('leader');
		const r = await s.sessions.create(u.id);
		expect((await s.sessions.validate(r.token))?.user.id).toBe(u.id);
		// The row is gone behind the app's back (another process): the cache still answers…
		const pb = await superPb();
		await pb.collection('sessions').delete(r.session.id);
		expect((await s.sessions.validate(r.token))?.user.id).toBe(u.id);
		// …and without the cache the token is refused.
		configureSessionCache(0);
		expect(await s.sessions.validate(r.token)).toBeNull();
	});

	test('logout, deactivation and a role change are seen at the next request', async () => {
		cached();
		const s = await testServices();
		const u = await makeUser('inspector');
		const a = await s.sessions.create(u.id);
		expect(await s.sessions.validate(a.token)).not.toBeNull();
		await s.auth.logout({ id: u.id, role: u.role, unitId: null }, a.session.id);
		expect(await s.sessions.validate(a.token)).toBeNull();

		const b = await s.sessions.create(u.id);
		expect((await s.sessions.validate(b.token))?.user.role).toBe('inspector');
		await usersRepo(await superPb()).update(u.id, { role: 'leader' });
		expect((await s.sessions.validate(b.token))?.user.role).toBe('leader');
		await usersRepo(await superPb()).update(u.id, { active: false });
		expect(await s.sessions.validate(b.token)).toBeNull();
	});
});
