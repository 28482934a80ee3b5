// Issue #11 point 6 (login part): the sign-in throttle counts an attempt before its password is
// checked, so parallel guesses cannot outrun it. Real PocketBase, 20 requests at once.
import { describe, expect, test } from 'vitest';
import { makeUser, superPb, TEST_PASSWORD, testServices } from '../support/services';

async function sessionRows(userId: string) {
	const pb = await superPb();
	return pb.collection('sessions').getFullList({ filter: pb.filter('user = {:u}', { u: userId }) });
}

describe('issue #11 point 6: parallel sign-in attempts', () => {
	test('20 parallel wrong passwords for one email: 5 are checked, 15 refused (throttled); then even the right one waits', async () => {
		const s = await testServices();
		const u = await makeUser('inspector');
		const results = await Promise.all(
			Array.from({ length: 20 }, (_, i) => s.auth.login({ email: u.email, password: `sai-mat-khau-${i}` }, { ip: '10.11.0.1' }))
		);
		const codes = results.map((r) => (r.ok ? 'ok' : r.code));
		expect(codes.filter((c) => c === 'login.error.invalid')).toHaveLength(5);
		expect(codes.filter((c) => c === 'login.error.throttled')).toHaveLength(15);
		expect(await s.auth.login({ email: u.email, password: TEST_PASSWORD }, { ip: '10.11.0.2' })).toEqual({
			ok: false,
			status: 429,
			code: 'login.error.throttled',
			params: { minutes: 15 }
		});
		expect(await sessionRows(u.id)).toHaveLength(0);
	});

	test('20 parallel right passwords: each success opens exactly one session, the rest are throttled, none is lost', async () => {
		const s = await testServices();
		const u = await makeUser('leader');
		const results = await Promise.all(
			Array.from({ length: 20 }, () => s.auth.login({ email: u.email, password: TEST_PASSWORD }, { ip: '10.11.0.3' }))
		);
		const ok = results.filter((r) => r.ok);
		expect(ok.length).toBeGreaterThanOrEqual(1);
		expect(ok.length).toBeLessThanOrEqual(5);
		expect(results.filter((r) => !r.ok).every((r) => !r.ok && r.code === 'login.error.throttled')).toBe(true);
		const rows = await sessionRows(u.id);
		expect(rows).toHaveLength(ok.length);
		// The successes cleared the email: the next sign-in is checked and succeeds.
		expect((await s.auth.login({ email: u.email, password: TEST_PASSWORD }, { ip: '10.11.0.3' })).ok).toBe(true);
	});

	test('a right password in parallel with wrong ones still signs in when it got a slot', async () => {
		const s = await testServices();
		const u = await makeUser('inspector');
		const results = await Promise.all([
			s.auth.login({ email: u.email, password: TEST_PASSWORD }, { ip: '10.11.0.4' }),
			...Array.from({ length: 19 }, () => s.auth.login({ email: u.email, password: 'sai-mat-khau' }, { ip: '10.11.0.4' }))
		]);
		expect(results[0]!.ok).toBe(true);
		const wrongChecked = results.slice(1).filter((r) => !r.ok && r.code === 'login.error.invalid').length;
		expect(wrongChecked).toBe(4);
		expect(await sessionRows(u.id)).toHaveLength(1);
	});
});
