// The roll-up tables stay exact under every write path: a random mix of well over 2,000 creates,
// updates (incl. amendments that supersede a finding), deletes (incl. checks), batch imports, check starts and
// postponements, and a unit merge and move; then every dashboard figure equals a recount in JavaScript
// over the base records (tests/support/dashboard.ts recount), for several filters.
import { beforeAll, describe, expect, test } from 'vitest';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { manualClock, makeUser, pbInfo, superPb, testServices } from '../support/services';
import { check, pbDate, recount, staff, unit, violationTypes } from '../support/dashboard';
import { buildFigures, buildUnitTree } from '../../src/lib/domain/stats';
import type { Actor } from '../../src/lib/domain/user';

const clock = manualClock(new Date('2025-11-20T03:00:00Z'));
let seed = 7;
const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
const pick = <T>(a: readonly T[]): T => a[Math.floor(rnd() * a.length)]!;
const CATS = ['attendance', 'office_culture', 'conduct', 'procedures', 'other'];
const ATT = ['present', 'late', 'absent_excused', 'absent_unexcused', 'business_trip', 'left_early', 'away_from_post'];
const ACT = ['open', 'in_progress', 'submitted', 'verified', 'closed'];
const when = () => new Date(Date.UTC(2024, 10, 1) + Math.floor(rnd() * 420) * 86_400_000 + Math.floor(rnd() * 86_400_000)).toISOString();
const dueDay = () => new Date(Date.UTC(2024, 11, 1) + Math.floor(rnd() * 400) * 86_400_000).toISOString().slice(0, 10);

let rootId = '';
let ops = 0;
let newFinding: () => Record<string, unknown> = () => ({});
const findingIds: string[] = [];

beforeAll(async () => {
	const pb = await superPb();
	const root = await unit('Tỉnh ngẫu nhiên');
	rootId = root.id;
	const units: string[] = [];
	for (let i = 0; i < 6; i++) units.push((await unit(`Đơn vị ${i}`, i < 4 ? root.id : '')).id);
	// Units 4 and 5 start outside the tree: the move below brings unit 4 in.
	const staffIds: Record<string, string[]> = {};
	for (const u of units) {
		staffIds[u] = [];
		for (let k = 0; k < 4; k++) staffIds[u]!.push((await staff(u)).id);
	}
	const T = await violationTypes();
	const checks: { id: string; unit: string; kind: string }[] = [];
	for (let i = 0; i < 24; i++) {
		const kind = i % 3 === 0 ? 'surprise' : 'scheduled';
		const status = pick(['planned', 'in_progress', 'completed', 'closed', 'postponed', 'cancelled']);
		const c = await check(pick(units), kind, status, when());
		checks.push({ id: c.id, unit: String(c.unit), kind: String(c.kind) });
		ops++;
	}
	// Checks that get a roll call and actions (no findings: those keep a check from being deleted) and
	// are deleted along the way: PocketBase deletes their roll call and clears their actions' link.
	const doomed: typeof checks = [];
	for (let i = 0; i < 6; i++) {
		const c = await check(pick(units), i % 2 ? 'surprise' : 'scheduled', pick(['in_progress', 'completed', 'planned']), when());
		doomed.push({ id: c.id, unit: String(c.unit), kind: String(c.kind) });
		ops++;
	}
	const attCheck = new Map<string, string>();
	const someCheck = () => (doomed.length && rnd() < 0.15 ? pick(doomed) : pick(checks));
	const findings: string[] = [];
	const atts: string[] = [];
	const acts: string[] = [];
	newFinding = () => {
		const c = pick(checks);
		const cat = pick(CATS);
		return {
			inspection: c.id,
			unit: rnd() < 0.8 ? c.unit : pick(units),
			staff: pick(staffIds[c.unit]!),
			violation_type: T[cat],
			category: cat,
			observed_at: pbDate(when()),
			superseded: rnd() < 0.1
		};
	};
	// Batch imports (the import path): 4 × 250 findings.
	for (let b = 0; b < 4; b++) {
		const batch = pb.createBatch();
		for (let k = 0; k < 250; k++) batch.collection('findings').create(newFinding());
		const res = await batch.send();
		findings.push(...res.map((r) => (r.body as { id: string }).id));
		ops += 250;
	}
	const target = 2200;
	while (ops < target) {
		// The logs are folded into the roll-ups now and then (as before a dashboard read, or each minute),
		// so writes land both before and after folds.
		if (rnd() < 0.03) await pb.send('/api/congvu/rollups/fold', { method: 'POST' });
		const r = rnd();
		if (r < 0.15) {
			findings.push((await pb.collection('findings').create(newFinding())).id);
		} else if (r < 0.3 && findings.length) {
			// Update: category, time, unit, or an amendment (supersede the original, add the correction).
			const id = pick(findings);
			if (rnd() < 0.4) {
				await pb.collection('findings').update(id, { superseded: true });
				findings.push((await pb.collection('findings').create({ ...newFinding(), amends: id, amend_reason: 'Sửa' })).id);
			} else {
				const cat = pick(CATS);
				await pb
					.collection('findings')
					.update(id, { category: cat, violation_type: T[cat], observed_at: pbDate(when()), unit: pick(units) });
			}
		} else if (r < 0.38 && findings.length) {
			const i = Math.floor(rnd() * findings.length);
			const id = findings.splice(i, 1)[0]!;
			const linked = await pb.collection('corrective_actions').getFullList({ filter: pb.filter('findings ~ {:id}', { id }) });
			if (linked.length === 0) await pb.collection('findings').delete(id);
			else findings.push(id);
		} else if (r < 0.55) {
			const c = someCheck();
			const s = pick(staffIds[c.unit]!);
			try {
				const id = (await pb.collection('attendance_records').create({ inspection: c.id, unit: c.unit, staff: s, status: pick(ATT) })).id;
				atts.push(id);
				attCheck.set(id, c.id);
			} catch {
				/* the same person twice in one roll call: refused by the unique index, as in the app */
			}
		} else if (r < 0.62 && atts.length) {
			await pb.collection('attendance_records').update(pick(atts), { status: pick(ATT) });
		} else if (r < 0.66 && atts.length) {
			await pb.collection('attendance_records').delete(atts.splice(Math.floor(rnd() * atts.length), 1)[0]!);
		} else if (r < 0.8) {
			const c = rnd() < 0.9 ? someCheck() : null;
			const status = pick(ACT);
			acts.push(
				(
					await pb.collection('corrective_actions').create({
						title: 'Khắc phục',
						inspection: c?.id ?? '',
						unit: c?.unit ?? pick(units),
						category: pick([...CATS, '']),
						status,
						due_date: dueDay(),
						submitted_at: status === 'open' || status === 'in_progress' ? '' : pbDate(when()),
						findings: findings.length && rnd() < 0.3 ? [pick(findings)] : []
					})
				).id
			);
		} else if (r < 0.9 && acts.length) {
			const status = pick(ACT);
			await pb
				.collection('corrective_actions')
				.update(pick(acts), { status, due_date: dueDay(), submitted_at: status === 'open' ? '' : pbDate(when()) });
		} else if (r < 0.93 && acts.length) {
			await pb.collection('corrective_actions').delete(acts.splice(Math.floor(rnd() * acts.length), 1)[0]!);
		} else if (r < 0.95 && doomed.length && ops > 1200) {
			const gone = doomed.splice(Math.floor(rnd() * doomed.length), 1)[0]!;
			await pb.collection('inspections').delete(gone.id);
			atts.splice(0, atts.length, ...atts.filter((id) => attCheck.get(id) !== gone.id));
		} else {
			// A check starts, is postponed, rescheduled, changes kind or is cancelled after a start.
			const c = pick(checks);
			const status = pick(['planned', 'in_progress', 'completed', 'postponed', 'cancelled']);
			await pb.collection('inspections').update(c.id, {
				status,
				kind: rnd() < 0.2 ? pick(['scheduled', 'surprise']) : c.kind,
				started_at: status === 'planned' || status === 'postponed' ? '' : rnd() < 0.7 ? pbDate(when()) : '',
				scheduled_start: pbDate(when())
			});
		}
		ops++;
	}
	findingIds.push(...findings);
	// Unit merge and move: unit 1 merges into unit 0; unit 4 moves under unit 2; unit 5 merges into unit 3.
	await pb.collection('units').update(units[1]!, { successor: units[0], active: false });
	await pb.collection('units').update(units[4]!, { parent: units[2] });
	await pb.collection('units').update(units[5]!, { successor: units[3], active: false });
	ops += 3;
}, 600_000);

/** Every figure of the all-units and the subtree view equals a recount over the base records. */
async function expectExact(params: Record<string, string>) {
	const services = await testServices(clock);
	const leader = (await makeUser('leader')) as Actor;
	const pb = await superPb();
	const tree = buildUnitTree(
		(await pb.collection('units').getFullList({ batch: 1000 })).map((u) => ({
			id: u.id,
			name: u.name,
			kind: u.kind,
			parentId: u.parent || null,
			successorId: u.successor || null,
			active: u.active
		}))
	);
	const search = new URLSearchParams({ unit: rootId, ...params });
	const view = await services.dashboard.load(leader, search);
	const scope = await services.dashboard.resolveScope(leader, search);
	const expected = buildFigures(await recount(scope.params), scope.filter.period.months, tree);
	// Every unit: the dashboard reads action totals from the monthly totals, without per-unit rows.
	if (search.get('unit')) expect(view.figures).toEqual(expected);
	else expect({ ...view.figures, actionsByUnit: [] }).toEqual({ ...expected, actionsByUnit: [] });
	return view.figures;
}

describe('roll-ups equal a recount over the base records', () => {
	test('over 2,000 mixed writes were applied', () => {
		expect(ops).toBeGreaterThanOrEqual(2000);
	});

	test.each([
		['year 2025', { period: 'year', year: '2025' }],
		['year 2024', { period: 'year', year: '2024' }],
		['a custom span', { period: 'custom', from: '2024-11', to: '2025-12' }],
		['a custom span of days', { period: 'custom', from: '2024-11-17', to: '2025-10-09' }],
		['days inside one month, one category', { period: 'custom', from: '2025-03-04', to: '2025-03-27', category: 'attendance' }],
		['surprise checks only', { period: 'custom', from: '2024-11', to: '2025-12', kind: 'surprise' }],
		['one category', { period: 'custom', from: '2024-11', to: '2025-12', category: 'conduct' }],
		// Every unit in the database (the province-wide monthly totals).
		['all units, year 2025', { period: 'year', year: '2025', unit: '' }],
		['all units, surprise checks', { period: 'custom', from: '2024-11', to: '2025-12', kind: 'surprise', unit: '' }],
		['all units, a custom span of days', { period: 'custom', from: '2025-02-03', to: '2025-06-20', unit: '' }]
	])('every figure, %s', async (_name, params) => {
		const services = await testServices(clock);
		const leader = (await makeUser('leader')) as Actor;
		const search = new URLSearchParams({ unit: rootId, ...params });
		const view = await services.dashboard.load(leader, search);
		expect(view.error).toBeNull();
		const scope = await services.dashboard.resolveScope(leader, search);
		const pb = await superPb();
		const tree = buildUnitTree(
			(await pb.collection('units').getFullList({ batch: 1000 })).map((u) => ({
				id: u.id,
				name: u.name,
				kind: u.kind,
				parentId: u.parent || null,
				successorId: u.successor || null,
				active: u.active
			}))
		);
		if (search.get('unit')) expect(scope.params.units!.length).toBe(7);
		const expected = buildFigures(await recount(scope.params), scope.filter.period.months, tree);
		if (search.get('unit')) {
			expect(view.figures).toEqual(expected);
		} else {
			// Every unit: the dashboard reads action totals from the monthly totals (no per-unit rows);
			// the report's per-unit path is checked against the recount too.
			expect({ ...view.figures, actionsByUnit: [] }).toEqual({ ...expected, actionsByUnit: [] });
			const report = await services.dashboard.aggregates(leader, search, scope);
			expect(buildFigures(report.rows, scope.filter.period.months, tree).actionsByUnit).toEqual(expected.actionsByUnit);
		}
		expect(view.figures.findingsTotal + view.figures.attendanceTotals.roster + view.figures.actions.total).toBeGreaterThan(0);
	});
});

describe('new rows above the watermark (rowid) and renumbered rowids', () => {
	const params = { period: 'custom', from: '2024-11', to: '2025-12' };

	test('deleting the newest counted finding, then adding findings: each new one counts once', async () => {
		const pb = await superPb();
		const c = await check(rootId, 'scheduled', 'completed', '2025-06-01T01:00:00Z');
		const add = () =>
			pb
				.collection('findings')
				.create({ ...newFinding(), inspection: c.id, unit: rootId, superseded: false, observed_at: pbDate('2025-06-01T02:00:00Z') });
		const last = await add();
		// Reading folds `last` in: it is now the newest counted row, the watermark. Deleting it frees
		// its rowid, which SQLite gives to the next new row: that row must still count.
		const before = (await expectExact(params)).findingsTotal;
		await pb.collection('findings').delete(last.id);
		// The watermark moved down to the previous counted row (no rebuild needed to stay exact).
		const db = new Database(join(pbInfo().dataDir, 'data.db'), { readonly: true });
		const prev = db.prepare('SELECT rowid AS w, id FROM findings ORDER BY rowid DESC LIMIT 1').get() as { w: number; id: string };
		expect(db.prepare("SELECT w, anchor FROM rollup_mark WHERE tbl = 'findings'").get()).toEqual({ w: prev.w, anchor: prev.id });
		db.close();
		await add();
		await add();
		expect((await expectExact(params)).findingsTotal).toBe(before - 1 + 2);
	});

	test('rowids renumbered behind the app (as VACUUM may do): the next fold notices and rebuilds', async () => {
		const pb = await superPb();
		await expectExact(params);
		const db = new Database(join(pbInfo().dataDir, 'data.db'));
		db.pragma('busy_timeout = 10000');
		db.exec('UPDATE findings SET rowid = rowid + 10000000');
		db.close();
		await pb.collection('findings').create(newFinding());
		await expectExact(params);
		await expectExact({ ...params, unit: '' });
	});
});
