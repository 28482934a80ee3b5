// Issue #11, "every rule once": when a surprise check stops being secret is defined once
// (pb_hooks/lib/visibility.json) and read by the domain rule (domain/check.ts isSurpriseHidden), the
// policy's list filter (authz checkScopeFilter / checkStartedFilter, PocketBase filter syntax) and the
// dashboard SQL (pb_hooks/lib/rollups.js VISIBLE, used by the roll-up fold and the dashboard route).
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
}, 120_000);

describe('issue #11: the surprise-visibility rule is one definition the TypeScript, the list filters and the SQL agree on', () => {
	const expected = () =>
		combos
			.filter((c) => !isSurpriseHidden(c))
			.map((c) => c.id)
			.sort();

	test('the fixture covers both sides of the rule', () => {
		expect(combos.length).toBe(16);
		expect(expected().length).toBeGreaterThan(0);
		expect(expected().length).toBeLessThan(combos.length);
	});

	test('the policy filter lists exactly the checks the domain rule shows an inspector off the team and the unit head', async () => {
		const repo = inspectionsRepo(await superPb());
		for (const actor of [inspector, head]) {
			const seen = (await repo.listVisible(actor, { unitIds: [rootId], limit: 500 })).map((c) => c.id).sort();
			expect(seen).toEqual(expected());
		}
		expect((await repo.listVisible(leader, { unitIds: [rootId], limit: 500 })).length).toBe(combos.length);
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
