// Issue #15 point 6 on the real server: the scheduler's tick deletes expired sessions and keeps live
// ones; a failed sign-in leaves one log line with an id and without the email or password tried.
import { afterEach, describe, expect, test, vi } from 'vitest';
import { makeUser, manualClock, superPb, testServices } from '../support/services';

const HOUR = 3600_000;

async function sessionIds(userId: string) {
	const pb = await superPb();
	const rows = await pb.collection('sessions').getFullList({ filter: pb.filter('user = {:u}', { u: userId }) });
	return rows.map((r) => r.id).sort();
}

afterEach(() => {
	vi.restoreAllMocks();
});

describe('expired sessions are swept', () => {
	test('a scheduler tick removes the expired session row and keeps the live one', async () => {
		const clock = manualClock(new Date('2026-03-02T01:00:00Z'));
		const s = await testServices(clock, { sessionIdleMs: 2 * HOUR, sessionAbsoluteMs: 30 * 24 * HOUR });
		const u = await makeUser('inspector');
		const old = await s.sessions.create(u.id);
		clock.advance(3 * HOUR); // the first session's idle expiry has passed
		const live = await s.sessions.create(u.id);
		expect(await sessionIds(u.id)).toEqual([old.session.id, live.session.id].sort());

		await s.scheduler.runDueChecks(clock());

		expect(await sessionIds(u.id)).toEqual([live.session.id]);
		expect((await s.sessions.validate(live.token))?.user.id).toBe(u.id);
	});

	test('a session past its absolute expiry is swept even if it was used recently', async () => {
		const clock = manualClock(new Date('2026-03-02T01:00:00Z'));
		const s = await testServices(clock, { sessionIdleMs: 10 * HOUR, sessionAbsoluteMs: 12 * HOUR });
		const u = await makeUser('leader');
		const a = await s.sessions.create(u.id);
		clock.advance(8 * HOUR);
		await s.sessions.validate(a.token); // slides expires_at, not absolute_expires_at
		clock.advance(5 * HOUR);
		await s.scheduler.runDueChecks(clock());
		expect(await sessionIds(u.id)).toEqual([]);
	});
});

describe('failed sign-ins are logged without personal data', () => {
	function captureWarnings() {
		const lines: string[] = [];
		vi.spyOn(console, 'warn').mockImplementation((...args: unknown[]) => {
			lines.push(args.map(String).join(' '));
		});
		return lines;
	}

	test('a wrong password: one line with an id and the reason, never the email, name or password', async () => {
		const s = await testServices();
		const u = await makeUser('inspector', { name: 'Nguyễn Văn Nhật Ký' });
		const password = 'Sai-mat-khau-bi-mat-123';
		const lines = captureWarnings();
		const r = await s.auth.login({ email: u.email, password }, { userAgent: 'test-agent', ip: '10.9.8.7' });
		expect(r.ok).toBe(false);
		const mine = lines.filter((l) => l.includes('auth.login_failed'));
		expect(mine).toHaveLength(1);
		const line = JSON.parse(mine[0]!);
		expect(line).toMatchObject({ event: 'auth.login_failed', status: 401, code: 'login.error.invalid' });
		expect(line.id).toMatch(/^[0-9a-f]{8}$/);
		for (const secret of [u.email, u.email.split('@')[0]!, password, u.name, '10.9.8.7', 'test-agent']) {
			expect(mine[0]).not.toContain(secret);
		}
	});

	test('an unknown email and a throttled address are logged the same way, each with its own id', async () => {
		const s = await testServices();
		const email = `nobody-${Date.now()}@test.congvu.local`;
		const lines = captureWarnings();
		for (let i = 0; i < 12; i++) await s.auth.login({ email, password: `guess-${i}-secret` }, { ip: '10.1.2.3' });
		const mine = lines.filter((l) => l.includes('auth.login_failed')).map((l) => JSON.parse(l));
		expect(mine).toHaveLength(12);
		expect(new Set(mine.map((l) => l.id)).size).toBe(12);
		expect(mine.some((l) => l.status === 429 && l.code === 'login.error.throttled')).toBe(true);
		const all = lines.join('\n');
		expect(all).not.toContain(email);
		expect(all).not.toContain('secret');
	});
});
