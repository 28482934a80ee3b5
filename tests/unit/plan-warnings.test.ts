import { describe, expect, test } from 'vitest';
import {
	RECENT_CHECK_DAYS,
	planWarnings,
	type DayOffAnswer,
	type ExistingCheck,
	type PlanWarningContext,
	type ProposedCheck
} from '../../src/lib/domain/plan-warnings';
import type { Actor } from '../../src/lib/domain/check';
import { buildCalendar, calendarDay, OFFICIAL_ANNOUNCEMENTS_2025_2026 } from '../../src/lib/domain/holidays';
import { vi, en } from '../../src/lib/i18n/messages/workflow';

// Asia/Ho_Chi_Minh is UTC+7 all year (no DST); the service injects domain/time.ts instead.
const toVnDate = (iso: string) => new Date(Date.parse(iso) + 7 * 3_600_000).toISOString().slice(0, 10);
/** A VN local date and time as a UTC ISO instant. */
const vn = (date: string, time: string) => new Date(Date.parse(`${date}T${time}:00+07:00`)).toISOString();

/** Plain Mon–Fri calendar with a few named days, for the rules under test. */
const SPECIAL: Record<string, DayOffAnswer> = {
	'2025-09-02': { off: true, nameKey: 'holiday.quoc_khanh' },
	'2025-04-26': { off: false }, // make-up Saturday (làm bù)
	'2025-05-02': { off: true } // swapped day off without a label
};
const plainCalendar = (date: string): DayOffAnswer => {
	const special = SPECIAL[date];
	if (special) return special;
	const wd = new Date(`${date}T00:00:00Z`).getUTCDay();
	return { off: wd === 0 || wd === 6 };
};

const inspector: Actor = { id: 'insp-a', role: 'inspector', unitId: 'unit-snv' };
const leader: Actor = { id: 'leader-1', role: 'leader', unitId: 'unit-snv' };

const proposed = (over: Partial<ProposedCheck> = {}): ProposedCheck => ({
	unitId: 'unit-my-hung',
	startsAt: vn('2025-09-17', '07:00'),
	endsAt: vn('2025-09-17', '11:00'),
	teamIds: ['insp-a', 'insp-b'],
	...over
});

const existing = (over: Partial<ExistingCheck> = {}): ExistingCheck => ({
	id: 'chk-1',
	kind: 'scheduled',
	status: 'planned',
	unitId: 'unit-binh-duc',
	leadId: 'insp-c',
	teamIds: ['insp-c'],
	observerIds: [],
	startedAt: null,
	startsAt: vn('2025-09-17', '08:00'),
	endsAt: vn('2025-09-17', '10:00'),
	...over
});

const ctx = (over: Partial<PlanWarningContext> = {}): PlanWarningContext => ({
	existing: [],
	viewer: inspector,
	now: vn('2025-09-10', '09:00'),
	isNonWorkingDay: plainCalendar,
	toVnDate,
	...over
});

const codes = (ws: { code: string }[]) => ws.map((w) => w.code);

describe('no warning', () => {
	test('a weekday check of a unit not checked lately, with a free team', () => {
		expect(planWarnings(proposed(), ctx({ existing: [existing()] }))).toEqual([]);
	});
});

describe('double booking', () => {
	test('an inspector on another check at the same time is warned about, with names and date', () => {
		const w = planWarnings(
			proposed(),
			ctx({
				existing: [existing({ teamIds: ['insp-c', 'insp-b'] })],
				personName: (id) => (id === 'insp-b' ? 'Huỳnh Thị Ngọc Diễm' : id),
				unitName: (id) => (id === 'unit-binh-duc' ? 'UBND phường Bình Đức' : id)
			})
		);
		expect(w).toEqual([
			{
				code: 'warning.double_booked',
				params: {
					person: 'Huỳnh Thị Ngọc Diễm',
					personId: 'insp-b',
					unit: 'UBND phường Bình Đức',
					checkId: 'chk-1',
					date: '17/09/2025',
					isoDate: '2025-09-17'
				}
			}
		]);
	});

	test('the lead and observers of the other check count as booked', () => {
		const asLead = planWarnings(proposed(), ctx({ existing: [existing({ leadId: 'insp-a', teamIds: [] })] }));
		const asObserver = planWarnings(proposed(), ctx({ existing: [existing({ observerIds: ['insp-b'] })] }));
		expect(codes(asLead)).toEqual(['warning.double_booked']);
		expect(codes(asObserver)).toEqual(['warning.double_booked']);
	});

	test('each booked person is reported', () => {
		const w = planWarnings(proposed(), ctx({ existing: [existing({ teamIds: ['insp-a', 'insp-b'] })] }));
		expect(w.map((x) => x.params.personId)).toEqual(['insp-a', 'insp-b']);
	});

	test('back-to-back checks do not clash (windows are half-open)', () => {
		const w = planWarnings(
			proposed(),
			ctx({ existing: [existing({ teamIds: ['insp-a'], startsAt: vn('2025-09-17', '11:00'), endsAt: vn('2025-09-17', '13:00') })] })
		);
		expect(w).toEqual([]);
	});

	test('a check that ends one minute after ours starts does clash', () => {
		const w = planWarnings(
			proposed(),
			ctx({ existing: [existing({ teamIds: ['insp-a'], startsAt: vn('2025-09-17', '06:00'), endsAt: vn('2025-09-17', '07:01') })] })
		);
		expect(codes(w)).toEqual(['warning.double_booked']);
	});

	test.each(['cancelled', 'postponed'] as const)('a %s check books nobody', (status) => {
		expect(planWarnings(proposed(), ctx({ existing: [existing({ teamIds: ['insp-a'], status })] }))).toEqual([]);
	});

	test('editing a check does not compare it with itself', () => {
		const self = existing({ id: 'chk-self', unitId: 'unit-my-hung', teamIds: ['insp-a'] });
		expect(planWarnings(proposed({ id: 'chk-self' }), ctx({ existing: [self] }))).toEqual([]);
	});

	test('a person listed twice in the proposed team is reported once', () => {
		const w = planWarnings(proposed({ teamIds: ['insp-a', 'insp-a'] }), ctx({ existing: [existing({ teamIds: ['insp-a'] })] }));
		expect(w).toHaveLength(1);
	});
});

describe('surprise checks stay secret in warnings', () => {
	const hiddenSurprise = existing({ kind: 'surprise', unitId: 'unit-my-hung', teamIds: ['insp-b'], leadId: 'insp-c' });

	test('an inspector outside its team learns nothing: no booking, no recent-check warning', () => {
		const viewer: Actor = { id: 'insp-z', role: 'inspector', unitId: 'unit-snv' };
		expect(planWarnings(proposed(), ctx({ viewer, existing: [hiddenSurprise] }))).toEqual([]);
	});

	test('a leader planning sees both warnings', () => {
		const w = planWarnings(proposed(), ctx({ viewer: leader, existing: [hiddenSurprise] }));
		expect(codes(w)).toEqual(['warning.double_booked', 'warning.unit_recently_checked']);
	});

	test('once started, the surprise check counts for everyone', () => {
		const started = { ...hiddenSurprise, status: 'in_progress' as const, startedAt: vn('2025-09-17', '07:05') };
		const viewer: Actor = { id: 'insp-z', role: 'inspector', unitId: 'unit-snv' };
		expect(codes(planWarnings(proposed(), ctx({ viewer, existing: [started] })))).toContain('warning.unit_recently_checked');
	});
});

describe(`unit already checked within ${RECENT_CHECK_DAYS} days`, () => {
	const sameUnit = (date: string, over: Partial<ExistingCheck> = {}) =>
		existing({ id: `chk-${date}`, unitId: 'unit-my-hung', startsAt: vn(date, '07:00'), endsAt: vn(date, '10:00'), ...over });

	test('a check 20 days earlier is reported with its date and distance', () => {
		const w = planWarnings(
			proposed(),
			ctx({ existing: [sameUnit('2025-08-28', { status: 'closed' })], unitName: () => 'UBND phường Mỹ Hưng' })
		);
		expect(w).toEqual([
			{
				code: 'warning.unit_recently_checked',
				params: { unit: 'UBND phường Mỹ Hưng', checkId: 'chk-2025-08-28', date: '28/08/2025', isoDate: '2025-08-28', days: 20 }
			}
		]);
	});

	test('exactly 30 days is still within; 31 days is not', () => {
		expect(codes(planWarnings(proposed(), ctx({ existing: [sameUnit('2025-08-18')] })))).toEqual(['warning.unit_recently_checked']);
		expect(planWarnings(proposed(), ctx({ existing: [sameUnit('2025-08-17')] }))).toEqual([]);
	});

	test('a check already planned 10 days later also counts', () => {
		const w = planWarnings(proposed(), ctx({ existing: [sameUnit('2025-09-27')] }));
		expect(w).toMatchObject([{ code: 'warning.unit_recently_checked', params: { days: 10 } }]);
	});

	test('only the nearest check is reported', () => {
		const w = planWarnings(proposed(), ctx({ existing: [sameUnit('2025-08-25'), sameUnit('2025-09-10'), sameUnit('2025-09-01')] }));
		expect(w).toHaveLength(1);
		expect(w[0]!.params.checkId).toBe('chk-2025-09-10');
	});

	test('a cancelled check of the unit does not count', () => {
		expect(planWarnings(proposed(), ctx({ existing: [sameUnit('2025-09-10', { status: 'cancelled' })] }))).toEqual([]);
	});

	test('days are counted on the Vietnamese calendar, not UTC', () => {
		// 2025-08-18 06:30 VN is still 2025-08-17 in UTC: 30 days, so a warning.
		const early = existing({ id: 'e', unitId: 'unit-my-hung', startsAt: vn('2025-08-18', '06:30'), endsAt: vn('2025-08-18', '09:00') });
		expect(codes(planWarnings(proposed(), ctx({ existing: [early] })))).toEqual(['warning.unit_recently_checked']);
	});
});

describe('weekends and public holidays', () => {
	test('a Saturday check is warned about as a weekend', () => {
		const w = planWarnings(proposed({ startsAt: vn('2025-09-20', '07:00'), endsAt: vn('2025-09-20', '11:00') }), ctx());
		expect(w).toEqual([{ code: 'warning.weekend', params: { date: '20/09/2025', isoDate: '2025-09-20' } }]);
	});

	test('a make-up Saturday (làm bù) is a working day: no warning', () => {
		expect(planWarnings(proposed({ startsAt: vn('2025-04-26', '07:00'), endsAt: vn('2025-04-26', '11:00') }), ctx())).toEqual([]);
	});

	test('a public holiday is warned about with its name', () => {
		const w = planWarnings(
			proposed({ startsAt: vn('2025-09-02', '07:00'), endsAt: vn('2025-09-02', '11:00') }),
			ctx({ holidayName: (k) => (k === 'holiday.quoc_khanh' ? 'Quốc khánh' : k) })
		);
		expect(w).toEqual([
			{
				code: 'warning.holiday',
				params: { date: '02/09/2025', isoDate: '2025-09-02', holiday: 'Quốc khánh', holidayKey: 'holiday.quoc_khanh' }
			}
		]);
	});

	test('a weekday off without a name is a non-working day', () => {
		const w = planWarnings(proposed({ startsAt: vn('2025-05-02', '07:00'), endsAt: vn('2025-05-02', '11:00') }), ctx());
		expect(codes(w)).toEqual(['warning.non_working_day']);
	});

	test('the day is the Vietnamese one: Friday 23:30 UTC is Saturday morning in Vietnam', () => {
		const w = planWarnings(proposed({ startsAt: '2025-09-19T23:30:00.000Z', endsAt: '2025-09-20T03:00:00.000Z' }), ctx());
		expect(w).toMatchObject([{ code: 'warning.weekend', params: { isoDate: '2025-09-20' } }]);
	});

	test('a window over two days checks both; one ending at midnight does not touch the next day', () => {
		const twoDays = planWarnings(proposed({ startsAt: vn('2025-09-19', '13:00'), endsAt: vn('2025-09-20', '11:00') }), ctx());
		expect(twoDays.map((w) => w.params.isoDate)).toEqual(['2025-09-20']);
		const toMidnight = planWarnings(proposed({ startsAt: vn('2025-09-19', '13:00'), endsAt: vn('2025-09-20', '00:00') }), ctx());
		expect(toMidnight).toEqual([]);
	});
});

describe('with the real Vietnamese calendar of 2025–2026 (holidays.ts, official announcements)', () => {
	const cal = buildCalendar({ fromYear: 2025, toYear: 2026, announcements: OFFICIAL_ANNOUNCEMENTS_2025_2026 });
	// The adapter a service would write: off = not a working day; nameKey = the day's label key.
	const realCalendar = (date: string): DayOffAnswer => {
		const d = calendarDay(date, cal);
		const key = d.label && 'key' in d.label ? d.label.key : undefined;
		return d.isWorkingDay ? { off: false } : key ? { off: true, nameKey: key } : { off: true };
	};
	const on = (date: string) =>
		planWarnings(proposed({ startsAt: vn(date, '07:00'), endsAt: vn(date, '11:00') }), ctx({ isNonWorkingDay: realCalendar }));

	test.each([
		['2025-01-01', 'warning.holiday'], // Tết Dương lịch
		['2025-01-25', 'warning.holiday'], // Saturday inside the Tết break
		['2025-01-29', 'warning.holiday'], // mùng 1 Tết Ất Tỵ
		['2025-04-07', 'warning.holiday'], // Giỗ Tổ Hùng Vương
		['2025-04-30', 'warning.holiday'],
		['2025-05-01', 'warning.holiday'],
		['2025-05-02', 'warning.holiday'], // swapped day off (làm bù 26/04)
		['2025-09-01', 'warning.holiday'], // day adjacent to Quốc khánh
		['2025-09-02', 'warning.holiday'], // Quốc khánh
		['2026-02-17', 'warning.holiday'], // mùng 1 Tết Bính Ngọ
		['2026-04-27', 'warning.holiday'], // nghỉ bù Giỗ Tổ (26/04 is a Sunday)
		['2025-09-06', 'warning.weekend'], // ordinary Saturday
		['2025-09-07', 'warning.weekend'] // ordinary Sunday
	])('%s → %s', (date, code) => {
		expect(codes(on(date))).toEqual([code]);
	});

	test.each(['2025-04-26', '2026-01-10', '2026-08-22'])('make-up Saturday %s → no warning', (date) => {
		expect(on(date)).toEqual([]);
	});

	test.each(['2025-01-24', '2025-02-03', '2025-09-17', '2026-02-13', '2026-02-23'])('working day %s → no warning', (date) => {
		expect(on(date)).toEqual([]);
	});
});

describe('bad input is an error, not a warning', () => {
	test('end before start throws', () => {
		expect(() => planWarnings(proposed({ endsAt: vn('2025-09-17', '06:00') }), ctx())).toThrow(RangeError);
	});
	test('an unreadable instant throws', () => {
		expect(() => planWarnings(proposed({ startsAt: 'sáng mai' }), ctx())).toThrow(RangeError);
	});
});

describe('every warning code has a message', () => {
	test.each(['warning.double_booked', 'warning.unit_recently_checked', 'warning.weekend', 'warning.holiday', 'warning.non_working_day'])(
		'%s',
		(code) => {
			expect(vi).toHaveProperty([code]);
			expect(en).toHaveProperty([code]);
		}
	);
});
