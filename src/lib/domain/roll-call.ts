/**
 * Roll call (điểm danh): statuses, which of them are violations, and the live tally the team sees
 * at the top of the screen, in the form inspection reports use (issue #5 §2):
 *
 *   "185/236 có mặt (78,39%); vắng 51, trong đó 9 không lý do"
 *
 * How statuses are counted — a choice, written down because the sources leave room:
 * - **có mặt** (present): everyone who came to work that day — `present`, `late` (late people are
 *   present, just late), `left_early` and `away_from_post` (docs/background.md §4 / catalogue note for
 *   ATT-AWAY-FROM-POST: "came to work that day but is not at the workplace", distinct from an
 *   absence). Their lapse shows as a violation, not as an absence.
 * - **vắng** (absent): `absent_excused`, `business_trip` and `absent_unexcused`. A business trip
 *   (đi công tác) is an absence *with* reason: the biên bản example in docs/report-formats.md lists
 *   "Vắng có lý do: 04 người (nghỉ phép 01, đi công tác 02, đi học 01)".
 * - **không lý do**: `absent_unexcused` only.
 * So có mặt + vắng = the roster, which is what the sample sentence adds up to: 185 + 51 = 236 and
 * 185/236 = 78,39%. (Issue #5 prints "185/263", where 185/263 would be 70,34%; the digits look
 * transposed.)
 *
 * Both attendance rates come from domain/figures.ts (issue #11 point 9), the one definition the
 * biên bản, the dashboard and the report use too: có mặt kể cả đi muộn (the tally's "có mặt") and
 * có mặt đúng giờ (status `present`), each ÷ the roster, always printed together.
 */
import { t, type Locale } from '../i18n/t';
import { formatNumber, formatShare } from '../i18n/format';
import { percentScaled } from './format';
import { attendanceCounts } from './figures';

export const ROLL_CALL_STATUSES = [
	'present',
	'late',
	'absent_excused',
	'absent_unexcused',
	'business_trip',
	'left_early',
	'away_from_post'
] as const;
export type RollCallStatus = (typeof ROLL_CALL_STATUSES)[number];

/** Everyone starts as present: one tap changes a person (issue #5 §2). */
export const DEFAULT_ROLL_CALL_STATUS: RollCallStatus = 'present';

/** Catalogue codes (`violation-catalogue.csv`) of the statuses that are violations. */
export const ROLL_CALL_VIOLATION_CODES = {
	late: 'ATT-LATE',
	absent_unexcused: 'ATT-ABSENT-UNEXCUSED',
	left_early: 'ATT-EARLY-LEAVE',
	away_from_post: 'ATT-AWAY-FROM-POST'
} as const satisfies Partial<Record<RollCallStatus, string>>;
export type RollCallViolationCode = (typeof ROLL_CALL_VIOLATION_CODES)[keyof typeof ROLL_CALL_VIOLATION_CODES];

/** Late, absent without reason, left early, away from post (CT 05/2008/CT-TTg). */
export function isViolationStatus(status: RollCallStatus): status is keyof typeof ROLL_CALL_VIOLATION_CODES {
	return Object.hasOwn(ROLL_CALL_VIOLATION_CODES, status);
}

/** The catalogue code a status becomes as a finding, or null when it is not a violation. */
export function violationCodeFor(status: RollCallStatus): RollCallViolationCode | null {
	return isViolationStatus(status) ? ROLL_CALL_VIOLATION_CODES[status] : null;
}

const PRESENT: ReadonlySet<RollCallStatus> = new Set(['present', 'late', 'left_early', 'away_from_post']);
const ABSENT: ReadonlySet<RollCallStatus> = new Set(['absent_excused', 'business_trip', 'absent_unexcused']);

/** Counted as "có mặt" in the live tally (see the module comment). */
export function isCountedPresent(status: RollCallStatus): boolean {
	return PRESENT.has(status);
}

/** Counted as "vắng" in the live tally. */
export function isCountedAbsent(status: RollCallStatus): boolean {
	return ABSENT.has(status);
}

export interface RollCallTally {
	/** People on the roster snapshot. */
	readonly total: number;
	/** có mặt (kể cả đi muộn): present + late + left_early + away_from_post (figures.ts). */
	readonly present: number;
	/** có mặt đúng giờ: status `present` only (figures.ts). */
	readonly onTime: number;
	/** vắng: absent_excused + business_trip + absent_unexcused. */
	readonly absent: number;
	/** vắng không lý do: absent_unexcused. */
	readonly unexcused: number;
	/** Persons whose status is a violation. */
	readonly violations: number;
	/** Per status, every status present (0 when none). */
	readonly byStatus: Readonly<Record<RollCallStatus, number>>;
	/** present ÷ total × 100, rounded half up to 2 decimals; null when the roster is empty. */
	readonly presentPercent: number | null;
}

/** Tallies a roll call. Unknown statuses are a programming error and throw. */
export function tallyRollCall(statuses: Iterable<RollCallStatus>): RollCallTally {
	const byStatus = Object.fromEntries(ROLL_CALL_STATUSES.map((s) => [s, 0])) as Record<RollCallStatus, number>;
	let total = 0;
	for (const s of statuses) {
		if (!(s in byStatus)) throw new RangeError(`unknown roll-call status: ${String(s)}`);
		byStatus[s] += 1;
		total += 1;
	}
	const { present, onTime } = attendanceCounts(byStatus);
	const absent = byStatus.absent_excused + byStatus.business_trip + byStatus.absent_unexcused;
	const violations = byStatus.late + byStatus.absent_unexcused + byStatus.left_early + byStatus.away_from_post;
	const scaled = percentScaled(present, total, 2);
	return {
		total,
		present,
		onTime,
		absent,
		unexcused: byStatus.absent_unexcused,
		violations,
		byStatus,
		presentPercent: scaled === null ? null : scaled / 100
	};
}

/** Params of the `rollcall.tally` message, formatted for the locale (vi-VN unless told). */
export function rollCallTallyParams(
	tally: RollCallTally,
	locale: Locale = 'vi'
): {
	present: string;
	total: string;
	percent: string;
	onTime: string;
	onTimePercent: string;
	absent: string;
	unexcused: string;
} {
	return {
		present: formatNumber(tally.present, locale),
		total: formatNumber(tally.total, locale),
		percent: formatShare(tally.present, tally.total, locale, 2),
		onTime: formatNumber(tally.onTime, locale),
		onTimePercent: formatShare(tally.onTime, tally.total, locale, 2),
		absent: formatNumber(tally.absent, locale),
		unexcused: formatNumber(tally.unexcused, locale)
	};
}

/**
 * The tally as the Vietnamese sentence, both attendance rates labelled: "185/236 có mặt, kể cả đi
 * muộn (78,39%); đúng giờ 180/236 (76,27%); vắng 51, trong đó 9 không lý do". Percent with up to 2 decimals, integer when exact ("100%"); an empty roster prints "0/0 có
 * mặt (-)" (no division by zero). The `rollcall.tally` message in `locale`: the screens pass the
 * user's, the biên bản (a Vietnamese document) keeps Vietnamese.
 */
export function formatRollCallTally(tally: RollCallTally, locale: Locale = 'vi'): string {
	return t(locale, 'rollcall.tally', rollCallTallyParams(tally, locale));
}
