// Issue #11, "Done when": an authorization matrix generated from the route tree. Every page load (GET),
// every named form action (POST ?/name) and every +server.ts method of src/routes is requested by each
// actor below against the real built app (`npm start` on free ports), with route params filled from
// real fixtures: a completed check of unit A with a team (lead, member, observer), its finding with a
// photo, its signatures and closed corrective action with evidence, a plan, a unit, a staff member, an
// account, a catalogue entry, a notification. GETs of routes with params are also sent with a planned
// surprise check (same team) and with an unknown id.
//
// EXPECTED below is what issue #11 requires (every cell failed before its fix was made: verifiers off
// the team, members editing or signing as lead, plan approval and removal by anyone). A route in the tree
// that is not in EXPECTED fails, and so does a row of EXPECTED whose route is gone.
//
// A cell is one of
//   +  allowed: 2xx, a redirect to a page of the app, or a refusal AFTER authorization: 400 (bad
//      input) or 409 (state: the check is locked, the action closed). Mutating actions are sent with
//      bodies that pass validation and then hit such a harmless state (the check is completed, the
//      action closed, the unit picked is inactive), so a 400/409 here cannot hide a missing check.
//   -  forbidden: 403 or 404.
//   L  sent to /login (anonymous).
// Anything else (a 500, a 405) is an error and fails the cell.
//
// Runs in about a minute: one stack for the file, the actors of one row in parallel. The printed matrix
// marks a wrong cell "got!" and lists every wrong cell with its HTTP status; AUTHZ_MATRIX_STATUS=1 adds
// the status of every cell.
// The rows and fixtures live in tests/support/route-fixtures.ts (shared with the bad-input fuzz).
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startStack, type Stack } from '../support/stack';
import { enumerateRoutes, fillParams, type RouteFile } from '../support/routes';
import { createPb, type Pb } from '../../src/lib/server/pb/create';
import {
	ACTORS,
	ACTOR_NOTES,
	EXPECTED,
	LAST,
	PASSWORD,
	bodyFor,
	expectedFor,
	makeFixtures,
	paramSets,
	parseRow,
	treeKeys,
	type ActorName,
	type Cell,
	type Fixtures
} from '../support/route-fixtures';

// ——— requests

interface Answer {
	status: number;
	location: string;
}

let stack: Stack;
let pb: Pb;
let fx: Fixtures;
let routes: RouteFile[];
const cookies = {} as Record<ActorName, string>;
/** A second session of each actor, for ?/revoke (revoking one's own other session). */
const extraSessions = {} as Record<ActorName, string>;

async function login(a: ActorName): Promise<void> {
	if (a === 'anon') {
		cookies.anon = '';
		return;
	}
	const r = await fetch(`${stack.url}/login`, {
		method: 'POST',
		redirect: 'manual',
		headers: { origin: stack.url, 'content-type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams({ email: fx.emails[a], password: PASSWORD })
	});
	const cookie = (r.headers.getSetCookie?.() ?? []).find((c) => c.startsWith('congvu_session='));
	if (!cookie) throw new Error(`login of ${a} failed: ${r.status}`);
	cookies[a] = cookie.split(';')[0]!;
}

function form(body: Record<string, string | string[]>): URLSearchParams {
	const f = new URLSearchParams();
	for (const [k, v] of Object.entries(body)) for (const x of Array.isArray(v) ? v : [v]) f.append(k, x);
	return f;
}

/** One request; a form action's JSON answer (type failure/redirect/error) is turned back into a status. */
async function send(
	a: ActorName,
	method: 'GET' | 'POST',
	path: string,
	action: string | null,
	body: Record<string, string | string[]>
): Promise<Answer> {
	const headers: Record<string, string> = { origin: stack.url };
	if (cookies[a]) headers.cookie = cookies[a];
	let url = `${stack.url}${path}`;
	const init: RequestInit = { method, redirect: 'manual', headers };
	if (method === 'POST' && action !== null) {
		if (action !== 'default') url += `?/${action}`;
		headers['content-type'] = 'application/x-www-form-urlencoded';
		headers.accept = 'application/json';
		headers['x-sveltekit-action'] = 'true';
		init.body = form(body);
	} else headers.accept = 'text/html,*/*';
	const r = await fetch(url, init);
	const text = await r.text();
	const location = r.headers.get('location') ?? '';
	if (r.status === 200 && (r.headers.get('content-type') ?? '').includes('application/json') && action !== null) {
		const j = JSON.parse(text) as { type: string; status?: number; location?: string };
		if (j.type === 'failure') return { status: j.status ?? 400, location: '' };
		if (j.type === 'redirect') return { status: 303, location: j.location ?? '' };
		return { status: j.status ?? 200, location: '' };
	}
	return { status: r.status, location };
}

function classify(a: ActorName, ans: Answer): Cell | `x${number}` {
	const { status, location } = ans;
	if (status >= 300 && status < 400) {
		const u = new URL(location, stack.url);
		if (u.origin !== new URL(stack.url).origin) return `x${status}`;
		if (u.pathname === '/login' && (a === 'anon' || u.searchParams.has('next'))) return 'L';
		return '+';
	}
	if ((status >= 200 && status < 300) || status === 400 || status === 409) return '+';
	if (status === 403 || status === 404) return '-';
	return `x${status}`;
}

interface Result {
	key: string;
	label: string;
	got: Record<ActorName, string>;
	want: Record<ActorName, Cell>;
	status: Record<ActorName, number>;
}

beforeAll(async () => {
	routes = enumerateRoutes();
	stack = await startStack({ seed: false, env: { CONGVU_SCHEDULER: 'off' } });
	const su = stack.superuser();
	pb = await createPb(stack.pbUrl, su.email, su.password);
	fx = await makeFixtures(pb);
	for (const a of ACTORS) await login(a);
	const sessionsOf = async (a: ActorName) =>
		(await pb.collection('sessions').getFullList({ filter: pb.filter('user = {:u}', { u: fx.ids[a] }), fields: 'id' })).map((r) => r.id);
	for (const a of ACTORS) {
		if (a === 'anon') continue;
		const before = await sessionsOf(a);
		const main = cookies[a];
		await login(a);
		cookies[a] = main;
		extraSessions[a] = (await sessionsOf(a)).find((id) => !before.includes(id))!;
	}
}, 180_000);

afterAll(async () => {
	await stack?.stop();
});

describe('authorization matrix of every route (issue #11)', () => {
	test('every route of the tree has a row in the matrix, and every row is a route of the tree', () => {
		const keys = treeKeys(routes).map((k) => k.key);
		const missing = keys.filter((k) => !(k in EXPECTED));
		const stale = Object.keys(EXPECTED).filter((k) => !keys.includes(k));
		for (const [k, row] of Object.entries(EXPECTED)) parseRow(k, row);
		expect(missing, `routes in src/routes without a row in EXPECTED (add them): ${missing.join(', ')}`).toEqual([]);
		expect(stale, `rows of EXPECTED whose route is gone (remove them): ${stale.join(', ')}`).toEqual([]);
	});

	test('every cell answers as the rule requires', async () => {
		const all = treeKeys(routes).filter((k) => k.key in EXPECTED);
		const ordered = [
			...all.filter((k) => k.method === 'GET'),
			...all.filter((k) => k.method === 'POST' && !LAST.includes(k.key)),
			...LAST.map((l) => all.find((k) => k.key === l)).filter((k) => !!k)
		];
		const results: Result[] = [];
		for (const k of ordered) {
			if (LAST.includes(k.key)) for (const a of ACTORS) await login(a);
			const row = parseRow(k.key, EXPECTED[k.key]!);
			const sets = paramSets(k.route.pattern, fx).filter((s) => s.variant === 'fixture' || k.method === 'GET');
			for (const set of sets) {
				const path = fillParams(k.route.pattern, set.params);
				const want = expectedFor(set.variant, row);
				const answers = await Promise.all(ACTORS.map((a) => send(a, k.method, path, k.action, bodyFor(k.key, fx, a, extraSessions))));
				const got = {} as Record<ActorName, string>;
				const status = {} as Record<ActorName, number>;
				ACTORS.forEach((a, i) => {
					got[a] = classify(a, answers[i]!);
					status[a] = answers[i]!.status;
				});
				results.push({ key: k.key, label: set.label, got, want, status });
			}
		}

		// The matrix: one line per route (and param set), one symbol per actor; a wrong cell is shown as
		// "got!" and explained below.
		const lines = [`columns: ${ACTORS.map((a, i) => `${i + 1}=${ACTOR_NOTES[a]}`).join(', ')}`];
		const wrong: string[] = [];
		const width = Math.max(...results.map((r) => r.key.length + r.label.length + 3));
		for (const r of results) {
			const name = (r.label ? `${r.key} [${r.label}]` : r.key).padEnd(width);
			const cells = ACTORS.map((a) => (r.got[a] === r.want[a] ? ` ${r.got[a]} ` : `${r.got[a]}!`.padEnd(3).slice(0, 3)));
			// AUTHZ_MATRIX_STATUS=1 adds the HTTP status of every cell (to check why a cell is what it is).
			lines.push(`${name} ${cells.join('')}${process.env.AUTHZ_MATRIX_STATUS ? '  ' + ACTORS.map((a) => r.status[a]).join(' ') : ''}`);
			for (const a of ACTORS) {
				if (r.got[a] !== r.want[a])
					wrong.push(`${r.key}${r.label ? ` [${r.label}]` : ''} as ${a}: want ${r.want[a]}, got ${r.got[a]} (HTTP ${r.status[a]})`);
			}
		}
		const cells = results.length * ACTORS.length;
		console.log(
			`${lines.join('\n')}\n\nauthz matrix: ${cells} cells (${results.length} rows × ${ACTORS.length} actors), ${wrong.length} wrong${wrong.length ? ':\n  ' + wrong.join('\n  ') : ''}`
		);
		expect(cells).toBeGreaterThan(1000);
		expect(wrong).toEqual([]);
	}, 300_000);
});
