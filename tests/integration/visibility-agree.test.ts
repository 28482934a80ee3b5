// Issue #11, "every rule once": when a surprise check stops being secret is defined once
// (pb_hooks/lib/visibility.json) and read by the domain rule (domain/check.ts isSurpriseHidden), the
// policy's list filter (authz checkScopeFilter / checkStartedFilter, PocketBase filter syntax), the
// dashboard SQL (pb_hooks/lib/rollups.js VISIBLE, used by the roll-up fold and the dashboard route) and
// the check list's rows route (pb_hooks/lib/lists.js, the policy's checkScope applied in SQL).
// One check of every kind × status × recorded start, each with one finding, in a unit of its own: the
// three must select exactly the same checks.
import { beforeAll, describe, expect, test } from 'vitest';
import { makeUser, manualClock, superPb, testServices } from '../support/services';
import { check, finding, unit, violationTypes } from '../support/dashboard';
import { inspectionsRepo } from '../../src/lib/server/repos/inspections';
import { isSurpriseHidden, CHECK_STATUSES, CHECK_KINDS, type CheckStatus, type CheckKind } from '../../src/lib/domain/check';
import { toActor, type Actor } from '../../src/lib/domain/user';

const clock = manualClock(new Date('2026-04-20T03:00:00Z'));
interface Combo {
	id: string;
	kind: CheckKind;
	status: CheckStatus;
	startedAt: string | null;
}
const combos: Combo[] = [];
let rootId = '';
let inspector: Actor;
let head: Actor;
let leader: Actor;
let member: Actor;
let otherHead: Actor;
let otherId = '';
let teamIds: string[] = [];
let s: Awaited<ReturnType<typeof testServices>>;

beforeAll(async () => {
	s = await testServices(clock);
	const pb = await superPb();
	const root = await unit('phường Bí Mật');
	rootId = root.id;
	const types = await violationTypes();
	const type = Object.values(types)[0]!;
	let day = 2;
	for (const kind of CHECK_KINDS) {
		for (const status of CHECK_STATUSES) {
			for (const recorded of status === 'cancelled' || status === 'postponed' ? [false, true] : [status !== 'planned']) {
				const at = `2026-03-${String(day++).padStart(2, '0')}T01:00:00Z`;
				const c = await check(root.id, kind, status, at);
				const startedAt = recorded ? '2026-03-01 01:00:00.000Z' : '';
				await pb.collection('inspections').update(c.id, { started_at: startedAt });
				await finding({ inspection: c.id, unit: root.id, type, category: 'office_culture', at });
				combos.push({ id: c.id, kind, status, startedAt: startedAt || null });
			}
		}
	}
	inspector = toActor(await makeUser('inspector'));
	head = toActor(await makeUser('unit_head', { unitId: root.id }));
	leader = toActor(await makeUser('leader'));
	// A second unit with one check of each kind, planned (the surprise one hidden) and one in progress,
	// and an inspector on the team (as lead, member or observer) of the hidden surprise checks of both.
	const other = await unit('phường Bên Cạnh');
	otherId = other.id;
	const otherUser = await makeUser('unit_head', { unitId: other.id });
	otherHead = toActor(otherUser);
	member = toActor(await makeUser('inspector'));
	for (const [kind, status] of [
		['scheduled', 'planned'],
		['surprise', 'planned'],
		['surprise', 'in_progress']
	] as const) {
		const c = await check(other.id, kind, status, `2026-03-${String(day++).padStart(2, '0')}T01:00:00Z`);
		combos.push({ id: c.id, kind, status, startedAt: status === 'in_progress' ? c.started_at : null });
	}
	const hidden = combos.filter((c) => isSurpriseHidden(c));
	const roles = ['lead', 'team', 'observers'] as const;
	for (const [k, c] of hidden.entries()) {
		const role = roles[k % roles.length]!;
		await pb.collection('inspections').update(c.id, { [role]: role === 'lead' ? member.id : [member.id] });
	}
	teamIds = hidden.map((c) => c.id);
}, 120_000);

describe('issue #11: the surprise-visibility rule is one definition the TypeScript, the list filters and the SQL agree on', () => {
	// The first 16: every kind × status × recorded start, in the first unit.
	const expected = () =>
		combos
			.slice(0, 16)
			.filter((c) => !isSurpriseHidden(c))
			.map((c) => c.id)
			.sort();

	const ofUnit = (ids: string[], unitIds: string[]) => {
		const own = new Set(combos.filter((c) => unitIds.includes(unitOf(c.id))).map((c) => c.id));
		return ids.filter((id) => own.has(id));
	};
	const unitOf = (id: string) => (combos.findIndex((c) => c.id === id) < 16 ? rootId : otherId);

	test('the fixture covers both sides of the rule', () => {
		expect(combos.length).toBe(19);
		expect(expected().length).toBeGreaterThan(0);
		expect(expected().length).toBeLessThan(16);
	});

	test('the policy filter lists exactly the checks the domain rule shows an inspector off the team and the unit head', async () => {
		const repo = inspectionsRepo(await superPb());
		for (const actor of [inspector, head]) {
			const seen = (await repo.listVisible(actor, { unitIds: [rootId], limit: 500 })).map((c) => c.id).sort();
			expect(seen).toEqual(expected());
		}
		expect((await repo.listVisible(leader, { unitIds: [rootId], limit: 500 })).length).toBe(16);
	});

	test('the check list’s rows route (SQL) lists exactly what the policy filter lists, for every role', async () => {
		const repo = inspectionsRepo(await superPb());
		const units = [rootId, otherId];
		for (const actor of [inspector, head, otherHead, leader, member]) {
			const sql = (await repo.listRows(actor, { unitIds: units, limit: 500 })).map((c) => c.id).sort();
			const filter = (await repo.listVisible(actor, { unitIds: units, limit: 500 })).map((c) => c.id).sort();
			expect(sql, actor.role).toEqual(filter);
		}
		// What each sees, by construction: the rule for outsiders, every check for the leader, the team
		// member their hidden checks too, and a unit head only their own unit's.
		const shown = combos.filter((c) => !isSurpriseHidden(c)).map((c) => c.id);
		const ids = async (a: Actor) => (await repo.listRows(a, { unitIds: units })).map((c) => c.id).sort();
		expect(await ids(inspector)).toEqual([...shown].sort());
		expect(await ids(leader)).toEqual(combos.map((c) => c.id).sort());
		expect(await ids(member)).toEqual([...shown, ...teamIds].sort());
		expect(await ids(head)).toEqual(ofUnit(shown, [rootId]).sort());
		expect(await ids(otherHead)).toEqual(ofUnit(shown, [otherId]).sort());
		expect((await ids(otherHead)).length).toBe(2);
		// The list page's own path (services/checks.ts list): a unit head asking for the other unit.
		const all = { from: null, to: null, unit: null, inspector: null, mine: false };
		expect((await s.checks.list(head, { ...all, unit: otherId })).map((c) => c.id)).toEqual([]);
		expect((await s.checks.list(member, { ...all, mine: true })).map((c) => c.id).sort()).toEqual([...teamIds].sort());
	});

	test('the rows route applies the filters as the policy-filtered list does', async () => {
		const repo = inspectionsRepo(await superPb());
		const queries = [
			{ kind: 'surprise' as const },
			{ status: 'cancelled' as const },
			{ from: '2026-03-05T00:00:00Z', to: '2026-03-10T00:00:00Z' },
			{ personId: member.id },
			{ unitIds: [otherId] },
			{ unitIds: [rootId], sort: 'start' as const, limit: 3 }
		];
		for (const q of queries) {
			for (const actor of [inspector, leader, member]) {
				// The same rows in the same order of start (checks of other test files may share a start).
				const key = (c: { startsAt: string; id: string }) => `${c.startsAt} ${c.id}`;
				const sql = (await repo.listRows(actor, q)).map(key);
				const filter = (await repo.listVisible(actor, { ...q, sort: 'start' })).map(key);
				expect(sql, JSON.stringify(q)).toEqual([...sql].sort());
				expect([...sql].sort(), JSON.stringify(q)).toEqual([...filter].sort());
			}
		}
		const row = (await repo.listRows(leader, { unitIds: [otherId] }))[0]!;
		const full = (await repo.get(row.id))!;
		expect(row).toEqual({
			id: full.id,
			title: full.title,
			kind: full.kind,
			status: full.status,
			unitId: full.unitId,
			unitName: full.unitName,
			startsAt: full.startsAt,
			endsAt: full.endsAt,
			focus: full.focus,
			leadId: full.leadId,
			campaign: full.campaign
		});
	});

	test('the rows route answers only the app’s service account, never a browser', async () => {
		const pb = await superPb();
		const res = await fetch(`${pb.baseURL}/api/congvu/check-rows`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json' },
			body: JSON.stringify({ scope: null })
		});
		expect(res.status).toBe(401);
		expect(await res.text()).not.toContain('Kiểm tra');
	});

	test('the dashboard SQL counts exactly the findings of those checks', async () => {
		const q = new URLSearchParams({ period: 'quarter', year: '2026', quarter: '1', unit: rootId });
		const scope = await s.dashboard.resolveScope(leader, q);
		const sql = await s.dashboard.aggregates(leader, q, scope);
		const n = sql.rows.findingsByUnit.filter((r) => r.unit === rootId).reduce((a, r) => a + r.n, 0);
		expect(n).toBe(expected().length);
		const checks = sql.rows.checksByUnit.filter((r) => r.unit === rootId).reduce((a, r) => a + r.n, 0);
		expect(checks).toBe(expected().length);
	});
});
