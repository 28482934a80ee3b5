// The working calendar: statutory holidays computed by domain/holidays.ts plus the days off and make-up
// working days an admin enters (calendar_days). Also the admin's use cases for those rows.
import type { Pb } from '../pb/create';
import { authorize } from '../authz';
import { calendarDaysRepo, type AnnouncedDay } from '../repos/calendar-days';
import { auditRepo } from '../repos/audit';
import {
	buildCalendar,
	calendarDay,
	OFFICIAL_ANNOUNCEMENTS_2025_2026,
	type Announcement,
	type CalendarDay,
	type WorkingCalendar
} from '../../domain/holidays';
import type { IsNonWorkingDay } from '../../domain/plan-warnings';
import type { Actor } from '../../domain/user';
import type { CalendarDayInput } from '../../domain/schemas/planning';
import { notFound, ok, refuse, type Result } from '../../domain/result';

/**
 * The admin's rows as announcements. A row on a date the built-in official list already covers keeps
 * the official entry (it carries the statutory Tết days, which the rules need to replace their own
 * proposal); rows on other dates are added as typed.
 */
export function toAnnouncements(rows: readonly AnnouncedDay[]): Announcement[] {
	const official = new Map(OFFICIAL_ANNOUNCEMENTS_2025_2026.map((a) => [a.date, a]));
	const out: Announcement[] = [];
	for (const r of rows) {
		const known = official.get(r.date);
		if (known && known.kind === r.kind) out.push(known);
		else out.push({ date: r.date, kind: r.kind, name: r.name, source: r.reference || undefined });
	}
	return out;
}

export function calendarService(pb: Pb) {
	const days = calendarDaysRepo(pb);
	const audit = auditRepo(pb);

	async function workingCalendar(fromYear: number, toYear: number): Promise<WorkingCalendar> {
		const rows = (await days.list()).filter((d) => {
			const y = Number(d.date.slice(0, 4));
			return y >= fromYear && y <= toYear;
		});
		return buildCalendar({ fromYear, toYear, announcements: toAnnouncements(rows) });
	}

	return {
		workingCalendar,

		/** The injected calendar of plan-warnings.ts, for the years around `years`. */
		async nonWorkingDay(years: number[]): Promise<IsNonWorkingDay> {
			const from = Math.min(...years) - 1;
			const to = Math.max(...years) + 1;
			const cal = await workingCalendar(from, to);
			return (date: string) => {
				const d = calendarDay(date, cal);
				if (d.isWorkingDay) return { off: false };
				const label = d.label;
				const nameKey = label ? ('key' in label ? label.key : label.text) : undefined;
				return { off: true, nameKey };
			};
		},

		/** Every day of [from, to] (YYYY-MM-DD) as the calendar sees it, for the calendar views. */
		async days(from: string, to: string): Promise<CalendarDay[]> {
			const cal = await workingCalendar(Number(from.slice(0, 4)), Number(to.slice(0, 4)));
			const out: CalendarDay[] = [];
			for (let t = Date.parse(from); t <= Date.parse(to); t += 86_400_000) {
				out.push(calendarDay(new Date(t).toISOString().slice(0, 10), cal));
			}
			return out;
		},

		async listAnnounced(actor: Actor, year?: number): Promise<AnnouncedDay[]> {
			authorize(actor, 'admin.access');
			return days.list(year);
		},

		/** Adds an announced day. Failure codes: calendar.error.duplicate. */
		async addAnnounced(actor: Actor, input: CalendarDayInput): Promise<Result<string>> {
			authorize(actor, 'org.manage');
			if (await days.findByDate(input.date)) return refuse(409, 'calendar.error.duplicate');
			const id = await days.create({ date: input.date, kind: input.kind, name: input.name, reference: input.reference });
			await audit.write({ actorId: actor.id, action: 'calendar_day.create', collection: 'calendar_days', id, data: input });
			return ok(id);
		},

		async removeAnnounced(actor: Actor, id: string): Promise<Result> {
			authorize(actor, 'org.manage');
			if (!(await days.delete(id))) return notFound();
			await audit.write({ actorId: actor.id, action: 'calendar_day.delete', collection: 'calendar_days', id });
			return ok();
		}
	};
}

export type CalendarService = ReturnType<typeof calendarService>;
