// Month and week grids for the check calendar (Monday-first, Vietnamese dates YYYY-MM-DD). Pure.
import { addDays, isIsoDate, isoWeekday } from './format';

export type CalendarView = 'month' | 'week';

export interface GridRange {
	view: CalendarView;
	anchor: string;
	/** First and last day shown. */
	from: string;
	to: string;
	/** First and last day of the month (month view) or the week. */
	periodFrom: string;
	periodTo: string;
	prev: string;
	next: string;
}

export function monthStart(day: string): string {
	return `${day.slice(0, 7)}-01`;
}

function monthEnd(day: string): string {
	const y = Number(day.slice(0, 4));
	const m = Number(day.slice(5, 7));
	return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}

export function weekStartOf(day: string): string {
	return addDays(day, 1 - isoWeekday(day));
}

/** The range a view shows around `anchor` (an invalid anchor falls back to `today`). */
export function gridRange(view: CalendarView, anchor: string, today: string): GridRange {
	const a = isIsoDate(anchor) ? anchor : today;
	if (view === 'week') {
		const from = weekStartOf(a);
		const to = addDays(from, 6);
		return { view, anchor: a, from, to, periodFrom: from, periodTo: to, prev: addDays(from, -7), next: addDays(from, 7) };
	}
	const first = monthStart(a);
	const last = monthEnd(a);
	const from = weekStartOf(first);
	const to = addDays(weekStartOf(last), 6);
	return { view, anchor: a, from, to, periodFrom: first, periodTo: last, prev: monthStart(addDays(first, -1)), next: addDays(last, 1) };
}

/** Every day of [from, to]. */
export function daysOf(from: string, to: string): string[] {
	const out: string[] = [];
	for (let d = from; d <= to; d = addDays(d, 1)) out.push(d);
	return out;
}
