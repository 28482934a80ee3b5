// What list, calendar and detail screens show of a check: plain, serializable, formatted for Vietnam.
import { formatDate, formatDateTime, formatTime, vnDay } from './time';
import type { CheckKind, CheckStatus } from './check';

export interface CheckLike {
	id: string;
	title: string;
	kind: CheckKind;
	status: CheckStatus;
	unitId: string;
	unitName: string;
	startsAt: string;
	endsAt: string;
	focus: string[];
	leadId: string | null;
	campaign: string;
}

export interface CheckRow {
	id: string;
	title: string;
	kind: CheckKind;
	status: CheckStatus;
	unitName: string;
	day: string;
	when: string;
	startTime: string;
	focus: string[];
	campaign: string;
}

/** "06/04/2026 08:00 – 11:30" (same day) or "06/04/2026 08:00 – 08/04/2026 17:00". */
export function formatWindow(startsAt: string, endsAt: string): string {
	const s = formatDateTime(startsAt);
	const e = formatDateTime(endsAt);
	if (!s || !e) return s || e;
	return formatDate(startsAt) === formatDate(endsAt) ? `${s} – ${formatTime(endsAt)}` : `${s} – ${e}`;
}

export function checkRow(c: CheckLike): CheckRow {
	return {
		id: c.id,
		title: c.title,
		kind: c.kind,
		status: c.status,
		unitName: c.unitName,
		day: c.startsAt ? vnDay(c.startsAt) : '',
		when: formatWindow(c.startsAt, c.endsAt),
		startTime: formatTime(c.startsAt),
		focus: c.focus,
		campaign: c.campaign
	};
}
