/**
 * Warnings for a proposed or edited check (issue #4 §4). They inform, they never block: the
 * planner may save anyway. Pure: the caller injects the holiday calendar and the instant → date
 * conversion (`domain/time.ts`), so this module depends on neither.
 *
 * Confidentiality (issue #4 §5): `existing` is filtered with {@link canSeeCheck} for `viewer`
 * here, so a warning can never reveal a hidden surprise check to someone outside its team. The
 * price: a planner is not warned that an inspector is already booked on a surprise check they may
 * not know about. The leader who set up the surprise check sees both and can resolve it.
 */
import { canSeeCheck, type Actor, type CheckVisibilityFacts } from './check';
import { addDays, daysBetween, isIsoDate, isoWeekday } from './format';
import { formatIsoDate } from './time';

/** A unit already checked within this many calendar days before or after gets a warning. */
export const RECENT_CHECK_DAYS = 30;

export type PlanWarningCode =
	'warning.double_booked' | 'warning.unit_recently_checked' | 'warning.weekend' | 'warning.holiday' | 'warning.non_working_day';

export interface PlanWarning {
	readonly code: PlanWarningCode;
	readonly params: Readonly<Record<string, string | number>>;
}

/** The answer of the unit calendar for one Vietnamese date. */
export interface DayOffAnswer {
	/** True when the date is not a working day for a Mon–Fri unit. */
	readonly off: boolean;
	/** Message key of the holiday (e.g. `holiday.tet`), when the day off is a named holiday. */
	readonly nameKey?: string;
}

/**
 * Contract of the injected calendar: answers "is this date a day off for a Mon–Fri unit?" in full,
 * i.e. ordinary Saturdays and Sundays are `off: true` (no `nameKey`), holidays, compensatory and
 * swapped days are `off: true` with a `nameKey`, and make-up Saturdays (ngày làm bù) are
 * `off: false` (docs/holidays.md §4).
 */
export type IsNonWorkingDay = (date: string) => DayOffAnswer;

/** The check being planned. Instants are ISO strings (UTC, as PocketBase stores them). */
export interface ProposedCheck {
	/** Set when editing an existing check, so it is not compared with itself. */
	readonly id?: string;
	readonly unitId: string;
	readonly startsAt: string;
	readonly endsAt: string;
	/** Lead and members who would be booked (observers too, if the caller wants them checked). */
	readonly teamIds: readonly string[];
}

/** An existing check, with what the confidentiality rule needs. */
export interface ExistingCheck extends CheckVisibilityFacts {
	readonly id: string;
	readonly startsAt: string;
	readonly endsAt: string;
}

export interface PlanWarningContext {
	/** Checks that may clash (same period, same unit, same people); more is harmless. */
	readonly existing: readonly ExistingCheck[];
	/** Who is planning; `existing` is narrowed to what this person may see. */
	readonly viewer: Actor;
	/** Current instant (ISO), for the surprise-check rule. */
	readonly now: string;
	readonly isNonWorkingDay: IsNonWorkingDay;
	/** Vietnamese local date (`YYYY-MM-DD`, Asia/Ho_Chi_Minh) of an ISO instant. */
	readonly toVnDate: (instant: string) => string;
	/** Display names for message params; ids are used when absent. */
	readonly personName?: (id: string) => string;
	readonly unitName?: (id: string) => string;
	/** Translates a holiday `nameKey` for the message; the key itself is used when absent. */
	readonly holidayName?: (nameKey: string) => string;
}

/** Statuses whose window is a real booking. A postponed check has no firm date; cancelled, none. */
function occupiesItsWindow(status: ExistingCheck['status']): boolean {
	return status !== 'cancelled' && status !== 'postponed';
}

function overlaps(aStart: number, aEnd: number, bStart: number, bEnd: number): boolean {
	// Half-open windows: a check ending at 09:00 does not clash with one starting at 09:00.
	return aStart < bEnd && bStart < aEnd;
}

/** `date` for the message (dd/MM/yyyy), `isoDate` for code. */
function dateParams(isoDate: string): { date: string; isoDate: string } {
	return { date: formatIsoDate(isoDate), isoDate };
}

function instant(iso: string, what: string): number {
	const t = Date.parse(iso);
	if (Number.isNaN(t)) throw new RangeError(`${what} is not an ISO instant: ${iso}`);
	return t;
}

/** Local dates covered by the window, first to last (a check usually lasts part of one day). */
function coveredDates(startDate: string, endDate: string): string[] {
	const out: string[] = [];
	const span = daysBetween(startDate, endDate);
	for (let i = 0; i <= span && i <= 31; i++) {
		out.push(addDays(startDate, i));
	}
	return out;
}

/**
 * Warnings for `proposed`, in a stable order: double bookings (per person, per clashing check),
 * then the nearest other check of the same unit within {@link RECENT_CHECK_DAYS}, then each day off
 * the window touches. Throws `RangeError` on malformed instants or an end before the start: that is
 * bad input the form schema must have caught, not a warning.
 */
export function planWarnings(proposed: ProposedCheck, ctx: PlanWarningContext): PlanWarning[] {
	const start = instant(proposed.startsAt, 'startsAt');
	const end = instant(proposed.endsAt, 'endsAt');
	if (end <= start) throw new RangeError('endsAt must be after startsAt');
	const person = ctx.personName ?? ((id: string) => id);
	const unit = ctx.unitName ?? ((id: string) => id);
	const holiday = ctx.holidayName ?? ((key: string) => key);
	const startDate = ctx.toVnDate(proposed.startsAt);
	// The last instant inside the window decides its last day (a window ending at 00:00 does not
	// touch the next day).
	const endDate = ctx.toVnDate(new Date(end - 1).toISOString());
	if (!isIsoDate(startDate) || !isIsoDate(endDate)) throw new RangeError('toVnDate must return YYYY-MM-DD');

	const others = ctx.existing.filter((c) => c.id !== proposed.id && occupiesItsWindow(c.status) && canSeeCheck(ctx.viewer, c, ctx.now));
	const warnings: PlanWarning[] = [];

	// 1. The same person on two checks at once.
	const team = [...new Set(proposed.teamIds)];
	for (const personId of team) {
		for (const other of others) {
			const booked = other.leadId === personId || other.teamIds.includes(personId) || other.observerIds.includes(personId);
			if (!booked) continue;
			if (!overlaps(start, end, instant(other.startsAt, 'startsAt'), instant(other.endsAt, 'endsAt'))) continue;
			warnings.push({
				code: 'warning.double_booked',
				params: {
					person: person(personId),
					personId,
					unit: unit(other.unitId),
					checkId: other.id,
					...dateParams(ctx.toVnDate(other.startsAt))
				}
			});
		}
	}

	// 2. The unit checked (or about to be) within the last/next 30 days: report the nearest one.
	let nearest: { check: ExistingCheck; date: string; days: number } | null = null;
	for (const other of others) {
		if (other.unitId !== proposed.unitId) continue;
		const date = ctx.toVnDate(other.startsAt);
		const days = Math.abs(daysBetween(date, startDate));
		if (days > RECENT_CHECK_DAYS) continue;
		if (!nearest || days < nearest.days) nearest = { check: other, date, days };
	}
	if (nearest) {
		warnings.push({
			code: 'warning.unit_recently_checked',
			params: {
				unit: unit(proposed.unitId),
				checkId: nearest.check.id,
				...dateParams(nearest.date),
				days: nearest.days
			}
		});
	}

	// 3. Weekends and public holidays (per the injected calendar; make-up Saturdays are working days).
	for (const date of coveredDates(startDate, endDate)) {
		const answer = ctx.isNonWorkingDay(date);
		if (!answer.off) continue;
		if (answer.nameKey) {
			warnings.push({
				code: 'warning.holiday',
				params: { ...dateParams(date), holiday: holiday(answer.nameKey), holidayKey: answer.nameKey }
			});
		} else if (isoWeekday(date) >= 6) {
			warnings.push({ code: 'warning.weekend', params: dateParams(date) });
		} else {
			warnings.push({ code: 'warning.non_working_day', params: dateParams(date) });
		}
	}
	return warnings;
}
