// The list pages' counts as one aggregate each (docs/performance.md): the /actions board's counts per
// status come from one GROUP BY (pb_hooks/lib/counts.js) and must equal what one list call per status
// (the former way) counts, on fixtures whose counts are known by construction.
import { describe, expect, test } from 'vitest';
import { toActor } from '../../src/lib/domain/user';
import { ACTION_STATUSES } from '../../src/lib/domain/corrective-action';
import type { BoardFilter } from '../../src/lib/domain/schemas/actions';
import { makeUnit, makeUser, superPb, testServices } from '../support/services';
import { makeAction, makeCheck } from '../support/actions';

describe('the /actions board counts', () => {
	test('one aggregate gives the per-status counts the list calls give, for every filter', async () => {
		const pb = await superPb();
		const parent = await makeUnit('Sở đếm');
		const a = await makeUnit('Phòng đếm A', parent.id);
		const b = await makeUnit('Phường đếm B');
		const inspector = await makeUser('inspector');
		const check = await makeCheck(a.id, inspector.id, [inspector.id]);
		// Unit A: 7 actions; unit B: 3. Status, category, due date and overdue flag vary by construction.
		const rows: { unit: string; status: string; category: string; due: string; overdue?: boolean; check?: boolean }[] = [
			{ unit: a.id, status: 'open', category: 'attendance', due: '2026-03-01', overdue: true, check: true },
			{ unit: a.id, status: 'open', category: 'conduct', due: '2026-03-20' },
			{ unit: a.id, status: 'in_progress', category: 'attendance', due: '2026-03-05', overdue: true },
			{ unit: a.id, status: 'submitted', category: 'attendance', due: '2026-03-10', check: true },
			{ unit: a.id, status: 'verified', category: 'conduct', due: '2026-02-10' },
			{ unit: a.id, status: 'closed', category: 'attendance', due: '2026-02-01' },
			{ unit: a.id, status: 'cancelled', category: 'attendance', due: '2026-03-03' },
			{ unit: b.id, status: 'open', category: 'attendance', due: '2026-03-02' },
			{ unit: b.id, status: 'submitted', category: 'conduct', due: '2026-03-15', overdue: true },
			{ unit: b.id, status: 'closed', category: 'conduct', due: '2026-03-15' }
		];
		for (const r of rows) {
			const made = await makeAction({ unitId: r.unit, dueDate: r.due, category: r.category, inspectionId: r.check ? check.id : undefined });
			await pb.collection('corrective_actions').update(made.id, { status: r.status, overdue: r.overdue === true });
		}
		const s = await testServices();
		const leader = toActor(await makeUser('leader'));
		const headB = toActor(await makeUser('unit_head', { unitId: b.id }));
		const base: BoardFilter = { overdue: false, sort: 'due_asc' };

		// The former way: one list call per status on the same filter.
		const listed = async (filter: string) => {
			const out: Record<string, number> = {};
			for (const st of ACTION_STATUSES) {
				const f = [filter, pb.filter('status = {:st}', { st })].filter(Boolean).join(' && ');
				out[st] = (await pb.collection('corrective_actions').getList(1, 1, { filter: f, fields: 'id' })).totalItems;
			}
			return out;
		};
		const inA = pb.filter('unit = {:a}', { a: a.id });
		const inTree = pb.filter('(unit = {:a} || unit = {:p})', { a: a.id, p: parent.id });
		const cases: { actor: typeof leader; f: BoardFilter; pbFilter: string; expected: Record<string, number> }[] = [
			{
				actor: leader,
				f: { ...base, unit: parent.id },
				pbFilter: inTree,
				expected: { open: 2, in_progress: 1, submitted: 1, verified: 1, closed: 1 }
			},
			{
				actor: leader,
				f: { ...base, unit: a.id, status: 'open' },
				pbFilter: inA,
				expected: { open: 2, in_progress: 1, submitted: 1, verified: 1, closed: 1 }
			},
			{
				actor: leader,
				f: { ...base, unit: a.id, category: 'attendance' },
				pbFilter: `${inA} && category = 'attendance'`,
				expected: { open: 1, in_progress: 1, submitted: 1, verified: 0, closed: 1 }
			},
			{
				actor: leader,
				f: { ...base, unit: a.id, due_from: '2026-03-01', due_to: '2026-03-10' },
				pbFilter: `${inA} && due_date >= '2026-03-01' && due_date <= '2026-03-10'`,
				expected: { open: 1, in_progress: 1, submitted: 1, verified: 0, closed: 0 }
			},
			{
				actor: leader,
				f: { ...base, unit: a.id, overdue: true },
				pbFilter: `${inA} && overdue = true`,
				expected: { open: 1, in_progress: 1, submitted: 0, verified: 0, closed: 0 }
			},
			{
				actor: headB,
				f: base,
				pbFilter: pb.filter('unit = {:b}', { b: b.id }),
				expected: { open: 1, in_progress: 0, submitted: 1, verified: 0, closed: 1 }
			}
		];
		for (const c of cases) {
			const board = await s.actions.board(c.actor, c.f);
			expect(board.counts).toEqual(c.expected);
			expect(await listed(c.pbFilter)).toEqual(c.expected);
			// The rows listed agree with the count of their status.
			if (c.f.status) expect(board.items).toHaveLength(c.expected[c.f.status]!);
		}
		// Keys in the statuses' order, as the page shows them.
		expect(Object.keys((await s.actions.board(leader, { ...base, unit: b.id })).counts)).toEqual([...ACTION_STATUSES]);
	});
});
