/**
 * What every on-site use case shares (issue #5): the repos, loading a check with its authorization,
 * the edit rule, the merge-on-conflict write, the page flags, the working calendar and the roster.
 *
 * Authorization: reading needs `check.view`; every write needs `check.conduct` (a member of the
 * check's team); completing needs `check.lead`. State rules come from domain/check.ts: a completed
 * check is locked (`check.error.locked`), a correction is an amendment with a reason.
 * Answers are a Result (domain/result.ts): a refusal has an HTTP status and an i18n code; nothing is half-written.
 */
import { DEFAULT_DOCUMENT_SETTINGS, type DocumentSettings } from '../../../domain/official-document';
import { error } from '@sveltejs/kit';
import type { Actor } from '../../../domain/user';
import { authorize, can, type Scoped } from '../../authz';
import type { Pb } from '../../pb/create';
import { onsiteRepo, type OnsiteCheck, type CheckPatch } from '../../repos/onsite';
import { attendanceRepo, type AttendanceRow } from '../../repos/attendance';
import { findingsRepo } from '../../repos/findings';
import { staffRepo } from '../../repos/staff';
import { violationTypesRepo, type ViolationType } from '../../repos/violation-types';
import { calendarDaysRepo } from '../../repos/calendar-days';
import { actionsRepo } from '../../repos/actions';
import { auditRepo } from '../../repos/audit';
import { isCheckLocked, transitionCheck } from '../../../domain/check';
import { buildCalendar, calendarDay } from '../../../domain/holidays';
import { vnDay } from '../../../domain/time';
import { compareVnNames } from '../../../domain/text';
import { t } from '../../../i18n/t';
import { ok, refuse, stale, type MessageParams, type Refusal, type Result } from '../../../domain/result';

/** A refusal with message placeholders and no form field (the on-site forms show it at the top). */
export const refuseWith = (status: 400 | 409, code: Refusal['code'], params?: MessageParams) => refuse(status, code, undefined, params);

export function scopeOf(c: OnsiteCheck): Scoped {
	return {
		unitId: c.unitId,
		check: { kind: c.kind, status: c.status, leadId: c.leadId, teamIds: c.teamIds, observerIds: c.observerIds, startedAt: c.startedAt }
	};
}

/** A catalogue entry as the on-site pages show it (`name` Vietnamese, the findings' own language). */
export interface CatalogueEntry {
	id: string;
	code: string;
	category: string;
	name: string;
	nameEn: string;
	defaultFixDays: number;
}

export const catalogueEntry = (v: ViolationType): CatalogueEntry => ({
	id: v.id,
	code: v.code,
	category: v.category,
	name: v.nameVi,
	nameEn: v.nameEn,
	defaultFixDays: v.defaultFixDays
});

export function onsiteContext(
	pb: Pb,
	clock: () => Date,
	settings: () => Promise<DocumentSettings> = async () => DEFAULT_DOCUMENT_SETTINGS
) {
	const checks = onsiteRepo(pb);
	const att = attendanceRepo(pb);
	const fnd = findingsRepo(pb);
	const staff = staffRepo(pb);
	const types = violationTypesRepo(pb);
	const days = calendarDaysRepo(pb);
	const actions = actionsRepo(pb);
	const audit = auditRepo(pb);
	const log = (actor: Actor, action: string, collection: string, id: string, data?: unknown) =>
		audit.write({ actorId: actor.id, action, collection, id, data });

	async function load(actor: Actor, id: string, action: 'check.view' | 'check.conduct' = 'check.view') {
		const c = await checks.get(id);
		if (!c) error(404, 'errors.not_found');
		authorize(actor, 'check.view', scopeOf(c));
		if (action !== 'check.view') authorize(actor, action, scopeOf(c));
		return c;
	}

	/** An edit of an in-progress check; a locked one refuses with check.error.locked. */
	function editable(c: OnsiteCheck) {
		if (c.status === 'planned') return refuse(409, 'check.error.not_started');
		const r = transitionCheck(c.status, 'edit');
		return r.ok ? null : refuseWith(409, r.code, r.params);
	}

	/**
	 * A write that merges onto the check's current state (checklist items, an appended amendment): read,
	 * check, write conditionally on the version read; when someone else wrote in between, read again and
	 * merge onto their state, so two inspectors saving at once lose nothing (docs/integrity.md).
	 */
	async function mergeWrite(actor: Actor, id: string, build: (c: OnsiteCheck) => CheckPatch | Refusal): Promise<Result> {
		// Every failed attempt means another write succeeded, so this ends; the bound is a safety net.
		for (let attempt = 0; attempt < 50; attempt++) {
			const c = await load(actor, id, 'check.conduct');
			const p = build(c);
			if ('ok' in p) return p;
			if (await checks.update(c.id, c.version, p)) return ok();
			await new Promise((r) => setTimeout(r, Math.random() * 10 * Math.min(attempt + 1, 5)));
		}
		return stale();
	}

	/** The working calendar around `day`: statutory holidays plus the announced days (calendar_days). */
	async function calendar(day: string) {
		const y = Number(day.slice(0, 4));
		const announced = await days.list();
		return buildCalendar({
			fromYear: y - 1,
			toYear: y + 1,
			announcements: announced.map((d) => ({ date: d.date, kind: d.kind, name: d.name, source: d.reference }))
		});
	}

	async function dayFlag(c: OnsiteCheck) {
		const day = vnDay(c.startedAt ?? c.scheduledStart);
		const info = calendarDay(day, await calendar(day));
		if (info.isWorkingDay) return null;
		const label = info.label ? ('key' in info.label ? t('vi', info.label.key, info.label.params) : info.label.text) : '';
		return { day, label, weekend: info.isWeekend };
	}

	function flags(actor: Actor, c: OnsiteCheck) {
		const s = scopeOf(c);
		return { canConduct: can(actor, 'check.conduct', s), isLead: can(actor, 'check.lead', s), locked: isCheckLocked(c.status) };
	}

	/**
	 * The check's roster, by name. Before the start (no snapshot yet) it is the roster the start would take
	 * — the unit's active staff, all present — so a check downloaded for offline use can be started and its
	 * roll call done with no network (docs/offline.md); the start's snapshot, taken when the start reaches
	 * the server, is what the roll call is then saved against.
	 */
	async function roster(c: OnsiteCheck): Promise<AttendanceRow[]> {
		const rows: AttendanceRow[] =
			c.status === 'planned'
				? (await staff.activeInUnit(c.unitId)).map((p) => ({
						id: '',
						staffId: p.id,
						staffName: p.fullName,
						staffPosition: p.position,
						status: 'present',
						lateMinutes: null,
						arrivalTime: '',
						note: ''
					}))
				: await att.list(c.id);
		return rows.sort((a, b) => compareVnNames(a.staffName, b.staffName));
	}

	/** The office-culture catalogue: the checklist's items, in catalogue order. */
	async function checklistTypes() {
		return (await types.listActive(['office_culture'])).map(catalogueEntry);
	}

	return {
		pb,
		clock,
		/** The admin's document settings (issue #17 point 4): the biên bản's head and number symbol. */
		settings,
		repos: { checks, att, fnd, staff, types, actions },
		log,
		load,
		editable,
		mergeWrite,
		calendar,
		dayFlag,
		flags,
		roster,
		checklistTypes
	};
}

export type OnsiteContext = ReturnType<typeof onsiteContext>;
