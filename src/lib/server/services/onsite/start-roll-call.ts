/**
 * Starting a check and its roll call: the hub, the start (with the roster snapshot), the roll call and
 * the findings its violating statuses become (one per person, idempotent).
 */
import type { Actor } from '../../../domain/user';
import type { OnsiteCheck } from '../../repos/onsite';
import type { AttendanceRow } from '../../repos/attendance';
import { transitionCheck } from '../../../domain/check';
import { planAttendanceFindings } from '../../../domain/onsite';
import { tallyRollCall, type RollCallStatus } from '../../../domain/roll-call';
import type { RollCallEntry } from '../../../domain/schemas/onsite';
import { t } from '../../../i18n/t';
import { ok, refuse, stale, type Result } from '../../../domain/result';
import { refuseWith, type OnsiteContext } from './context';

const statusLabel = (s: RollCallStatus) => t('vi', `rollcall.status.${s}`);

export function startRollCallUseCases(ctx: OnsiteContext) {
	const { clock, log, load, editable, flags, dayFlag, roster } = ctx;
	const { checks, att, fnd, staff, types } = ctx.repos;

	/** The roster snapshot (the unit's active staff, all present), taken once per check. */
	async function snapshot(c: OnsiteCheck) {
		if ((await att.list(c.id)).length > 0) return;
		const people = await staff.activeInUnit(c.unitId);
		try {
			await att.createRoster(
				c.id,
				c.unitId,
				people.map((s) => s.id),
				clock()
			);
		} catch (e) {
			// A concurrent start already took the snapshot (unique inspection+staff): keep that one.
			if ((await att.list(c.id)).length === 0) throw e;
		}
	}

	/** The writes that bring the automatic findings in line with `rows` (joined to the roll call's save). */
	/** The check's live automatic findings of the roll call. */
	const autoFindings = async (checkId: string) =>
		(await fnd.list(checkId)).filter((f) => f.source === 'attendance' && !f.superseded && f.attendanceId);

	/**
	 * The finding writes that make the automatic findings match `rows`. `existing` must have been read
	 * BEFORE `rows`: then a save that lands between the two reads shows as a row whose finding is
	 * missing, and creating it again clashes with its client key (a concurrent change: re-plan). Read
	 * the other way round, such a save's new finding looked orphaned next to the old row and was deleted.
	 */
	async function attendanceFindingOps(
		actor: Actor,
		c: OnsiteCheck,
		rows: AttendanceRow[],
		existing: Awaited<ReturnType<typeof autoFindings>>
	) {
		const plan = planAttendanceFindings(
			rows.map((r) => ({
				attendanceId: r.id,
				staffId: r.staffId,
				status: r.status,
				lateMinutes: r.lateMinutes,
				arrivalTime: r.arrivalTime,
				note: r.note
			})),
			existing.map((f) => ({ id: f.id, attendanceId: f.attendanceId!, code: f.typeCode, description: f.description })),
			statusLabel
		);
		const byCode = await types.byCodes([...new Set([...plan.create, ...plan.update].map((p) => p.code))]);
		const typed = <T extends { code: string }>(p: T) => {
			const ty = byCode.get(p.code);
			if (!ty) throw new Error(`violation type ${p.code} missing from the catalogue`);
			return { ...p, typeId: ty.id, category: ty.category };
		};
		return fnd.attendanceOps(c.id, c.unitId, actor.id, clock(), {
			create: plan.create.map(typed),
			update: plan.update.map(typed),
			remove: plan.remove
		});
	}

	return {
		/** The hub: status, start details, counts; `check.view`. */
		async hub(actor: Actor, id: string) {
			const c = await load(actor, id);
			const rows = c.status === 'planned' ? [] : await att.list(c.id);
			const findings = (await fnd.list(c.id)).filter((f) => !f.superseded);
			return {
				check: c,
				...flags(actor, c),
				dayOff: await dayFlag(c),
				rosterSize: rows.length,
				tally: rows.length ? tallyRollCall(rows.map((r) => r.status)) : null,
				findingsCount: findings.length
			};
		},

		/**
		 * Starts the check: status in_progress, actual start time, optional device location, and the
		 * roster snapshot (the unit's active staff, all present). Starting twice is harmless. This is the
		 * only way a check starts (the detail page links here), so no started check lacks its roster; a
		 * check started without one by an older version gets its snapshot when opened here (issue #11 §1).
		 */
		async start(actor: Actor, id: string, loc: { lat: number | null; lon: number | null; accuracy: number | null }): Promise<Result> {
			const c = await load(actor, id, 'check.conduct');
			if (c.status === 'in_progress') {
				await snapshot(c);
				return ok();
			}
			const tr = transitionCheck(c.status, 'start', { leadId: c.leadId });
			if (!tr.ok) return refuseWith(409, tr.code, tr.params);
			await snapshot(c);
			const written = await checks.update(c.id, c.version, {
				status: tr.status,
				startedAt: clock(),
				location: loc.lat !== null && loc.lon !== null ? { lat: loc.lat, lon: loc.lon, accuracy: loc.accuracy } : null
			});
			if (!written) {
				// Someone on the team started it at the same moment: that start stands.
				const now = await checks.get(c.id);
				return now?.status === 'in_progress' ? ok() : stale();
			}
			await log(actor, 'check.start', 'inspections', c.id);
			return ok();
		},

		async rollCall(actor: Actor, id: string) {
			const c = await load(actor, id);
			return { check: c, ...flags(actor, c), dayOff: await dayFlag(c), rows: await roster(c) };
		},

		/**
		 * Saves the roll call: changed rows only and the findings their violating statuses become (one
		 * per person, idempotent), in ONE transaction (docs/deploy.md §10). A person not on the roster, or
		 * who has left the unit, is refused. When someone else's save wrote the same automatic finding
		 * first, nothing is written and the save is planned again on what is now stored.
		 */
		async saveRollCall(actor: Actor, id: string, entries: RollCallEntry[]): Promise<Result> {
			// Every retry means another save succeeded, so this ends; the bound is a safety net.
			for (let attempt = 0; attempt < 10; attempt++) {
				const c = await load(actor, id, 'check.conduct');
				const bad = editable(c);
				if (bad) return bad;
				const existing = await autoFindings(c.id);
				const rows = await att.list(c.id);
				const byStaff = new Map(rows.map((r) => [r.staffId, r]));
				const changed: (AttendanceRow & { lateMinutes: number | null })[] = [];
				for (const e of entries) {
					const r = byStaff.get(e.staffId);
					if (!r) {
						const [s] = await staff.byIds([e.staffId]);
						if (s && (s.unitId !== c.unitId || !s.active)) return refuseWith(409, 'onsite.error.left_unit', { person: s.fullName });
						return refuse(409, 'onsite.error.not_on_roster');
					}
					const lateMinutes = e.status === 'late' ? e.lateMinutes : null;
					const arrivalTime = e.status === 'late' ? e.arrivalTime : '';
					if (r.status === e.status && r.lateMinutes === lateMinutes && r.arrivalTime === arrivalTime && r.note === e.note) continue;
					changed.push({ ...r, status: e.status, lateMinutes, arrivalTime, note: e.note });
				}
				if (changed.length) {
					const now = await staff.byIds(changed.map((r) => r.staffId));
					const gone = now.find((s) => s.unitId !== c.unitId || !s.active);
					if (gone) return refuseWith(409, 'onsite.error.left_unit', { person: gone.fullName });
				}
				const merged = rows.map((r) => changed.find((x) => x.id === r.id) ?? r);
				if (await att.saveRollCall(changed, clock(), await attendanceFindingOps(actor, c, merged, existing))) return ok();
			}
			return stale();
		}
	};
}
