// explanation_requests and finding_objections (issue #13 §3–§4): the unit's written answers to a
// finding after the check. The only code that knows these collections and their fields.
import type { RecordModel } from 'pocketbase';
import type { Pb } from '../pb/create';
import { mapPbError, orNull, unlessStale, AppError } from '../pb/errors';
import { anyOf, isRecordId } from '../pb/query';
import { openStoredFile } from '../pb/files';
import type { Addressee, ExplanationRequest, Objection, ObjectionStatus } from '../../domain/explanations';

const str = (v: unknown) => (v === undefined || v === null ? '' : String(v));
const orNullStr = (v: unknown) => (v ? String(v) : null);

function toRequest(r: RecordModel): ExplanationRequest {
	const rem = r.reminders && typeof r.reminders === 'object' && !Array.isArray(r.reminders) ? Object.keys(r.reminders) : [];
	return {
		id: r.id,
		findingId: str(r.finding),
		inspectionId: str(r.inspection),
		unitId: str(r.unit),
		addressee: r.addressee as Addressee,
		dueDate: str(r.due_date),
		requestedBy: orNullStr(r.requested_by),
		requestedByName: str(r.expand?.requested_by?.name),
		requestedAt: str(r.created),
		status: r.status === 'submitted' ? 'submitted' : 'requested',
		text: str(r.text),
		file: str(r.file),
		submittedBy: orNullStr(r.submitted_by),
		submittedByName: str(r.expand?.submitted_by?.name),
		submittedAt: orNullStr(r.submitted_at),
		submittedOn: orNullStr(r.submitted_on),
		late: r.late === true,
		reminderKeys: rem,
		version: Number(r.version ?? 0)
	};
}

function toObjection(r: RecordModel): Objection {
	return {
		id: r.id,
		findingId: str(r.finding),
		inspectionId: str(r.inspection),
		unitId: str(r.unit),
		reason: str(r.reason),
		file: str(r.file),
		filedBy: orNullStr(r.filed_by),
		filedByName: str(r.expand?.filed_by?.name),
		filedAt: str(r.created),
		status: r.status as ObjectionStatus,
		decidedBy: orNullStr(r.decided_by),
		decidedByName: str(r.expand?.decided_by?.name),
		decidedAt: orNullStr(r.decided_at),
		decisionReason: str(r.decision_reason),
		amendmentId: orNullStr(r.amendment),
		version: Number(r.version ?? 0)
	};
}

export interface Scan {
	bytes: Uint8Array;
	type: string;
	name: string;
}

/** The corrective action a finding produced, as a withdrawal needs it. */
export interface FindingAction {
	id: string;
	status: string;
	findingIds: string[];
	delegateIds: string[];
	version: number;
}

const REQ_EXPAND = 'requested_by,submitted_by';
const OBJ_EXPAND = 'filed_by,decided_by';
const blob = (s: Scan) => new Blob([s.bytes as BlobPart], { type: s.type });

export function responsesRepo(pb: Pb) {
	const reqs = () => pb.collection('explanation_requests');
	const objs = () => pb.collection('finding_objections');

	return {
		async request(id: string): Promise<ExplanationRequest | null> {
			if (!isRecordId(id)) return null;
			const r = await orNull(reqs().getOne(id, { expand: REQ_EXPAND }));
			return r ? toRequest(r) : null;
		},

		async requestsOf(findingIds: string[]): Promise<ExplanationRequest[]> {
			if (findingIds.length === 0) return [];
			const rows = await reqs().getFullList({ filter: anyOf(pb, 'finding', findingIds), sort: 'created', expand: REQ_EXPAND });
			return rows.map(toRequest);
		},

		/** A new request; the same finding and addressee twice is AppError('duplicate'). */
		async createRequest(r: {
			findingId: string;
			inspectionId: string;
			unitId: string;
			addressee: Addressee;
			dueDate: string;
			requestedBy: string;
		}): Promise<ExplanationRequest> {
			try {
				const rec = await reqs().create(
					{
						finding: r.findingId,
						inspection: r.inspectionId,
						unit: r.unitId,
						addressee: r.addressee,
						due_date: r.dueDate,
						requested_by: r.requestedBy,
						status: 'requested',
						version: 0
					},
					{ expand: REQ_EXPAND }
				);
				return toRequest(rec);
			} catch (e) {
				throw mapPbError(e);
			}
		},

		/** The submission, only if the request is still at `version`: false when another came first. */
		async submit(
			id: string,
			version: number,
			s: { text: string; file: Scan | null; by: string; at: string; on: string; late: boolean }
		): Promise<boolean> {
			const form = new FormData();
			form.append('status', 'submitted');
			form.append('text', s.text);
			form.append('submitted_by', s.by);
			form.append('submitted_at', s.at);
			form.append('submitted_on', s.on);
			form.append('late', String(s.late));
			form.append('version', String(version + 1));
			if (s.file) form.append('file', blob(s.file), s.file.name);
			return unlessStale(reqs().update(id, form));
		},

		/** Every open request (scheduler: few rows — requests are answered within days). */
		async open(): Promise<ExplanationRequest[]> {
			const rows = await reqs().getFullList({ filter: "status = 'requested'", sort: 'due_date', batch: 500 });
			return rows.map(toRequest);
		},

		/** Records a reminder sent, only if the request is still at `version`. */
		async markReminded(r: ExplanationRequest, key: string, at: string): Promise<boolean> {
			const keys = Object.fromEntries([...r.reminderKeys.map((k) => [k, at]), [key, at]]);
			return unlessStale(reqs().update(r.id, { reminders: keys, version: r.version + 1 }));
		},

		async objection(id: string): Promise<Objection | null> {
			if (!isRecordId(id)) return null;
			const r = await orNull(objs().getOne(id, { expand: OBJ_EXPAND }));
			return r ? toObjection(r) : null;
		},

		async objectionsOf(findingIds: string[]): Promise<Objection[]> {
			if (findingIds.length === 0) return [];
			const rows = await objs().getFullList({ filter: anyOf(pb, 'finding', findingIds), sort: 'created', expand: OBJ_EXPAND });
			return rows.map(toObjection);
		},

		/** A new open objection; a second open one on the same finding is AppError('duplicate'). */
		async createObjection(o: {
			findingId: string;
			inspectionId: string;
			unitId: string;
			reason: string;
			file: Scan | null;
			filedBy: string;
		}): Promise<Objection> {
			const form = new FormData();
			form.append('finding', o.findingId);
			form.append('inspection', o.inspectionId);
			form.append('unit', o.unitId);
			form.append('reason', o.reason);
			form.append('filed_by', o.filedBy);
			form.append('status', 'open');
			form.append('version', '0');
			if (o.file) form.append('file', blob(o.file), o.file.name);
			try {
				return toObjection(await objs().create(form, { expand: OBJ_EXPAND }));
			} catch (e) {
				const m = mapPbError(e);
				// The partial unique index (one open objection per finding) answers without naming a field.
				if (m instanceof AppError && (m.code === 'duplicate' || m.code === 'invalid')) throw new AppError('duplicate', 'finding');
				throw m;
			}
		},

		/** A rejection, only if the objection is still at `version`. */
		async reject(o: Objection, by: string, at: string, reason: string): Promise<boolean> {
			return unlessStale(
				objs().update(o.id, { status: 'rejected', decided_by: by, decided_at: at, decision_reason: reason, version: o.version + 1 })
			);
		},

		/**
		 * The writes of an acceptance that join the withdrawal amendment's transaction: the objection
		 * decided (conditional on its version), the action cancelled (or, when it also covers other
		 * findings, the withdrawn one taken off it) with a history row.
		 */
		acceptOps(o: Objection, by: string, at: string, reason: string, action: FindingAction | null, cancelText: string) {
			return (batch: ReturnType<Pb['createBatch']>) => {
				batch
					.collection('finding_objections')
					.update(o.id, { status: 'accepted', decided_by: by, decided_at: at, decision_reason: reason, version: o.version + 1 });
				if (!action) return;
				const alone = action.findingIds.every((f) => f === o.findingId);
				batch
					.collection('corrective_actions')
					.update(
						action.id,
						alone
							? { status: 'cancelled', overdue: false, version: action.version + 1 }
							: { 'findings-': o.findingId, version: action.version + 1 }
					);
				batch.collection('action_updates').create({
					action: action.id,
					actor: by,
					kind: alone ? 'cancel' : 'comment',
					from_status: action.status,
					to_status: alone ? 'cancelled' : action.status,
					text: cancelText
				});
			};
		},

		/** Links the accepted objection to the amendment it created (after the transaction). */
		async linkAmendment(objectionId: string, amendmentId: string): Promise<void> {
			await objs().update(objectionId, { amendment: amendmentId });
		},

		/** The corrective action that covers a finding (the first, if several). */
		async actionOf(findingId: string): Promise<FindingAction | null> {
			const r = await orNull(
				pb.collection('corrective_actions').getFirstListItem(pb.filter('findings ~ {:f}', { f: findingId }), { sort: 'created' })
			);
			if (!r) return null;
			const delegates = new Set<string>([...(Array.isArray(r.delegates) ? r.delegates : []), ...(r.delegate ? [r.delegate] : [])]);
			return {
				id: r.id,
				status: str(r.status),
				findingIds: Array.isArray(r.findings) ? r.findings.map(String) : [],
				delegateIds: [...delegates].map(String),
				version: Number(r.version ?? 0)
			};
		},

		/** The check's team and leaders to tell: lead and members of the check. */
		async teamOf(inspectionId: string): Promise<string[]> {
			const r = await orNull(pb.collection('inspections').getOne(inspectionId, { fields: 'lead,team' }));
			if (!r) return [];
			return [...new Set([str(r.lead), ...(Array.isArray(r.team) ? r.team.map(String) : [])].filter(Boolean))];
		},

		/** Active unit heads of a unit. */
		async unitHeads(unitId: string): Promise<string[]> {
			const rows = await pb
				.collection('users')
				.getFullList({ filter: pb.filter("role = 'unit_head' && unit = {:u} && active = true", { u: unitId }), fields: 'id' });
			return rows.map((r) => r.id);
		},

		/** Streams a protected scan of a request or an objection. */
		/** A scan's or an evidence file's record; the file itself is opened only by `open`, once the caller authorized it. */
		async storedFile(kind: 'explanation' | 'objection', id: string, name: string) {
			if (!isRecordId(id)) return null;
			const r = await orNull((kind === 'explanation' ? reqs() : objs()).getOne(id));
			if (!r || str(r.file) !== name) return null;
			return {
				record: kind === 'explanation' ? toRequest(r) : toObjection(r),
				open: () => openStoredFile(pb, r, name)
			};
		}
	};
}

export type ResponsesRepo = ReturnType<typeof responsesRepo>;
