/**
 * On-site inspection use cases (issue #5): start, roll call, checklist, procedures, findings with
 * photos, written explanations, completion and signatures, amendments, the record, protected files.
 *
 * Authorization: reading needs `check.view`; every write needs `check.conduct` (a member of the
 * check's team); completing needs `check.lead`. State rules come from domain/check.ts: a completed
 * check is locked (`check.error.locked`), a correction is an amendment with a reason.
 * Answers are a Result (domain/result.ts): a refusal has an HTTP status and an i18n code; nothing is half-written.
 */
import { error } from '@sveltejs/kit';
import type { Actor } from '../../domain/user';
import { authorize, can, type Scoped } from '../authz';
import type { Pb } from '../pb/create';
import { AppError } from '../pb/errors';
import { onsiteRepo, type OnsiteCheck, type Amendment, type CheckPatch } from '../repos/onsite';
import { attendanceRepo, type AttendanceRow } from '../repos/attendance';
import { findingsRepo, type Finding } from '../repos/findings';
import { auditRepo } from '../repos/audit';
import { isCheckLocked, transitionCheck } from '../../domain/check';
import { buildCalendar, calendarDay } from '../../domain/holidays';
import {
	isPdf,
	planAttendanceFindings,
	proposeActions,
	SCAN_MAX_BYTES,
	SIGNATURE_MAX_BYTES,
	sniffImage,
	type ActionGrouping
} from '../../domain/onsite';
import { tallyRollCall, type RollCallStatus } from '../../domain/roll-call';
import type { RollCallEntry, Procedures, ChecklistResult } from '../../domain/schemas/onsite';
import { formatTime, vnDay, vnLocalToDate } from '../../domain/time';
import { compareVnNames } from '../../domain/text';
import { messageKey, t } from '../../i18n/t';
import { parseHints, preparePhotos } from '../photos';
import { buildRecord, type RecordDoc, type RecordFinding } from '../../domain/record';
import { metCriteria } from '../../domain/criteria';

import { ok, refuse, stale, type MessageParams, type Refusal, type Result } from '../../domain/result';

/** A refusal with message placeholders and no form field (the on-site forms show it at the top). */
const refuseWith = (status: 400 | 409, code: Refusal['code'], params?: MessageParams) => refuse(status, code, undefined, params);

export function scopeOf(c: OnsiteCheck): Scoped {
	return {
		unitId: c.unitId,
		check: { kind: c.kind, status: c.status, leadId: c.leadId, teamIds: c.teamIds, observerIds: c.observerIds, startedAt: c.startedAt }
	};
}

const statusLabel = (s: RollCallStatus) => t('vi', `rollcall.status.${s}`);

/** The issuing body's abbreviation on the record number (Số: 07/BB-ĐKTCV); one issuer for now. */
const RECORD_ISSUER_ABBR = 'ĐKTCV';

export function onsiteService(pb: Pb, clock: () => Date) {
	const checks = onsiteRepo(pb);
	const att = attendanceRepo(pb);
	const fnd = findingsRepo(pb);
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

	/** The roster snapshot (the unit's active staff, all present), taken once per check. */
	async function snapshot(c: OnsiteCheck) {
		if ((await att.list(c.id)).length > 0) return;
		const staff = await checks.activeRoster(c.unitId);
		try {
			await att.createRoster(
				c.id,
				c.unitId,
				staff.map((s) => s.id),
				clock()
			);
		} catch (e) {
			// A concurrent start already took the snapshot (unique inspection+staff): keep that one.
			if ((await att.list(c.id)).length === 0) throw e;
		}
	}

	async function calendar(day: string) {
		const y = Number(day.slice(0, 4));
		return buildCalendar({ fromYear: y - 1, toYear: y + 1, announcements: await checks.announcements() });
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

	async function roster(c: OnsiteCheck) {
		return (await att.list(c.id)).sort((a, b) => compareVnNames(a.staffName, b.staffName));
	}

	async function syncAttendanceFindings(actor: Actor, c: OnsiteCheck, rows: AttendanceRow[]) {
		const existing = (await fnd.list(c.id)).filter((f) => f.source === 'attendance' && !f.superseded && f.attendanceId);
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
		const types = await checks.violationTypeByCode([...new Set([...plan.create, ...plan.update].map((p) => p.code))]);
		const typed = <T extends { code: string }>(p: T) => {
			const ty = types.get(p.code);
			if (!ty) throw new Error(`violation type ${p.code} missing from the catalogue`);
			return { ...p, typeId: ty.id, category: ty.category };
		};
		await fnd.syncAttendance(c.id, c.unitId, actor.id, clock(), {
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
		 * Saves the roll call: changed rows only, in one transaction; violating statuses become findings
		 * (one per person, idempotent). A person not on the roster, or who has left the unit, is refused.
		 */
		async saveRollCall(actor: Actor, id: string, entries: RollCallEntry[]): Promise<Result> {
			const c = await load(actor, id, 'check.conduct');
			const bad = editable(c);
			if (bad) return bad;
			const rows = await att.list(c.id);
			const byStaff = new Map(rows.map((r) => [r.staffId, r]));
			const changed: (AttendanceRow & { lateMinutes: number | null })[] = [];
			for (const e of entries) {
				const r = byStaff.get(e.staffId);
				if (!r) {
					const [s] = await checks.staff([e.staffId]);
					if (s && (s.unitId !== c.unitId || !s.active)) return refuseWith(409, 'onsite.error.left_unit', { person: s.name });
					return refuse(409, 'onsite.error.not_on_roster');
				}
				const lateMinutes = e.status === 'late' ? e.lateMinutes : null;
				const arrivalTime = e.status === 'late' ? e.arrivalTime : '';
				if (r.status === e.status && r.lateMinutes === lateMinutes && r.arrivalTime === arrivalTime && r.note === e.note) continue;
				changed.push({ ...r, status: e.status, lateMinutes, arrivalTime, note: e.note });
			}
			if (changed.length) {
				const now = await checks.staff(changed.map((r) => r.staffId));
				const gone = now.find((s) => s.unitId !== c.unitId || !s.active);
				if (gone) return refuseWith(409, 'onsite.error.left_unit', { person: gone.name });
				await att.updateMany(changed, clock());
			}
			const merged = rows.map((r) => changed.find((x) => x.id === r.id) ?? r);
			await syncAttendanceFindings(actor, c, merged);
			return ok();
		},

		async checklist(actor: Actor, id: string) {
			const c = await load(actor, id);
			const items = await checks.violationTypes(['office_culture']);
			return { check: c, ...flags(actor, c), items };
		},

		/** Saves checklist items, merged onto what teammates saved meanwhile (nothing lost). */
		async saveChecklist(actor: Actor, id: string, items: Record<string, { result: ChecklistResult; note: string }>): Promise<Result> {
			return mergeWrite(actor, id, (c) => editable(c) ?? { checklist: { ...c.checklist, ...items } });
		},

		async saveProcedures(actor: Actor, id: string, p: Procedures): Promise<Result> {
			return mergeWrite(actor, id, (c) => editable(c) ?? { procedures: p });
		},

		async findings(actor: Actor, id: string) {
			const c = await load(actor, id);
			const [list, types, rows] = await Promise.all([fnd.list(c.id), checks.violationTypes(), roster(c)]);
			return {
				check: c,
				...flags(actor, c),
				findings: list,
				types,
				people: rows.map((r) => ({ id: r.staffId, name: r.staffName, position: r.staffPosition }))
			};
		},

		/**
		 * Records a violation with up to 5 photos. The photos are checked by their bytes and size,
		 * stripped of metadata, hashed; a repeated `clientKey` (double submit) returns the first row.
		 */
		async addFinding(
			actor: Actor,
			id: string,
			input: {
				clientKey: string;
				staffId: string;
				typeId: string;
				description: string;
				observedTime: string;
				keepLocation: boolean;
				photoMeta: string;
			},
			files: File[]
		): Promise<Result<{ findingId: string }>> {
			const c = await load(actor, id, 'check.conduct');
			const bad = editable(c);
			if (bad) return bad;
			const dup = await fnd.byClientKey(c.id, input.clientKey);
			if (dup) return ok({ findingId: dup.id });
			const type = await checks.violationType(input.typeId);
			if (!type) return refuse(400, 'onsite.error.type_required');
			if (input.staffId) {
				const onRoster = (await att.list(c.id)).some((r) => r.staffId === input.staffId);
				const [s] = await checks.staff([input.staffId]);
				if (!s) return refuse(400, 'onsite.error.not_on_roster');
				if (s.unitId !== c.unitId || !s.active) return refuseWith(409, 'onsite.error.left_unit', { person: s.name });
				if (!onRoster) return refuse(409, 'onsite.error.not_on_roster');
			}
			const now = clock();
			const photos = await preparePhotos(files, parseHints(input.photoMeta), input.keepLocation, now);
			if (!photos.ok) return refuseWith(400, messageKey(photos.code), photos.params);
			const observedAt = input.observedTime ? vnLocalToDate(vnDay(now), input.observedTime) : now;
			try {
				const f = await fnd.create({
					inspectionId: c.id,
					unitId: c.unitId,
					staffId: input.staffId || null,
					typeId: type.id,
					category: type.category,
					description: input.description,
					observedAt,
					source: 'manual',
					clientKey: input.clientKey,
					createdBy: actor.id,
					photos: photos.photos,
					photoMeta: photos.photos.map((p) => p.meta)
				});
				return ok({ findingId: f.id });
			} catch (e) {
				if (e instanceof AppError && e.code === 'duplicate') {
					const first = await fnd.byClientKey(c.id, input.clientKey);
					if (first) return ok({ findingId: first.id });
				}
				throw e;
			}
		},

		async requestExplanation(actor: Actor, findingId: string): Promise<Result> {
			const f = await fnd.get(findingId);
			if (!f) error(404, 'errors.not_found');
			const c = await load(actor, f.inspectionId, 'check.conduct');
			const bad = editable(c);
			if (bad) return bad;
			if (!f.staffId) return refuse(400, 'onsite.error.explanation_needs_person');
			if (f.explanationStatus === 'none') await fnd.update(f.id, { explanationStatus: 'requested' });
			return ok();
		},

		async receiveExplanation(actor: Actor, findingId: string, text: string, file: File | null): Promise<Result> {
			const f = await fnd.get(findingId);
			if (!f) error(404, 'errors.not_found');
			const c = await load(actor, f.inspectionId, 'check.conduct');
			const bad = editable(c);
			if (bad) return bad;
			if (!f.staffId) return refuse(400, 'onsite.error.explanation_needs_person');
			const scan = file && file.size > 0 ? file : null;
			if (!text && !scan) return refuse(400, 'onsite.error.explanation_empty');
			if (scan) {
				if (scan.size > SCAN_MAX_BYTES) return refuse(400, 'onsite.error.scan_type');
				const bytes = new Uint8Array(await scan.arrayBuffer());
				const type = isPdf(bytes) ? 'application/pdf' : sniffImage(bytes);
				if (!type || type === 'image/webp') return refuse(400, 'onsite.error.scan_type');
				await fnd.attachExplanationFile(f.id, {
					bytes,
					type,
					name: type === 'application/pdf' ? 'tuong-trinh.pdf' : `tuong-trinh.${type.slice(6)}`
				});
			}
			await fnd.update(f.id, { explanationStatus: 'received', explanationText: text });
			return ok();
		},

		/** The completion page: summary, record details, signatures, proposed actions. */
		async completion(actor: Actor, id: string) {
			const c = await load(actor, id);
			const [rows, list, actions] = await Promise.all([att.list(c.id), fnd.list(c.id), checks.actions(c.id)]);
			return {
				check: c,
				...flags(actor, c),
				tally: tallyRollCall(rows.map((r) => r.status)),
				findings: list.filter((f) => !f.superseded),
				checklistViolations: Object.values(c.checklist).filter((i) => i.result === 'violation').length,
				actions
			};
		},

		async saveDetails(
			actor: Actor,
			id: string,
			d: { representative_name: string; representative_position: string; unit_explanation: string; conclusions: string }
		): Promise<Result> {
			return mergeWrite(
				actor,
				id,
				(c) =>
					editable(c) ?? {
						representativeName: d.representative_name,
						representativePosition: d.representative_position,
						unitExplanation: d.unit_explanation,
						conclusions: d.conclusions
					}
			);
		},

		/**
		 * Stores a drawn signature (PNG data URL): the lead's by the lead alone (check.lead), the unit
		 * representative's by any member of the team (it is drawn on the member's device).
		 */
		async saveSignature(actor: Actor, id: string, party: 'lead' | 'representative', dataUrl: string): Promise<Result> {
			const c = await load(actor, id, 'check.conduct');
			if (party === 'lead' && !can(actor, 'check.lead', scopeOf(c))) return refuse(403, 'onsite.error.lead_only');
			const bad = editable(c);
			if (bad) return bad;
			let bytes: Uint8Array;
			try {
				bytes = new Uint8Array(Buffer.from(dataUrl.slice('data:image/png;base64,'.length), 'base64'));
			} catch {
				return refuse(400, 'onsite.error.signature');
			}
			if (bytes.length < 67 || bytes.length > SIGNATURE_MAX_BYTES || sniffImage(bytes) !== 'image/png') {
				return refuse(400, 'onsite.error.signature');
			}
			return (await checks.putSignature(c.id, c.version, party, bytes, c.signatures[party])) ? ok() : stale();
		},

		/**
		 * Completes the check (the lead only; a check without a lead is refused), locks it, and proposes
		 * corrective actions from its findings: per finding or per type, due in `default_fix_days`
		 * working days after the completion day. Completing twice is harmless.
		 */
		async complete(actor: Actor, id: string, opts: { signedOnPaper: boolean; grouping: ActionGrouping }): Promise<Result> {
			const c = await load(actor, id);
			if (c.status === 'completed' && c.leadId === actor.id) return ok();
			if (!c.leadId) return refuse(409, 'check.error.lead_required');
			if (!can(actor, 'check.lead', scopeOf(c))) return refuse(403, 'onsite.error.lead_only');
			const tr = transitionCheck(c.status, 'complete', { leadId: c.leadId });
			if (!tr.ok) return refuseWith(409, tr.code, tr.params);
			const signed = opts.signedOnPaper || (!!c.signatures.lead && !!c.signatures.representative);
			if (!signed) return refuse(409, 'onsite.error.signatures_required');
			const now = clock();
			const day = vnDay(now);
			let proposed: ReturnType<typeof proposeActions> = [];
			if ((await checks.actionCount(c.id)) === 0) {
				const list = (await fnd.list(c.id)).filter((f) => !f.superseded);
				proposed = proposeActions(
					list.map((f) => ({
						id: f.id,
						typeId: f.typeId,
						typeCode: f.typeCode,
						typeName: f.typeName,
						category: f.category,
						defaultFixDays: f.defaultFixDays,
						staffName: f.staffName,
						description: f.description
					})),
					opts.grouping,
					day,
					await calendar(day)
				);
			}
			// The new state and the actions in one transaction, conditional on the state read above: of two
			// completions at once exactly one writes; the other creates nothing (issue #11 §6).
			const written = await checks.complete(
				c.id,
				c.version,
				{ status: tr.status, completedAt: now, signedOnPaper: opts.signedOnPaper },
				c.unitId,
				proposed
			);
			if (!written) return stale();
			// The record is final now: it takes the next number of the year (Vietnamese local year).
			await checks.assignRecordNumber(c.id, Number(vnDay(now).slice(0, 4)), RECORD_ISSUER_ABBR);
			await log(actor, 'check.complete', 'inspections', c.id, { grouping: opts.grouping, signedOnPaper: opts.signedOnPaper });
			return ok();
		},

		/**
		 * Corrects a finding of a locked check: a new finding (amends = original, with the reason) and
		 * the original marked superseded. The original row is never changed otherwise.
		 */
		async amendFinding(
			actor: Actor,
			input: { clientKey: string; findingId: string; description: string; reason: string }
		): Promise<Result<{ findingId: string }>> {
			const orig = await fnd.get(input.findingId);
			if (!orig) error(404, 'errors.not_found');
			const c = await load(actor, orig.inspectionId, 'check.conduct');
			const tr = transitionCheck(c.status, 'amend', { reason: input.reason });
			if (!tr.ok) return refuseWith(409, tr.code, tr.params);
			const dup = await fnd.byClientKey(c.id, input.clientKey);
			if (dup) return ok({ findingId: dup.id });
			if (orig.superseded) return refuse(409, 'onsite.error.already_superseded');
			// Superseding the original and creating its replacement are one transaction, conditional on the
			// original as read: of two amendments at once exactly one stands (issue #11 §6).
			const newId = await fnd.amend(orig, {
				inspectionId: c.id,
				unitId: orig.unitId,
				staffId: orig.staffId,
				typeId: orig.typeId,
				category: orig.category,
				description: input.description,
				observedAt: new Date(orig.observedAt.replace(' ', 'T')),
				source: orig.source,
				clientKey: input.clientKey,
				createdBy: actor.id,
				amendsId: orig.id,
				amendReason: input.reason,
				explanation: { explanationStatus: orig.explanationStatus, explanationText: orig.explanationText }
			});
			if (!newId) {
				const same = await fnd.byClientKey(c.id, input.clientKey);
				return same ? ok({ findingId: same.id }) : refuse(409, 'onsite.error.already_superseded');
			}
			await fnd.copyPhotos(orig, newId);
			await log(actor, 'finding.amend', 'findings', newId, { amends: orig.id, reason: input.reason });
			return ok({ findingId: newId });
		},

		/** Corrects a record detail of a locked check: an amendments entry keeps the before and after. */
		async amendCheck(
			actor: Actor,
			id: string,
			input: {
				field: 'representative_name' | 'representative_position' | 'unit_explanation' | 'conclusions';
				after: string;
				reason: string;
			},
			actorName: string
		): Promise<Result> {
			// Appended onto the list as it is when written, so two amendments at once are both kept.
			const r = await mergeWrite(actor, id, (c) => {
				const tr = transitionCheck(c.status, 'amend', { reason: input.reason });
				if (!tr.ok) return refuseWith(409, tr.code, tr.params);
				const current = {
					representative_name: c.representativeName,
					representative_position: c.representativePosition,
					unit_explanation: c.unitExplanation,
					conclusions: c.conclusions
				}[input.field];
				const entry: Amendment = {
					at: clock().toISOString(),
					by: actor.id,
					byName: actorName,
					reason: input.reason,
					field: input.field,
					before: current,
					after: input.after
				};
				return { amendments: [...c.amendments, entry] };
			});
			if (r.ok) await log(actor, 'check.amend', 'inspections', id, { field: input.field, reason: input.reason });
			return r;
		},

		/** The record (biên bản) as a document, with signature file names for rendering. */
		async record(actor: Actor, id: string): Promise<{ doc: RecordDoc; check: OnsiteCheck }> {
			const c = await load(actor, id);
			const [rows, list, actions, ocTypes] = await Promise.all([
				att.list(c.id),
				fnd.list(c.id),
				checks.actions(c.id),
				checks.violationTypes(['office_culture'])
			]);
			const byId = new Map(list.map((f) => [f.id, f]));
			type AmendableField = 'representative_name' | 'representative_position' | 'unit_explanation' | 'conclusions';
			const effective = (field: AmendableField, v: string) => {
				const last = [...c.amendments].reverse().find((a) => a.field === field);
				return last ? last.after : v;
			};
			const start = c.startedAt ?? c.scheduledStart;
			const end = c.completedAt ?? clock().toISOString();
			const toFinding = (f: Finding): RecordFinding => ({
				code: f.typeCode,
				typeName: f.typeName,
				category: f.category,
				staffName: f.staffName,
				description: f.description,
				time: formatTime(f.observedAt),
				photos: f.photos.length,
				explanation: f.explanationStatus === 'received' ? f.explanationText : '',
				amendment: f.amendsId ? { reason: f.amendReason, original: byId.get(f.amendsId)?.description ?? '' } : undefined
			});
			const scope = (c.focus.length ? c.focus : ['attendance', 'office_culture', 'procedures']) as (
				'attendance' | 'office_culture' | 'procedures'
			)[];
			const recorded = new Set(list.filter((f) => !f.superseded).map((f) => f.typeCode));
			const checklistViolations = ocTypes
				.filter((ty) => c.checklist[ty.code]?.result === 'violation' && !recorded.has(ty.code))
				.map((ty) => ({ code: ty.code, name: ty.name, note: c.checklist[ty.code]!.note }));
			// "Thực hiện tốt": criteria met, worded as criteria, none the record reports as violated.
			const compliant = metCriteria(ocTypes, c.checklist, new Set([...recorded, ...checklistViolations.map((v) => v.code)]));
			const place = c.unitName.replace(/^(UBND|Ủy ban nhân dân)\s+/i, '').replace(/^(phường|xã|thị trấn|đặc khu|tỉnh)\s+/i, '');
			const doc = buildRecord({
				issuer: { parent: t('vi', 'record.issuer.parent'), body: t('vi', 'record.issuer.body'), abbr: RECORD_ISSUER_ABBR },
				number: c.recordNumber,
				place,
				unitName: c.unitName,
				day: vnDay(start),
				startTime: formatTime(start),
				endTime: formatTime(end),
				kind: c.kind,
				lead: c.lead,
				members: c.team.filter((m) => m.id !== c.leadId),
				representative: {
					name: effective('representative_name', c.representativeName),
					position: effective('representative_position', c.representativePosition)
				},
				scope,
				tally: tallyRollCall(rows.map((r) => r.status)),
				checklistCompliant: compliant,
				checklistViolations,
				procedures: c.procedures && typeof c.procedures.sampled === 'number' ? (c.procedures as Procedures) : null,
				findings: list.filter((f) => !f.superseded).map(toFinding),
				unitExplanation: effective('unit_explanation', c.unitExplanation),
				conclusions: effective('conclusions', c.conclusions),
				actions: actions.map((a) => ({ title: a.title, dueDate: a.dueDate })),
				signedOnPaper: c.signedOnPaper
			});
			return { doc, check: c };
		},

		/** A protected file, after authorization: photos and scans need `finding.view`, signatures `check.view`. */
		async openFile(actor: Actor, kind: 'photo' | 'explanation' | 'signature', recordId: string, name: string) {
			if (kind === 'signature') {
				const c = await load(actor, recordId);
				authorize(actor, 'check.record', scopeOf(c)); // part of the record: the unit's once final (issue #13 §1)
				return checks.openFile('inspections', c.id, 'signatures', name);
			}
			const f = await fnd.get(recordId);
			if (!f) error(404, 'errors.not_found');
			const c = await checks.get(f.inspectionId);
			if (!c) error(404, 'errors.not_found');
			authorize(actor, 'check.view', scopeOf(c));
			authorize(actor, 'finding.view', { ...scopeOf(c), unitId: f.unitId });
			return checks.openFile('findings', f.id, kind === 'photo' ? 'photos' : 'explanation_file', name);
		},

		/** Signature PNG bytes for the PDF. */
		signatureBytes: (id: string, name: string) => checks.fileBytes('inspections', id, name)
	};
}

export type OnsiteService = ReturnType<typeof onsiteService>;
