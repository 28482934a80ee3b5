// Issue #15 point 6 through `npm start`: a failed sign-in and 403 refusals (a page, a form action, an
// enhanced form action) each leave one JSON log line with an id, and the server's whole output holds
// neither the email nor the password used, nor the session cookie.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createPb } from '../../src/lib/server/pb/create';
import { usersRepo } from '../../src/lib/server/repos/users';
import { startStack, type Stack } from '../support/stack';

let stack: Stack;
const EMAIL = 'nhat-ky-bao-mat@log.test';
const PASSWORD = 'Mat-khau-dung-2025';
const WRONG = 'Mat-khau-sai-bi-mat-77';

beforeAll(async () => {
	stack = await startStack({ seed: false });
	const su = stack.superuser();
	const pb = await createPb(stack.pbUrl, su.email, su.password);
	await usersRepo(pb).create({ email: EMAIL, password: PASSWORD, name: 'Trần Nhật Ký', role: 'inspector' });
}, 180_000);

afterAll(async () => {
	await stack?.stop();
});

function post(path: string, form: Record<string, string>, headers: Record<string, string> = {}) {
	return fetch(`${stack.url}${path}`, {
		method: 'POST',
		redirect: 'manual',
		headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html', origin: stack.url, ...headers },
		body: new URLSearchParams(form)
	});
}

/** The JSON lines of one event in the server's output so far. */
function lines(event: string) {
	return stack
		.output()
		.split('\n')
		.filter((l) => l.startsWith('{') && l.includes(`"event":"${event}"`))
		.map((l) => JSON.parse(l) as Record<string, unknown>);
}

async function until(check: () => boolean) {
	for (let i = 0; i < 50 && !check(); i++) await new Promise((r) => setTimeout(r, 100));
}

describe('security log lines', () => {
	test('failed sign-in and refusals are logged with an id, never with the email, password or cookie', async () => {
		const failed = await post('/login', { email: EMAIL, password: WRONG });
		expect(failed.status).toBe(401);
		await until(() => lines('auth.login_failed').length === 1);
		expect(lines('auth.login_failed')).toEqual([
			expect.objectContaining({ status: 401, code: 'login.error.invalid', id: expect.stringMatching(/^[0-9a-f]{8}$/) })
		]);

		const ok = await post('/login', { email: EMAIL, password: PASSWORD });
		expect(ok.status).toBe(303);
		const cookie = ok.headers
			.getSetCookie()
			.find((c) => c.startsWith('congvu_session='))!
			.split(';')[0]!;
		const token = cookie.split('=')[1]!;

		// A page outside the role's group, a form post to it, and the same post as an enhanced form.
		const page = await fetch(`${stack.url}/admin/units?q=${encodeURIComponent(EMAIL)}`, { headers: { cookie }, redirect: 'manual' });
		expect(page.status).toBe(403);
		const action = await post('/admin/units?/create', { name: 'x' }, { cookie });
		expect(action.status).toBe(403);
		const enhanced = await post(
			'/admin/units?/create',
			{ name: 'x' },
			{ cookie, accept: 'application/json', 'x-sveltekit-action': 'true' }
		);
		expect(enhanced.status).toBe(403);
		await until(() => lines('http.forbidden').length === 3);
		const refusals = lines('http.forbidden');
		expect(refusals).toHaveLength(3); // one line per refused request
		for (const r of refusals) {
			expect(r).toMatchObject({ status: 403, path: '/admin/units', user: expect.stringMatching(/^[a-z0-9]{15}$/) });
			expect(r.id).toMatch(/^[0-9a-f]{8}$/);
		}
		expect(new Set(refusals.map((r) => r.id)).size).toBe(3);

		const all = stack.output();
		for (const secret of [EMAIL, encodeURIComponent(EMAIL), 'nhat-ky-bao-mat', PASSWORD, WRONG, token, 'Trần Nhật Ký']) {
			expect(all).not.toContain(secret);
		}
	});
});
