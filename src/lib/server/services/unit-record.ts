/**
 * The unit's side of a finished check (issue #13 §1, §2): the checked unit's head reads the biên bản
 * (page and PDF), the roll-call result, every finding with its photos and legal basis and the
 * corrective actions each produced; and is told when the check is completed.
 *
 * Authorization: `check.view` to learn about the check at all (else 404, existence secret), then
 * `check.record` for the record itself — the office and the team as soon as they see the check, the
 * unit's head only once it is completed or closed (else 403). Photos go through onsite.openFile
 * (`finding.view`, the same "final record" rule for the unit).
 *
 * What the unit never sees here (the team's internal notes): the roll-call notes the team typed per
 * person, the catalogue's notes for inspectors, where each photo was taken (GPS) and the team's GPS
 * position, the audit trail of amendments (who typed them). The biên bản carries only what the signed
 * document says.
 */
import { error } from '@sveltejs/kit';
import type { Pb } from '../pb/create';
import type { Actor } from '../../domain/user';
import { authorize, can } from '../authz';
import { onsiteRepo, type OnsiteCheck } from '../repos/onsite';
import { attendanceRepo } from '../repos/attendance';
import { findingsRepo } from '../repos/findings';
import { violationTypesRepo } from '../repos/violation-types';
import { actionScopeRepo } from '../repos/action-scope';
import { actionsRepo } from '../repos/actions';
import { isRecordId } from '../pb/query';
import { scopeOf, type OnsiteService } from './onsite';
import type { ChecksService } from './checks';
import type { NotificationService } from './notifications';
import type { DocumentSettingsService } from './document-settings';
import { renderRecord, type DocumentFormat } from '../documents';
import { tallyRollCall, type RollCallStatus, type RollCallTally } from '../../domain/roll-call';
import { formatIsoDate, vnDay } from '../../domain/time';
import type { UnitAction, UnitFinding } from '../../domain/finding';

export type { UnitAction, UnitFinding };

export interface UnitRecord {
	recordNumber: number | null;
	completedAt: string | null;
	tally: RollCallTally;
	/** Everyone not present on time, with their status (late minutes, arrival time); no notes. */
	notPresent: { name: string; position: string; status: RollCallStatus; lateMinutes: number | null; arrivalTime: string }[];
	findings: UnitFinding[];
	actions: UnitAction[];
}

export function unitRecordService(
	pb: Pb,
	deps: { checks: ChecksService; onsite: OnsiteService; notifications: NotificationService; documentSettings: DocumentSettingsService }
) {
	const repo = onsiteRepo(pb);
	const acts = actionsRepo(pb);
	const att = attendanceRepo(pb);
	const fnd = findingsRepo(pb);
	const types = violationTypesRepo(pb);
	const people = actionScopeRepo(pb);

	/** The check the actor may read the record of: unseen → 404, seen but not yet theirs to read → 403. */
	async function load(actor: Actor, id: string): Promise<OnsiteCheck> {
		const c = isRecordId(id) ? await repo.get(id) : null;
		if (!c) error(404, 'errors.not_found');
		if (!can(actor, 'check.view', scopeOf(c))) error(404, 'errors.not_found');
		authorize(actor, 'check.record', scopeOf(c));
		return c;
	}

	async function contents(c: OnsiteCheck): Promise<UnitRecord> {
		const [rows, list, actions] = await Promise.all([att.list(c.id), fnd.list(c.id), acts.byInspection(c.id)]);
		const current = list.filter((f) => !f.superseded);
		const typeIds = [...new Set(current.map((f) => f.typeId))];
		const legal = new Map((await Promise.all(typeIds.map((id) => types.get(id)))).flatMap((t) => (t ? [[t.id, t.legalBasis]] : [])));
		return {
			recordNumber: c.recordNumber,
			completedAt: c.completedAt,
			tally: tallyRollCall(rows.map((r) => r.status)),
			notPresent: rows
				.filter((r) => r.status !== 'present')
				.map((r) => ({
					name: r.staffName,
					position: r.staffPosition,
					status: r.status,
					lateMinutes: r.lateMinutes,
					arrivalTime: r.arrivalTime
				})),
			findings: current.map((f) => ({
				id: f.id,
				typeCode: f.typeCode,
				typeName: f.typeName,
				legalBasis: legal.get(f.typeId) ?? '',
				staffName: f.staffName,
				description: f.description,
				observedAt: f.observedAt,
				photos: f.photos,
				explanationStatus: f.explanationStatus,
				explanationText: f.explanationStatus === 'received' ? f.explanationText : '',
				amendReason: f.amendsId ? f.amendReason : '',
				actionIds: actions.filter((a) => a.findingIds.includes(f.id)).map((a) => a.id)
			})),
			actions
		};
	}

	async function document(actor: Actor, id: string) {
		await load(actor, id);
		return deps.onsite.record(actor, id);
	}

	return {
		/** The unit head's check calendar: upcoming and ongoing checks, then the finished ones. Authz: check.list. */
		async unitChecks(actor: Actor) {
			const [upcoming, finished] = await Promise.all([deps.checks.forUnit(actor), deps.checks.finishedForUnit(actor)]);
			return { upcoming, finished };
		},

		/**
		 * A check of the unit as its head sees it, and the record once it is final. Authz: check.view
		 * (else 404); the record part only with check.record (null before completion).
		 */
		async check(actor: Actor, id: string) {
			const d = await deps.checks.detail(actor, id).catch(() => null);
			if (!d) error(404, 'errors.not_found');
			const c = isRecordId(id) ? await repo.get(id) : null;
			const record = c && can(actor, 'check.record', scopeOf(c)) ? await contents(c) : null;
			return { ...d, record };
		},

		/** The biên bản as a document (the signed text). Authz: check.view (404), check.record (403). */
		document,

		/** The biên bản as a PDF (or DOCX, or print view) with its signatures. Authz as {@link document}. */
		async pdf(actor: Actor, id: string, format: DocumentFormat = 'pdf'): Promise<{ bytes: Uint8Array; filename: string }> {
			// The drawn signatures (lead, secretary, representative) come with the document (onsite.record).
			const { doc } = await document(actor, id);
			const day = doc.placeDate.match(/\d+/g)?.join('-') ?? '';
			return { bytes: await renderRecord(format, doc), filename: `bien-ban-kiem-tra-${day}` };
		},

		/**
		 * Tells the checked unit's heads that the check is completed (issue #13 §2): a link to the record
		 * and every corrective action with its due date, dd/MM/yyyy. Once per check (dedupe key); a
		 * failure is logged and never undoes the completion.
		 */
		async notifyCompleted(id: string): Promise<void> {
			try {
				const c = await repo.get(id);
				if (!c || (c.status !== 'completed' && c.status !== 'closed')) return;
				const [heads, actions] = await Promise.all([people.unitHeads(c.unitId), acts.byInspection(c.id)]);
				await deps.notifications.notify({
					userIds: heads.map((h) => h.id),
					kind: 'check_completed',
					params: {
						unit: c.unitName,
						date: vnDay(c.startedAt ?? c.scheduledStart),
						count: actions.length,
						actions: actions.map((a) => `– ${a.title}: ${formatIsoDate(a.dueDate)}`).join('\n')
					},
					link: `/unit/checks/${c.id}`,
					dedupeKey: `check:${c.id}:completed`
				});
			} catch (e) {
				console.error(`[unit-record] completion notice for ${id} failed`, e);
			}
		}
	};
}

export type UnitRecordService = ReturnType<typeof unitRecordService>;
