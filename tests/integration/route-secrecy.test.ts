// Issue #4 §5, "Done when": every route and endpoint of the app — enumerated from the route tree, not a
// hand-written list — is requested as the head of a unit that has a planned surprise check, and none of
// them reveals it: not its id, not its title, not a count that includes it. The proof is a comparison:
// the surprise check's id is chosen in advance, every route is requested once before the check exists and
// once after (ids in paths, queries and form bodies are that id), and every answer must be the same.
// Then the check is started, and the unit head now sees it.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { randomBytes } from 'node:crypto';
import { startStack, type Stack } from '../support/stack';
import { enumerateRoutes, fillAll as fill, type RouteFile } from '../support/routes';
import { createPb, type Pb } from '../../src/lib/server/pb/create';
import { usersRepo } from '../../src/lib/server/repos/users';
import { toPbDate } from '../../src/lib/domain/time';

const PASSWORD = 'Mat-khau-bi-mat-2025';
const SECRET_TITLE = 'Kiểm tra đột xuất XK-7731 bí mật';
const newId = () => Array.from(randomBytes(15), (b) => 'abcdefghijklmnopqrstuvwxyz0123456789'[b % 36]).join('');

interface Answer {
	key: string;
	status: number;
	body: string;
	location: string;
}

let stack: Stack;
let pb: Pb;
let unitId: string;
let otherUnitId: string;
let inspectorId: string;
let headEmail: string;
const secretId = newId();
let routes: RouteFile[];

async function login(): Promise<string> {
	const r = await fetch(`${stack.url}/login`, {
		method: 'POST',
		redirect: 'manual',
		headers: { origin: stack.url, 'content-type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams({ email: headEmail, password: PASSWORD })
	});
	const cookie = (r.headers.getSetCookie?.() ?? []).find((c) => c.startsWith('congvu_session='));
	if (!cookie) throw new Error(`login failed: ${r.status}`);
	return cookie.split(';')[0]!;
}

/**
 * Masks what legitimately differs between two passes: record ids (sessions), clock times, build hashes,
 * and the CSP script nonce of each HTML answer (random per request, issue #11).
 */
function normalise(s: string): string {
	return (
		s
			.replaceAll(secretId, '<SECRET>')
			.replace(/nonce="[^"]+"/g, 'nonce="<nonce>"')
			.replace(/'nonce-[^']+'/g, "'nonce-<nonce>'")
			.replace(/\b[a-z0-9]{15}\b/g, '<id>')
			.replace(/\d{2}\/\d{2}\/\d{4}( \d{2}:\d{2})?/g, '<date>')
			.replace(/\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}(\.\d+)?Z?/g, '<instant>')
			// The server's clock in milliseconds (the on-site pages' `dataAt`, docs/offline.md): differs per request.
			.replace(/\b1\d{12}\b/g, '<ms>')
	);
}

/** Requests every route as the unit head; the session is renewed whenever a request signs it out. */
async function pass(): Promise<Answer[]> {
	// Both passes start from the same state: no session left over from the previous pass.
	for (const r of await pb.collection('sessions').getFullList({ fields: 'id' })) await pb.collection('sessions').delete(r.id);
	// Form posts of the previous pass may have changed the unit head's own settings (e-mail preferences,
	// language): reset them so a difference can only come from the surprise check.
	const head = await pb.collection('users').getFirstListItem(pb.filter('email = {:e}', { e: headEmail }));
	await pb.collection('users').update(head.id, { email_prefs: null, locale: '' });
	for (const n of await pb.collection('notifications').getFullList({ filter: pb.filter('user = {:u}', { u: head.id }), fields: 'id' })) {
		await pb.collection('notifications').delete(n.id);
	}
	let cookie = await login();
	const answers: Answer[] = [];
	const query = new URLSearchParams({
		id: secretId,
		unit: unitId,
		check: secretId,
		from: '2026-01-01',
		to: '2026-12-31',
		date: '2026-03-10',
		view: 'week',
		mine: '0'
	});
	const send = async (key: string, path: string, init: RequestInit = {}) => {
		const r = await fetch(`${stack.url}${path}`, {
			redirect: 'manual',
			...init,
			headers: { cookie, origin: stack.url, accept: key.startsWith('GET') ? 'text/html' : 'application/json', ...(init.headers ?? {}) }
		});
		const body = await r.text();
		answers.push({ key, status: r.status, body, location: r.headers.get('location') ?? '' });
		const set = r.headers.getSetCookie?.() ?? [];
		if (set.some((c) => c.startsWith('congvu_session=;') || /congvu_session=[^;]*;.*Max-Age=0/i.test(c))) cookie = await login();
	};
	const form = () =>
		new URLSearchParams({
			id: secretId,
			check: secretId,
			unit: unitId,
			units: unitId,
			reason: 'x',
			date: '2026-03-10',
			lead: inspectorId,
			kind: 'surprise',
			trigger: 'complaint',
			title: 't',
			campaign: 'c'
		});
	for (const r of routes) {
		for (const value of [secretId]) {
			const path = fill(r.pattern, value);
			if (r.kinds.has('page')) {
				await send(`GET ${r.pattern}`, path);
				await send(`GET ${r.pattern}?q`, `${path}?${query}`);
				await send(`GET ${r.pattern}/__data.json`, `${path === '/' ? '' : path}/__data.json?${query}`);
			}
			for (const m of r.methods) {
				await send(
					`${m} ${r.pattern} (endpoint)`,
					`${path}?${query}`,
					m === 'GET' ? {} : { method: m, body: form(), headers: { 'content-type': 'application/x-www-form-urlencoded' } }
				);
			}
		}
	}
	// Form actions last: some of them (sign out) end the session, which the helper renews.
	for (const r of routes) {
		const path = fill(r.pattern, secretId);
		for (const a of r.actions) {
			const action = a === 'default' ? '' : `?/${a}`;
			await send(`POST ${r.pattern}${action}`, `${path}${action}`, {
				method: 'POST',
				body: form(),
				headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-sveltekit-action': 'true' }
			});
		}
	}
	return answers;
}

beforeAll(async () => {
	routes = enumerateRoutes();
	stack = await startStack({ seed: false });
	const su = stack.superuser();
	pb = await createPb(stack.pbUrl, su.email, su.password);
	const unit = await pb.collection('units').create({ code: 'T.SECRET', name: 'Phường Kín Đáo', kind: 'ward', active: true });
	const other = await pb.collection('units').create({ code: 'T.OTHER', name: 'Phường Bên Kia', kind: 'ward', active: true });
	unitId = unit.id;
	otherUnitId = other.id;
	const users = usersRepo(pb);
	const inspector = await users.create({ email: 'kt.secret@test.local', password: PASSWORD, name: 'Kiểm Tra Viên', role: 'inspector' });
	inspectorId = inspector.id;
	headEmail = 'thutruong.secret@test.local';
	await users.create({ email: headEmail, password: PASSWORD, name: 'Thủ Trưởng', role: 'unit_head', unitId });
	// A scheduled check the unit head may see (so lists are not trivially empty).
	await pb.collection('inspections').create({
		title: 'Kiểm tra theo kế hoạch',
		kind: 'scheduled',
		trigger: 'plan',
		unit: unitId,
		scheduled_start: '2026-03-20 01:00:00.000Z',
		scheduled_end: '2026-03-20 04:00:00.000Z',
		lead: inspectorId,
		status: 'planned'
	});
}, 180_000);

afterAll(async () => {
	await stack?.stop();
});

describe('a planned surprise check is invisible to the unit head on every route', () => {
	test('the route tree is enumerated, not listed by hand', () => {
		const patterns = routes.map((r) => r.pattern);
		for (const p of [
			'/checks',
			'/checks/[id]',
			'/checks/calendar',
			'/plans/[id]',
			'/unit/checks',
			'/unit/checks/[id]',
			'/admin/calendar',
			'/login'
		]) {
			expect(patterns).toContain(p);
		}
		expect(routes.length).toBeGreaterThanOrEqual(15);
	});

	test('every answer is the same before and after the surprise check exists, then starting it reveals it', async () => {
		const before = await pass();
		await pb.collection('inspections').create({
			id: secretId,
			title: SECRET_TITLE,
			kind: 'surprise',
			trigger: 'complaint',
			unit: unitId,
			scheduled_start: '2026-03-10 01:00:00.000Z',
			scheduled_end: '2026-03-10 04:00:00.000Z',
			lead: inspectorId,
			status: 'planned'
		});
		const after = await pass();
		expect(after.map((a) => a.key)).toEqual(before.map((a) => a.key));
		expect(after.length).toBeGreaterThan(40);
		for (let i = 0; i < after.length; i++) {
			const a = after[i]!;
			const b = before[i]!;
			expect(a.body, a.key).not.toContain(SECRET_TITLE);
			// The id itself may only come back as an echo of what the request sent (a path, a "next" field),
			// which the before/after comparison covers: the same echo happened when the check did not exist.
			expect({ key: a.key, status: a.status, location: normalise(a.location), body: normalise(a.body) }).toEqual({
				key: b.key,
				status: b.status,
				location: normalise(b.location),
				body: normalise(b.body)
			});
		}

		// Once started, the same unit head sees it.
		await pb.collection('inspections').update(secretId, { status: 'in_progress', started_at: toPbDate(new Date()) });
		const cookie = await login();
		const list = await fetch(`${stack.url}/unit/checks`, { headers: { cookie } });
		const html = await list.text();
		expect(html).toContain(SECRET_TITLE);
		expect(html).toContain(`/unit/checks/${secretId}`);
		const detail = await fetch(`${stack.url}/unit/checks/${secretId}`, { headers: { cookie } });
		expect(detail.status).toBe(200);
		expect(await detail.text()).toContain('Đang kiểm tra');
		void otherUnitId;
	}, 240_000);
});
