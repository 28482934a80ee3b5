import { describe, expect, test } from 'vitest';
import {
	descendantsOf,
	flattenTree,
	mergeRefusal,
	moveRefusal,
	rollUpCounts,
	rolledUpUnder,
	rollupTarget,
	subtreeTotals,
	type TreeUnit
} from '../../src/lib/domain/org-tree';

// province P; department D with office O (and O's team T); wards A, B merged into C; C2 took over C later.
const units: (TreeUnit & { name: string })[] = [
	{ id: 'P', parentId: null, name: 'Tỉnh' },
	{ id: 'D', parentId: 'P', name: 'Sở' },
	{ id: 'O', parentId: 'D', name: 'Phòng' },
	{ id: 'T', parentId: 'O', name: 'Tổ' },
	{ id: 'A', parentId: 'P', successorId: 'C', name: 'phường A' },
	{ id: 'B', parentId: 'P', successorId: 'C', name: 'phường B' },
	{ id: 'C', parentId: 'P', name: 'phường C' }
];

describe('descendants and moves', () => {
	test('descendants are every unit below, not the unit itself', () => {
		expect([...descendantsOf(units, 'D')].sort()).toEqual(['O', 'T']);
		expect(descendantsOf(units, 'T').size).toBe(0);
	});

	test('moving a unit under itself is refused', () => {
		expect(moveRefusal(units, 'D', 'D')).toBe('units.error.cycle_self');
	});

	test('moving a unit under its grandchild is refused as a cycle', () => {
		expect(moveRefusal(units, 'D', 'T')).toBe('units.error.cycle_descendant');
	});

	test('moving a unit under a sibling or to the top is allowed', () => {
		expect(moveRefusal(units, 'O', 'C')).toBeNull();
		expect(moveRefusal(units, 'O', null)).toBeNull();
	});

	test('a parent loop in stored data does not hang the descendant walk', () => {
		const looped: TreeUnit[] = [
			{ id: 'X', parentId: 'Y' },
			{ id: 'Y', parentId: 'X' }
		];
		expect([...descendantsOf(looped, 'X')]).toEqual(['Y']);
		expect(flattenTree(looped, (a, b) => a.id.localeCompare(b.id)).map((r) => r.unit.id)).toEqual(['X', 'Y']);
	});
});

describe('merge refusals', () => {
	test('merging a unit into itself is refused', () => {
		expect(mergeRefusal(units, ['A', 'C'], 'C')).toBe('units.error.merge_into_self');
	});

	test('merging a unit into its own descendant is refused', () => {
		expect(mergeRefusal(units, ['D'], 'T')).toBe('units.error.merge_into_descendant');
	});

	test('a merge needs at least one source', () => {
		expect(mergeRefusal(units, [], 'C')).toBe('units.error.merge_no_sources');
	});

	test('merging two wards into a third is allowed', () => {
		expect(mergeRefusal(units, ['A', 'B'], 'C')).toBeNull();
	});
});

describe('roll-up under successors', () => {
	test('merged units roll up under their successor, others under themselves', () => {
		expect(rollupTarget(units, 'A')).toBe('C');
		expect(rollupTarget(units, 'D')).toBe('D');
		expect(rolledUpUnder(units, 'C').sort()).toEqual(['A', 'B', 'C']);
	});

	test('a chain of mergers rolls up to its end, and a successor loop stops', () => {
		const chain = [...units.map((u) => (u.id === 'C' ? { ...u, successorId: 'C2' } : u)), { id: 'C2', parentId: 'P' }];
		expect(rollupTarget(chain, 'A')).toBe('C2');
		const loop: TreeUnit[] = [
			{ id: 'A', parentId: null, successorId: 'B' },
			{ id: 'B', parentId: null, successorId: 'A' }
		];
		expect(['A', 'B']).toContain(rollupTarget(loop, 'A'));
	});

	test('findings counted on A and B are summed under C for trend figures', () => {
		const counts = new Map([
			['A', 3],
			['B', 2],
			['C', 4],
			['D', 1]
		]);
		expect(Object.fromEntries(rollUpCounts(units, counts))).toEqual({ C: 9, D: 1 });
	});
});

describe('display order', () => {
	test('the tree is listed depth first with depths, siblings in the given order', () => {
		const rows = flattenTree(units, (a, b) => a.name.localeCompare(b.name, 'vi'));
		expect(rows.map((r) => `${r.depth}:${r.unit.id}`)).toEqual(['0:P', '1:A', '1:B', '1:C', '1:D', '2:O', '3:T']);
	});

	test('subtree totals add up a unit and everything below it', () => {
		const own = new Map([
			['D', 5],
			['O', 3],
			['T', 2]
		]);
		const totals = subtreeTotals(units, own);
		expect(totals.get('D')).toBe(10);
		expect(totals.get('O')).toBe(5);
		expect(totals.get('P')).toBe(10);
	});
});
