// The outbox's pure rules (issue #14): ids of the PocketBase shape, dependency order, request plan, conflicts.
import { describe, expect, test } from 'vitest';
import { isRollCallConflict, newClientKey, newRecordId, orderForSync, planRequests } from '../../src/lib/domain/sync';
import { isRecordId } from '../../src/lib/domain/ids';

describe('outbox records', () => {
	test('a device id is a valid PocketBase id and keys do not repeat', () => {
		const ids = Array.from({ length: 2000 }, () => newRecordId());
		expect(ids.every(isRecordId)).toBe(true);
		expect(new Set(ids).size).toBe(ids.length);
		expect(newClientKey()).toMatch(/^[a-z0-9]{24}$/);
	});

	test('records go start → roll call → findings → photos → explanations, each photo in its own request', () => {
		const q = [
			{ kind: 'photo' as const, seq: 1 },
			{ kind: 'finding' as const, seq: 2 },
			{ kind: 'explanation' as const, seq: 3 },
			{ kind: 'roll_call' as const, seq: 4 },
			{ kind: 'start' as const, seq: 5 },
			{ kind: 'photo' as const, seq: 6 },
			{ kind: 'roll_call' as const, seq: 7 },
			{ kind: 'checklist' as const, seq: 8 }
		];
		// Checklist answers after the photos (an item's finding is its own), before the explanations.
		expect(orderForSync(q).map((r) => r.seq)).toEqual([5, 4, 7, 2, 1, 6, 8, 3]);
		expect(planRequests(q).map((g) => g.map((r) => r.seq))).toEqual([[5, 4, 7, 2], [1], [6], [8, 3]]);
		expect(planRequests(q, 2).map((g) => g.length)).toEqual([2, 2, 1, 1, 2]);
	});

	test('signatures after everything else, each in its own request, and the completion last of all', () => {
		const q = [
			{ kind: 'complete' as const, seq: 1 },
			{ kind: 'signature' as const, seq: 2 },
			{ kind: 'finding' as const, seq: 3 },
			{ kind: 'signature' as const, seq: 4 },
			{ kind: 'dossier' as const, seq: 5 },
			{ kind: 'start' as const, seq: 6 }
		];
		expect(orderForSync(q).map((r) => r.seq)).toEqual([6, 3, 5, 2, 4, 1]);
		expect(planRequests(q).map((g) => g.map((r) => r.seq))).toEqual([[6, 3, 5], [2], [4], [1]]);
	});

	test('a conflict is another status than the one the device started from, and not the one it wants', () => {
		expect(isRollCallConflict('late', { status: 'absent_unexcused', base: 'present' })).toBe(true);
		expect(isRollCallConflict('late', { status: 'late', base: 'present' })).toBe(false);
		expect(isRollCallConflict('present', { status: 'late', base: 'present' })).toBe(false);
		expect(isRollCallConflict('late', { status: 'present', base: null })).toBe(false);
	});
});
