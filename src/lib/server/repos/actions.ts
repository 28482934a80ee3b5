// corrective_actions + action_updates <-> domain. Only this module knows their field names.
import type { RecordModel } from 'pocketbase';
import type { Pb } from '../pb/create';
import { isStale, isUniqueViolation, mapPbError, orNull, unlessStale } from '../pb/errors';
import { openStoredFile } from '../pb/files';
import type { ActionStatus, CorrectiveAction, PendingExtension } from '../../domain/corrective-action';
import type { Role } from '../../domain/user';
import { anyOf } from '../pb/query';

export interface ActionRecord {
	id: string;
	title: string;
	inspectionId: string | null;
	findingIds: string[];
	unitId: string;
	unitName: string;
	category: string;
	status: ActionStatus;
	dueDate: string;
	originalDueDate: string;
	delegateIds: string[];
	unitExplanation: string;
	returnCount: number;
	extensionCount: number;
	pendingExtension: PendingExtension | null;
	submittedBy: string | null;
	submittedAt: string | null;
	submittedOn: string | null;
	closedAt: string | null;
	closedOnTime: boolean;
	overdue: boolean;
	/** Reminder keys already sent (`kind@dueDate`) → when. */
	reminders: Record<string, string>;
	reminderKeys: string[];
	/**
	 * The lead and members of the check the action came from (who verifies it); read by `get` only,
	 * empty elsewhere and when there is no originating check.
	 */
	originTeam: { leadId: string | null; memberIds: string[] };
	/** Optimistic-concurrency version (pb_hooks/versions.pb.js): every write sends `version + 1`. */
	version: number;
	updated: string;
}

export interface ActionUpdate {
	id: string;
	actorId: string | null;
	actorName: string;
	actorRole: Role | null;
	kind: string;
	fromStatus: string;
	toStatus: string;
	text: string;
	newDueDate: string;
	files: string[];
	created: string;
}

const str = (v: unknown) => (v == null ? '' : String(v));
const orNullStr = (v: unknown) => (v ? String(v) : null);

function toRecord(r: RecordModel): ActionRecord {
	const delegates = new Set<string>([...(Array.isArray(r.delegates) ? r.delegates : []), ...(r.delegate ? [r.delegate] : [])]);
	const pe =
		r.pending_extension && typeof r.pending_extension === 'object' && r.pending_extension.newDueDate
			? (r.pending_extension as PendingExtension)
			: null;
	return {
		id: r.id,
		title: str(r.title),
		inspectionId: orNullStr(r.inspection),
		findingIds: Array.isArray(r.findings) ? r.findings.map(String) : [],
		unitId: str(r.unit),
		unitName: str(r.expand?.unit?.name),
		category: str(r.category),
		status: r.status as ActionStatus,
		dueDate: str(r.due_date),
		originalDueDate: str(r.original_due_date) || str(r.due_date),
		delegateIds: [...delegates].map(String),
		unitExplanation: str(r.unit_explanation),
		returnCount: Number(r.return_count ?? 0),
		extensionCount: Number(r.extension_count ?? 0),
		pendingExtension: pe,
		submittedBy: orNullStr(r.submitted_by),
		submittedAt: orNullStr(r.submitted_at),
		submittedOn: orNullStr(r.submitted_on),
		closedAt: orNullStr(r.closed_at),
		closedOnTime: r.closed_on_time === true,
		overdue: r.overdue === true,
		reminders: r.reminders && typeof r.reminders === 'object' && !Array.isArray(r.reminders) ? (r.reminders as Record<string, string>) : {},
		reminderKeys: r.reminders && typeof r.reminders === 'object' && !Array.isArray(r.reminders) ? Object.keys(r.reminders) : [],
		originTeam: {
			leadId: orNullStr(r.expand?.inspection?.lead),
			memberIds: Array.isArray(r.expand?.inspection?.team) ? r.expand.inspection.team.map(String) : []
		},
		version: Number(r.version ?? 0),
		updated: str(r.updated)
	};
}

/** The domain's view of a stored action (history lives in action_updates, not in the state). */
export function toState(a: ActionRecord): CorrectiveAction {
	return {
		status: a.status,
		unitId: a.unitId,
		delegateIds: a.delegateIds,
		dueDate: a.dueDate,
		returnCount: a.returnCount,
		extensionCount: a.extensionCount,
		pendingExtension: a.pendingExtension,
		submittedBy: a.submittedBy,
		submittedAt: a.submittedAt,
		submittedOn: a.submittedOn,
		history: []
	};
}

/** State fields a workflow step may change, as written back. */
export interface ActionPatch {
	status?: ActionStatus;
	dueDate?: string;
	originalDueDate?: string;
	returnCount?: number;
	extensionCount?: number;
	pendingExtension?: PendingExtension | null;
	submittedBy?: string | null;
	submittedAt?: string | null;
	submittedOn?: string | null;
	closedAt?: string | null;
	closedOnTime?: boolean;
	overdue?: boolean;
	unitExplanation?: string;
	delegateIds?: string[];
	reminderKeys?: Record<string, string>;
}

function toBody(p: ActionPatch): Record<string, unknown> {
	const b: Record<string, unknown> = {};
	if (p.status !== undefined) b.status = p.status;
	if (p.dueDate !== undefined) b.due_date = p.dueDate;
	if (p.originalDueDate !== undefined) b.original_due_date = p.originalDueDate;
	if (p.returnCount !== undefined) b.return_count = p.returnCount;
	if (p.extensionCount !== undefined) b.extension_count = p.extensionCount;
	if (p.pendingExtension !== undefined) b.pending_extension = p.pendingExtension;
	if (p.submittedBy !== undefined) b.submitted_by = p.submittedBy ?? '';
	if (p.submittedAt !== undefined) b.submitted_at = p.submittedAt ?? '';
	if (p.submittedOn !== undefined) b.submitted_on = p.submittedOn ?? '';
	if (p.closedAt !== undefined) b.closed_at = p.closedAt ?? '';
	if (p.closedOnTime !== undefined) b.closed_on_time = p.closedOnTime;
	if (p.overdue !== undefined) b.overdue = p.overdue;
	if (p.unitExplanation !== undefined) b.unit_explanation = p.unitExplanation;
	if (p.delegateIds !== undefined) {
		b.delegates = p.delegateIds;
		b.delegate = '';
	}
	if (p.reminderKeys !== undefined) b.reminders = p.reminderKeys;
	return b;
}

export interface NewUpdate {
	actorId: string | null;
	kind: string;
	fromStatus: string;
	toStatus: string;
	text?: string;
	newDueDate?: string;
	files?: File[];
	/** The form's idempotency key (domain/ids.ts CLIENT_KEY); '' or absent for writes without one. */
	clientKey?: string;
}

/** A corrective action proposed from a check's findings at completion (services/onsite/completion.ts). */
export interface ProposedAction {
	title: string;
	findingIds: string[];
	category: string;
	dueDate: string;
}

/** The body that creates a proposed action: open, due on its first due date, never returned. */
export function proposedActionBody(inspectionId: string, unitId: string, a: ProposedAction): Record<string, unknown> {
	return {
		title: a.title,
		inspection: inspectionId,
		findings: a.findingIds,
		unit: unitId,
		category: a.category,
		status: 'open',
		due_date: a.dueDate,
		original_due_date: a.dueDate,
		return_count: 0
	};
}

/** What a check's pages show of its actions. */
export type InspectionAction = Pick<ActionRecord, 'id' | 'title' | 'dueDate' | 'status' | 'findingIds'>;

export interface ActionQuery {
	unitIds?: string[];
	/** The actions of one check (its report-back, issue #13 §5). */
	inspectionId?: string;
	status?: ActionStatus;
	category?: string;
	dueFrom?: string;
	dueTo?: string;
	overdue?: boolean;
	sort?: 'due_asc' | 'due_desc' | 'updated_desc' | 'unit';
}

const SORTS = { due_asc: 'due_date,created', due_desc: '-due_date,created', updated_desc: '-updated', unit: 'unit.name,due_date' } as const;

export function actionsRepo(pb: Pb) {
	const col = () => pb.collection('corrective_actions');

	function filterOf(q: Omit<ActionQuery, 'sort'>): string {
		const parts: string[] = [];
		if (q.unitIds) {
			if (q.unitIds.length === 0) return 'id = ""';
			parts.push(anyOf(pb, 'unit', q.unitIds));
		}
		if (q.inspectionId) parts.push(pb.filter('inspection = {:i}', { i: q.inspectionId }));
		if (q.status) parts.push(pb.filter('status = {:s}', { s: q.status }));
		if (q.category) parts.push(pb.filter('category = {:c}', { c: q.category }));
		if (q.dueFrom) parts.push(pb.filter('due_date >= {:f}', { f: q.dueFrom }));
		if (q.dueTo) parts.push(pb.filter('due_date <= {:t}', { t: q.dueTo }));
		if (q.overdue) parts.push('overdue = true');
		return parts.join(' && ');
	}

	return {
		async countByInspection(inspectionId: string): Promise<number> {
			const r = await col().getList(1, 1, { filter: pb.filter('inspection = {:i}', { i: inspectionId }), fields: 'id' });
			return r.totalItems;
		},

		/** The actions proposed from a check, by due date, without those cancelled when their finding was withdrawn (issue #13 §4). */
		async byInspection(inspectionId: string): Promise<InspectionAction[]> {
			const rows = await col().getFullList({
				filter: pb.filter("inspection = {:i} && status != 'cancelled'", { i: inspectionId }),
				sort: 'due_date,created',
				fields: 'id,title,due_date,status,findings'
			});
			return rows.map((r) => ({
				id: r.id,
				title: String(r.title),
				dueDate: String(r.due_date),
				status: r.status as ActionStatus,
				findingIds: (r.findings as string[]) ?? []
			}));
		},

		async get(id: string): Promise<ActionRecord | null> {
			const r = await orNull(col().getOne(id, { expand: 'unit,inspection' }));
			return r ? toRecord(r) : null;
		},

		async list(q: ActionQuery, limit = 200): Promise<ActionRecord[]> {
			const r = await col().getList(1, limit, {
				filter: filterOf(q),
				sort: SORTS[q.sort ?? 'due_asc'],
				expand: 'unit',
				skipTotal: true
			});
			return r.items.map(toRecord);
		},

		/**
		 * Counts per status for the query (its status filter ignored): one GROUP BY in PocketBase
		 * (pb_hooks/lib/counts.js actionCounts, the same conditions as filterOf above, field by field).
		 */
		async countByStatus(q: ActionQuery, statuses: readonly ActionStatus[]): Promise<Record<string, number>> {
			const { counts } = await pb.send<{ counts: Record<string, number> }>('/api/congvu/action-counts', {
				method: 'POST',
				body: {
					units: q.unitIds ?? null,
					inspection: q.inspectionId ?? '',
					category: q.category ?? '',
					dueFrom: q.dueFrom ?? '',
					dueTo: q.dueTo ?? '',
					overdue: q.overdue === true
				}
			});
			// Keys in the statuses' order, every status present.
			return Object.fromEntries(statuses.map((s) => [s, counts[s] ?? 0]));
		},

		/** Actions not yet accepted whose due date is on or before `until` (scheduler). */
		async listDueBy(until: string): Promise<ActionRecord[]> {
			const items = await col().getFullList({
				filter: pb.filter("status != 'verified' && status != 'closed' && status != 'cancelled' && due_date <= {:until}", { until }),
				batch: 500
			});
			return items.map(toRecord);
		},

		/** Actions flagged overdue that may no longer be (extended, accepted). */
		async listFlaggedOverdue(): Promise<ActionRecord[]> {
			return (await col().getFullList({ filter: 'overdue = true', batch: 500 })).map(toRecord);
		},

		/**
		 * A state change without a history row (scheduler flags), written only if the action is still at
		 * `version` (the one read): false when someone else wrote in between (nothing written).
		 */
		async update(id: string, version: number, patch: ActionPatch): Promise<boolean> {
			return unlessStale(col().update(id, { ...toBody(patch), version: version + 1 }));
		},

		/**
		 * One workflow step: the state and its history row in one transaction (batch), written only if the
		 * action is still at `version` (the one the step was decided on). False when another write came
		 * first, or when a history row with the same client key is already stored (the same step sent
		 * twice at once): then neither the state nor the history row is written.
		 */
		async applyStep(id: string, version: number, patch: ActionPatch, u: NewUpdate): Promise<boolean> {
			const batch = pb.createBatch();
			batch.collection('corrective_actions').update(id, { ...toBody(patch), version: version + 1 });
			batch.collection('action_updates').create({
				action: id,
				actor: u.actorId ?? '',
				kind: u.kind,
				from_status: u.fromStatus,
				to_status: u.toStatus,
				text: u.text ?? '',
				new_due_date: u.newDueDate ?? '',
				client_key: u.clientKey ?? '',
				...(u.files && u.files.length ? { files: u.files } : {})
			});
			try {
				await batch.send();
				return true;
			} catch (e) {
				// A lost race (version guard), or idx_action_updates_client_key: the same step is already
				// written (the caller finds it by its key).
				if (isStale(e) || isUniqueViolation(e)) return false;
				throw mapPbError(e);
			}
		},

		/** The history row an action's step with this client key wrote, if any (a step sent again). */
		async stepByClientKey(actionId: string, key: string): Promise<{ id: string; kind: string; text: string; newDueDate: string } | null> {
			if (!key) return null;
			const r = await orNull(
				pb.collection('action_updates').getFirstListItem(pb.filter('action = {:a} && client_key = {:k}', { a: actionId, k: key }), {
					fields: 'id,kind,text,new_due_date'
				})
			);
			return r ? { id: r.id, kind: String(r.kind), text: String(r.text ?? ''), newDueDate: String(r.new_due_date ?? '') } : null;
		},

		async history(actionId: string): Promise<ActionUpdate[]> {
			const items = await pb.collection('action_updates').getFullList({
				filter: pb.filter('action = {:a}', { a: actionId }),
				sort: 'created',
				expand: 'actor'
			});
			return items.map((r) => ({
				id: r.id,
				actorId: orNullStr(r.actor),
				actorName: str(r.expand?.actor?.name),
				actorRole: (r.expand?.actor?.role as Role) ?? null,
				kind: str(r.kind),
				fromStatus: str(r.from_status),
				toStatus: str(r.to_status),
				text: str(r.text),
				newDueDate: str(r.new_due_date),
				files: Array.isArray(r.files) ? r.files.map(String) : [],
				created: str(r.created)
			}));
		},

		/** The history row holding a file, with its action id; null if either is unknown. */
		async updateWithFile(updateId: string, name: string): Promise<{ actionId: string; record: RecordModel } | null> {
			const r = await orNull(pb.collection('action_updates').getOne(updateId));
			if (!r || !Array.isArray(r.files) || !r.files.includes(name)) return null;
			return { actionId: String(r.action), record: r };
		},

		/** Streams a protected file (or its thumbnail); null when PocketBase does not serve it. */
		openFile(record: RecordModel, name: string, thumb?: string) {
			return openStoredFile(pb, record, name, thumb);
		},

		/** The findings an action answers (what was found, when). */
		async findings(ids: string[]): Promise<{ id: string; description: string; observedAt: string; typeName: string }[]> {
			if (ids.length === 0) return [];
			const filter = anyOf(pb, 'id', ids);
			const items = await pb.collection('findings').getFullList({ filter, sort: 'observed_at', expand: 'violation_type' });
			return items.map((r) => ({
				id: r.id,
				description: str(r.description),
				observedAt: str(r.observed_at),
				typeName: str(r.expand?.violation_type?.name_vi)
			}));
		},

		/** Inspection team (lead, members) of the check an action came from. */
		async inspectionTeam(inspectionId: string | null): Promise<string[]> {
			if (!inspectionId) return [];
			const r = await orNull(pb.collection('inspections').getOne(inspectionId, { fields: 'lead,team' }));
			if (!r) return [];
			return [...new Set([r.lead, ...(Array.isArray(r.team) ? r.team : [])].filter(Boolean).map(String))];
		}
	};
}

export type ActionsRepo = ReturnType<typeof actionsRepo>;
