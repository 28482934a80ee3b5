/**
 * One definition of each figure that the roll call, the biên bản, the dashboard and the periodic report
 * all print (issue #11 point 9). The lists live in `pb_hooks/lib/figures.json`, which the dashboard SQL
 * loads too, so both sides count the same checks and statuses.
 *
 * - **Done check** (đã thực hiện): completed or closed. Units checked, units with violations and the
 *   checks done all count done checks only — a check still in progress is not yet a result.
 * - **Plan completion** (tỷ lệ hoàn thành kế hoạch): done scheduled checks ÷ scheduled checks not
 *   cancelled. Surprise checks are never part of a plan; they are reported beside it.
 * - **Attendance**, both always shown, labelled:
 *   - *có mặt (kể cả đi muộn)*: everyone who came to work (present, late, left early, away from post)
 *     ÷ the roster;
 *   - *có mặt đúng giờ*: present on time and at the post (status `present`, the biên bản's "Có mặt
 *     đúng giờ") ÷ the roster: late arrivals, and those who left early or were away, are not in it.
 * Pure.
 */
import rules from '../../../pb_hooks/lib/figures.json';
import { formatNumber, formatShare, percentScaled } from './format';

export const DONE_CHECK_STATUSES: readonly string[] = rules.doneCheckStatuses;
export const NOT_COUNTED_CHECK_STATUSES: readonly string[] = rules.notCountedCheckStatuses;
export const PLAN_CHECK_KIND: string = rules.planCheckKind;
export const CAME_TO_WORK_STATUSES: readonly string[] = rules.cameToWorkStatuses;
export const ON_TIME_STATUSES: readonly string[] = rules.onTimeStatuses;
export const LATE_STATUSES: readonly string[] = rules.lateStatuses;

/** A check whose results count: completed or closed. */
export function isDoneCheck(status: string): boolean {
	return DONE_CHECK_STATUSES.includes(status);
}

/** A check that counts at all (planned or done): not cancelled. */
export function isCountedCheck(status: string): boolean {
	return !NOT_COUNTED_CHECK_STATUSES.includes(status);
}

/** A check of a plan (scheduled), as opposed to a surprise check. */
export function isPlanCheck(kind: string): boolean {
	return kind === PLAN_CHECK_KIND;
}

export interface AttendanceCounts {
	/** People on the roster. */
	roster: number;
	/** Came to work, late arrivals included. */
	present: number;
	/** Present on time (status `present`). */
	onTime: number;
	late: number;
}

/** Attendance counts from per-status counts (any statuses; unknown ones count on the roster only). */
export function attendanceCounts(byStatus: Readonly<Record<string, number>> | Iterable<readonly [string, number]>): AttendanceCounts {
	const entries = Symbol.iterator in byStatus ? [...(byStatus as Iterable<readonly [string, number]>)] : Object.entries(byStatus);
	let roster = 0;
	let present = 0;
	let onTime = 0;
	let late = 0;
	for (const [status, n] of entries) {
		roster += n;
		if (CAME_TO_WORK_STATUSES.includes(status)) present += n;
		if (ON_TIME_STATUSES.includes(status)) onTime += n;
		if (LATE_STATUSES.includes(status)) late += n;
	}
	return { roster, present, onTime, late };
}

export function addAttendance(a: AttendanceCounts, b: AttendanceCounts): AttendanceCounts {
	return { roster: a.roster + b.roster, present: a.present + b.present, onTime: a.onTime + b.onTime, late: a.late + b.late };
}

export const NO_ATTENDANCE: AttendanceCounts = { roster: 0, present: 0, onTime: 0, late: 0 };

/** Both rates as vi-VN shares (`96,3%`, `88,9%`; `-` for an empty roster), with their counts. */
export function attendanceRates(a: AttendanceCounts, digits = 1) {
	return {
		present: formatShare(a.present, a.roster, digits),
		onTime: formatShare(a.onTime, a.roster, digits),
		presentCount: formatNumber(a.present),
		onTimeCount: formatNumber(a.onTime),
		roster: formatNumber(a.roster)
	};
}

/** Both rates ×10^digits (charts), null for an empty roster. */
export function attendanceScaled(a: AttendanceCounts, digits = 1): { present: number | null; onTime: number | null } {
	return { present: percentScaled(a.present, a.roster, digits), onTime: percentScaled(a.onTime, a.roster, digits) };
}
