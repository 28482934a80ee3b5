// Issue #11 point 9: one definition of each figure (domain/figures.ts, pb_hooks/lib/figures.json) and
// the biên bản's "Thực hiện tốt" listing only criteria met, worded as criteria.
import { describe, expect, test } from 'vitest';
import rules from '../../pb_hooks/lib/figures.json';
import { attendanceCounts, attendanceRates, isCountedCheck, isDoneCheck, isPlanCheck } from '../../src/lib/domain/figures';
import { formatRollCallTally, tallyRollCall, type RollCallStatus } from '../../src/lib/domain/roll-call';
import { buildFigures, buildUnitTree } from '../../src/lib/domain/stats';
import { CRITERIA_EN, CRITERIA_VI, criterionText, metCriteria } from '../../src/lib/domain/criteria';

const many = (s: RollCallStatus, n: number) => Array<RollCallStatus>(n).fill(s);

describe('issue #11 point 9: attendance, late arrivals included and on time, one definition', () => {
	// The check: 27 on the list, 2 late, 1 absent without reason → 96,3% and 88,9%.
	const statuses = [...many('present', 24), ...many('late', 2), 'absent_unexcused' as const];
	test('the roll call prints both rates, labelled', () => {
		expect(formatRollCallTally(tallyRollCall(statuses))).toBe(
			'26/27 có mặt, kể cả đi muộn (96,3%); đúng giờ 24/27 (88,89%); vắng 1, trong đó 1 không lý do'
		);
	});
	test('the dashboard and the report compute the same two figures from status counts', () => {
		const a = attendanceCounts({ present: 24, late: 2, absent_unexcused: 1 });
		expect(a).toEqual({ roster: 27, present: 26, onTime: 24, late: 2 });
		expect(attendanceRates(a)).toMatchObject({ present: '96,3%', onTime: '88,9%' });
		const tally = tallyRollCall(statuses);
		expect([tally.present, tally.onTime]).toEqual([a.present, a.onTime]);
	});
	test('excused absences and business trips are on the roster but in neither rate; left early and away count as came, not on time', () => {
		expect(attendanceCounts({ present: 5, absent_excused: 2, business_trip: 1, left_early: 1, away_from_post: 1 })).toEqual({
			roster: 10,
			present: 7,
			onTime: 5,
			late: 0
		});
		expect(attendanceRates(attendanceCounts({}))).toMatchObject({ present: '-', onTime: '-' });
	});
	test('the shared rule file is what the domain reads', () => {
		expect(rules.cameToWorkStatuses).toEqual(['present', 'late', 'left_early', 'away_from_post']);
		expect(rules.onTimeStatuses).toEqual(['present']);
	});
});

describe('issue #11 point 9: plan completion counts scheduled checks only; units checked and with violations count done checks', () => {
	const tree = buildUnitTree(
		['u1', 'u2', 'u3', 'u4'].map((id) => ({ id, name: id, kind: 'ward', parentId: null, successorId: null, active: true }))
	);
	const rows = {
		findingsByMonth: [],
		// u4 has findings but its only check is still in progress: not a unit checked, not one with violations.
		findingsByUnit: [
			{ unit: 'u1', n: 3 },
			{ unit: 'u4', n: 2 }
		],
		attendanceByMonth: [],
		actionsByUnit: [],
		overdueByUnit: [],
		staffByUnit: [],
		checksByUnit: [
			{ unit: 'u1', kind: 'scheduled', status: 'completed', n: 2, withFindings: 1 },
			{ unit: 'u1', kind: 'scheduled', status: 'planned', n: 3, withFindings: 0 },
			{ unit: 'u2', kind: 'scheduled', status: 'cancelled', n: 1, withFindings: 0 },
			{ unit: 'u2', kind: 'surprise', status: 'closed', n: 2, withFindings: 0 },
			{ unit: 'u3', kind: 'surprise', status: 'completed', n: 4, withFindings: 2 },
			{ unit: 'u4', kind: 'scheduled', status: 'in_progress', n: 1, withFindings: 0 }
		]
	};
	test('surprise checks never enter "đã thực hiện / kế hoạch"', () => {
		const f = buildFigures(rows, ['2025-01'], tree);
		expect(f.checks).toEqual({
			scheduled: 6,
			scheduledDone: 2,
			surprise: 6,
			surpriseDone: 6,
			done: 8,
			unitsChecked: 3,
			unitsWithFindings: 2
		});
		expect(f.checks.unitsWithFindings).toBeLessThanOrEqual(f.checks.unitsChecked);
	});
	test('done, counted and plan checks come from the shared rule file', () => {
		expect(rules.doneCheckStatuses.every(isDoneCheck)).toBe(true);
		expect(isDoneCheck('in_progress')).toBe(false);
		expect(isCountedCheck('cancelled')).toBe(false);
		expect(isPlanCheck('scheduled')).toBe(true);
		expect(isPlanCheck('surprise')).toBe(false);
	});
});

describe('issue #11 point 9: "Thực hiện tốt" lists criteria met, worded as criteria, never a violated one', () => {
	const types = [
		{ code: 'OC-BADGE', name: 'Không đeo thẻ cán bộ, công chức, viên chức khi thực hiện nhiệm vụ' },
		{ code: 'OC-SMOKING', name: 'Hút thuốc lá trong phòng làm việc, phòng họp, hội trường' },
		{ code: 'OC-DRESS', name: 'Trang phục không gọn gàng, lịch sự khi thực hiện nhiệm vụ' },
		{ code: 'OC-NEW', name: 'Để xe sai nơi quy định' }
	];
	const checklist = {
		'OC-BADGE': { result: 'compliant' },
		'OC-SMOKING': { result: 'compliant' },
		'OC-DRESS': { result: 'violation' },
		'OC-NEW': { result: 'compliant' }
	};
	test('a criterion with a finding is left out; the others read as criteria', () => {
		const met = metCriteria(types, checklist, new Set(['OC-SMOKING', 'OC-DRESS']));
		expect(met).toEqual(['Đeo thẻ công chức khi thi hành công vụ', 'Không để xảy ra: để xe sai nơi quy định']);
		expect(met.join('; ')).not.toMatch(/Hút thuốc lá/);
	});
	test('every office-culture code of the seeded catalogue has a criterion wording', async () => {
		const { readFileSync } = await import('node:fs');
		const csv = readFileSync('src/lib/server/seed/violation-catalogue.csv', 'utf8');
		const codes = csv
			.split('\n')
			.filter((l) => /^OC-[A-Z-]+,office_culture,/.test(l))
			.map((l) => l.split(',')[0]!);
		expect(codes.length).toBeGreaterThan(5);
		for (const c of codes) expect(CRITERIA_VI[c], c).toBeTruthy();
		for (const c of codes) expect(CRITERIA_EN[c], c).toBeTruthy();
	});
	test('the checklist shows criteria in the screen language, never the violation', () => {
		const names = { vi: 'Không đeo thẻ cán bộ, công chức, viên chức khi thực hiện nhiệm vụ', en: 'Staff badge not worn on duty' };
		expect(criterionText('vi', 'OC-BADGE', names)).toBe('Đeo thẻ công chức khi thi hành công vụ');
		expect(criterionText('en', 'OC-BADGE', names)).toBe('Staff badge worn on duty');
		expect(criterionText('vi', 'OC-NEW', { vi: 'Để xe sai nơi', en: 'Parking in the wrong place' })).toBe('Không để xảy ra: để xe sai nơi');
		expect(criterionText('en', 'OC-NEW', { vi: 'Để xe sai nơi', en: 'Parking in the wrong place' })).toBe(
			'No case of: parking in the wrong place'
		);
	});
});
