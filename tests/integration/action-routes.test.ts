// Issue #11 on the real server (`node build` + its own PocketBase, as `npm start` runs them): the action
// page's form actions are the policy's — an inspector off the originating check's team who posts
// ?/verify is refused 403 and offered no button; the team's lead sees the button, and a post from a page
// showing an older version is refused 409 with the Vietnamese "reload" message; nothing is written by
// either refusal. Needs a build (npm run build), like the other whole-app tests.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startStack, type Stack } from '../support/stack';
import { createPb, type Pb } from '../../src/lib/server/pb/create';
import { usersRepo } from '../../src/lib/server/repos/users';
import { vi } from '../../src/lib/i18n/messages/core';

const PASSWORD = 'Mat-khau-thu-2025';
let stack: Stack;
let pb: Pb;
let actionId: string;

async function login(email: string): Promise<string> {
	const r = await fetch(`${stack.url}/login`, {
		method: 'POST',
		redirect: 'manual',
		headers: { origin: stack.url, 'content-type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams({ email, password: PASSWORD })
	});
	const cookie = (r.headers.getSetCookie?.() ?? []).find((c) => c.startsWith('congvu_session='));
	if (!cookie) throw new Error(`login failed: ${r.status}`);
	return cookie.split(';')[0]!;
}

const page = async (cookie: string) => (await fetch(`${stack.url}/actions/${actionId}`, { headers: { cookie } })).text();
const post = (cookie: string, action: string, body: Record<string, string>) =>
	fetch(`${stack.url}/actions/${actionId}?/${action}`, {
		method: 'POST',
		redirect: 'manual',
		// A browser without JavaScript: the page comes back with the refusal's status.
		headers: { cookie, origin: stack.url, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams(body)
	});
const escapeHtml = (s: string) => s.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll("'", '&#39;').replaceAll('<', '&lt;');

beforeAll(async () => {
	stack = await startStack({ seed: false });
	const su = stack.superuser();
	pb = await createPb(stack.pbUrl, su.email, su.password);
	const unit = await pb.collection('units').create({ code: 'T.ROUTE', name: 'Phường Thử Tuyến', kind: 'ward', active: true });
	const users = usersRepo(pb);
	const make = (email: string, role: 'inspector' | 'unit_head', name: string) =>
		users.create({ email, password: PASSWORD, name, role, unitId: role === 'unit_head' ? unit.id : null, active: true });
	const lead = await make('truongdoan@test.local', 'inspector', 'Trưởng Đoàn');
	await make('khacdoan@test.local', 'inspector', 'Kiểm Tra Viên Khác Đoàn');
	const head = await make('thutruong@test.local', 'unit_head', 'Thủ Trưởng');
	const check = await pb.collection('inspections').create({
		title: 'Kiểm tra công vụ',
		kind: 'scheduled',
		unit: unit.id,
		scheduled_start: '2026-03-02 01:00:00.000Z',
		scheduled_end: '2026-03-02 09:00:00.000Z',
		lead: lead.id,
		team: [lead.id],
		status: 'completed'
	});
	const action = await pb.collection('corrective_actions').create({
		title: 'Chấn chỉnh giờ làm việc',
		unit: unit.id,
		inspection: check.id,
		category: 'attendance',
		status: 'submitted',
		due_date: '2099-03-10',
		original_due_date: '2099-03-10',
		submitted_by: head.id,
		submitted_at: '2026-03-04 01:00:00.000Z',
		submitted_on: '2026-03-04',
		version: 3
	});
	actionId = action.id;
}, 180_000);

afterAll(async () => {
	await stack?.stop();
});

describe('issue #11 point 4 and 6 on the real server: the action page', () => {
	test('an inspector off the check’s team gets no verify button and a posted ?/verify answers 403', async () => {
		const cookie = await login('khacdoan@test.local');
		expect(await page(cookie)).not.toContain('action="?/verify"');
		const r = await post(cookie, 'verify', { note: '', version: '3' });
		expect(r.status).toBe(403);
		const rec = await pb.collection('corrective_actions').getOne(actionId);
		expect(rec.status).toBe('submitted');
		expect(rec.version).toBe(3);
		expect(await pb.collection('action_updates').getFullList({ filter: pb.filter('action = {:a}', { a: actionId }) })).toHaveLength(0);
	});

	test('the lead sees the button; a post from an older page answers 409 with the reload message; the current page verifies', async () => {
		const cookie = await login('truongdoan@test.local');
		const html = await page(cookie);
		expect(html).toContain('action="?/verify"');
		expect(html).toContain('name="version" value="3"');
		const stale = await post(cookie, 'verify', { note: '', version: '2' });
		expect(stale.status).toBe(409);
		expect(await stale.text()).toContain(escapeHtml(vi['errors.stale']));
		expect((await pb.collection('corrective_actions').getOne(actionId)).status).toBe('submitted');
		const ok = await post(cookie, 'verify', { note: '', version: '3' });
		expect(ok.status).toBe(303);
		const rec = await pb.collection('corrective_actions').getOne(actionId);
		expect(rec.status).toBe('verified');
		expect(rec.version).toBe(4);
	});
});
