import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import {
	DEFAULT_ROLL_CALL_STATUS,
	ROLL_CALL_STATUSES,
	ROLL_CALL_VIOLATION_CODES,
	formatRollCallTally,
	isCountedAbsent,
	isCountedPresent,
	isViolationStatus,
	rollCallTallyParams,
	tallyRollCall,
	violationCodeFor,
	type RollCallStatus
} from '../../src/lib/domain/roll-call';
import { vi, en } from '../../src/lib/i18n/messages/workflow';

const many = (status: RollCallStatus, n: number): RollCallStatus[] => Array.from({ length: n }, () => status);

describe('statuses and violations', () => {
	test('everyone starts as present', () => {
		expect(DEFAULT_ROLL_CALL_STATUS).toBe('present');
	});

	test.each([
		['present', null],
		['late', 'ATT-LATE'],
		['absent_excused', null],
		['absent_unexcused', 'ATT-ABSENT-UNEXCUSED'],
		['business_trip', null],
		['left_early', 'ATT-EARLY-LEAVE'],
		['away_from_post', 'ATT-AWAY-FROM-POST']
	] as const)('%s → violation code %s', (status, code) => {
		expect(violationCodeFor(status)).toBe(code);
		expect(isViolationStatus(status)).toBe(code !== null);
	});

	test('every violation code exists in the violation catalogue', () => {
		const csv = readFileSync(new URL('../../src/lib/server/seed/violation-catalogue.csv', import.meta.url), 'utf8');
		const catalogueCodes = new Set(
			csv
				.split('\n')
				.slice(1)
				.map((line) => line.split(',')[0])
		);
		for (const code of Object.values(ROLL_CALL_VIOLATION_CODES)) expect(catalogueCodes).toContain(code);
	});

	test('each status is counted exactly once: either có mặt or vắng', () => {
		for (const s of ROLL_CALL_STATUSES) expect(Number(isCountedPresent(s)) + Number(isCountedAbsent(s))).toBe(1);
	});

	test('late people are present; a business trip is an absence with reason', () => {
		expect(isCountedPresent('late')).toBe(true);
		expect(isCountedAbsent('business_trip')).toBe(true);
		expect(violationCodeFor('business_trip')).toBeNull();
	});

	test('every status has a Vietnamese label', () => {
		for (const s of ROLL_CALL_STATUSES) {
			expect(vi).toHaveProperty([`rollcall.status.${s}`]);
			expect(en).toHaveProperty([`rollcall.status.${s}`]);
		}
		expect(vi['rollcall.status.away_from_post']).toBe('Không có mặt tại vị trí làm việc');
		expect(vi['rollcall.status.absent_unexcused']).toBe('Vắng không lý do');
	});
});

describe('tally', () => {
	// The sample sentence of issue #5: 185 present, 51 absent of whom 9 without reason, 78,39%.
	const sample: RollCallStatus[] = [
		...many('present', 160),
		...many('late', 15),
		...many('left_early', 6),
		...many('away_from_post', 4),
		...many('absent_excused', 30),
		...many('business_trip', 12),
		...many('absent_unexcused', 9)
	];

	test('counts the sample roll call', () => {
		const t = tallyRollCall(sample);
		expect(t).toMatchObject({ total: 236, present: 185, onTime: 160, absent: 51, unexcused: 9, violations: 34, presentPercent: 78.39 });
		expect(t.byStatus).toEqual({
			present: 160,
			late: 15,
			absent_excused: 30,
			absent_unexcused: 9,
			business_trip: 12,
			left_early: 6,
			away_from_post: 4
		});
	});

	test('prints the sentence inspection reports use', () => {
		expect(formatRollCallTally(tallyRollCall(sample))).toBe(
			'185/236 có mặt, kể cả đi muộn (78,39%); đúng giờ 160/236 (67,8%); vắng 51, trong đó 9 không lý do'
		);
	});

	test('the biên bản example of docs/report-formats.md: 28 people, 21 on time, 4 excused, 2 late, 1 unexcused', () => {
		const t = tallyRollCall([
			...many('present', 21),
			'absent_excused',
			'business_trip',
			'business_trip',
			'absent_excused',
			'late',
			'late',
			'absent_unexcused'
		]);
		// Both rates, labelled (issue #11 point 9): 23/28 came, late included; 21/28 on time.
		expect(formatRollCallTally(t)).toBe('23/28 có mặt, kể cả đi muộn (82,14%); đúng giờ 21/28 (75%); vắng 5, trong đó 1 không lý do');
	});

	test('large rosters get a thousands separator', () => {
		const t = tallyRollCall([...many('present', 1200), ...many('absent_unexcused', 34)]);
		expect(formatRollCallTally(t)).toBe(
			'1.200/1.234 có mặt, kể cả đi muộn (97,24%); đúng giờ 1.200/1.234 (97,24%); vắng 34, trong đó 34 không lý do'
		);
	});

	test('everyone present prints 100%, not 100,00%', () => {
		expect(formatRollCallTally(tallyRollCall(many('present', 40)))).toBe(
			'40/40 có mặt, kể cả đi muộn (100%); đúng giờ 40/40 (100%); vắng 0, trong đó 0 không lý do'
		);
	});

	test('percent rounds half up at 2 decimals from the counts', () => {
		// 1/8 = 12,5% exactly; 1/16 = 6,25%; 1/3 = 33,333…% → 33,33%; 2/3 → 66,67%.
		expect(rollCallTallyParams(tallyRollCall(['present', ...many('absent_excused', 15)])).percent).toBe('6,25%');
		expect(rollCallTallyParams(tallyRollCall(['present', 'absent_excused', 'absent_excused'])).percent).toBe('33,33%');
		expect(rollCallTallyParams(tallyRollCall(['present', 'late', 'absent_excused'])).percent).toBe('66,67%');
	});

	test('an empty roster does not divide by zero', () => {
		const t = tallyRollCall([]);
		expect(t.presentPercent).toBeNull();
		expect(formatRollCallTally(t)).toBe('0/0 có mặt, kể cả đi muộn (-); đúng giờ 0/0 (-); vắng 0, trong đó 0 không lý do');
		expect(rollCallTallyParams(t).onTimePercent).toBe('-');
	});

	test('an unknown status is a programming error', () => {
		expect(() => tallyRollCall(['present', 'on_leave' as RollCallStatus])).toThrow(RangeError);
	});

	test('in English the tally is English, figures and all (it was Vietnamese for everyone)', () => {
		expect(formatRollCallTally(tallyRollCall(sample), 'en')).toBe(
			'185/236 present, late arrivals included (78.39%); on time 160/236 (67.8%); absent 51, of whom 9 without reason'
		);
		const large = tallyRollCall([...many('present', 1200), ...many('absent_unexcused', 34)]);
		expect(formatRollCallTally(large, 'en')).toBe(
			'1,200/1,234 present, late arrivals included (97.24%); on time 1,200/1,234 (97.24%); absent 34, of whom 34 without reason'
		);
		expect(formatRollCallTally(large, 'vi')).toBe(
			'1.200/1.234 có mặt, kể cả đi muộn (97,24%); đúng giờ 1.200/1.234 (97,24%); vắng 34, trong đó 34 không lý do'
		);
	});
});
