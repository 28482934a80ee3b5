// inspections <-> domain Check. The confidentiality rule of surprise checks is the policy's
// (authz checkScopeFilter, built from domain/check.ts CHECK_VISIBILITY); lists bind it as a query
// filter, so lists, counts and calendars never even load a hidden surprise check for an outsider.
import type { RecordModel } from 'pocketbase';
import type { Pb } from '../pb/create';
import { orNull, unlessStale } from '../pb/errors';
import { fromPbDate, toPbDate } from '../../domain/time';
import type { Actor } from '../../domain/user';
import { checkScope, checkScopeFilter } from '../authz/policy';
import type { CheckLike } from '../../domain/check-view';
import type { CheckKind, CheckStatus } from '../../domain/check';
import type { FocusArea, Trigger } from '../../domain/schemas/planning';
import { anyOf, isRecordId } from '../pb/query';

export interface Check {
	id: string;
	title: string;
	kind: CheckKind;
	trigger: Trigger | null;
	planId: string | null;
	campaign: string;
	reportBackDate: string | null;
	unitId: string;
	unitName: string;
	focus: FocusArea[];
	startsAt: string;
	endsAt: string;
	leadId: string | null;
	teamIds: string[];
	observerIds: string[];
	observerNames: string;
	status: CheckStatus;
	statusReason: string;
	startedAt: string | null;
	completedAt: string | null;
	createdById: string | null;
	/** Read version for conditional writes (pb_hooks/versions.pb.js). */
	version: number;
}

export interface CheckWrite {
	title: string;
	kind: CheckKind;
	trigger: Trigger;
	planId: string | null;
	campaign?: string;
	reportBackDate?: string | null;
	unitId: string;
	focus: FocusArea[];
	startsAt: string;
	endsAt: string;
	leadId: string | null;
	teamIds: string[];
	observerIds: string[];
	observerNames: string;
	createdById?: string;
}

const iso = (v: unknown): string | null => {
	const d = fromPbDate(typeof v === 'string' ? v : null);
	return d ? d.toISOString() : null;
};
const ids = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : v ? [String(v)] : []);

/**
 * The fields toCheck reads: every read of a Check asks only for these, never `*` (a check's checklist and
 * procedures JSON, up to 200 KB, would travel with each row of a list; docs/performance.md).
 */
const CHECK_FIELDS =
	'id,title,kind,trigger,plan,campaign,report_back_date,unit,focus,scheduled_start,scheduled_end,lead,team,observers,' +
	'observer_names,status,status_reason,started_at,completed_at,created_by,version,expand.unit.name';

export function toCheck(r: RecordModel): Check {
	return {
		id: r.id,
		title: String(r.title ?? ''),
		kind: r.kind === 'surprise' ? 'surprise' : 'scheduled',
		trigger: (r.trigger || null) as Trigger | null,
		planId: r.plan ? String(r.plan) : null,
		campaign: String(r.campaign ?? ''),
		reportBackDate: iso(r.report_back_date)?.slice(0, 10) ?? null,
		unitId: String(r.unit),
		unitName: String(r.expand?.unit?.name ?? ''),
		focus: ids(r.focus) as FocusArea[],
		startsAt: iso(r.scheduled_start) ?? '',
		endsAt: iso(r.scheduled_end) ?? '',
		leadId: r.lead ? String(r.lead) : null,
		teamIds: ids(r.team),
		observerIds: ids(r.observers),
		observerNames: String(r.observer_names ?? ''),
		status: r.status as CheckStatus,
		statusReason: String(r.status_reason ?? ''),
		startedAt: iso(r.started_at),
		completedAt: iso(r.completed_at),
		createdById: r.created_by ? String(r.created_by) : null,
		version: Number(r.version ?? 0)
	};
}

const pbDate = (isoString: string) => toPbDate(new Date(isoString));

function body(c: CheckWrite): Record<string, unknown> {
	return {
		title: c.title,
		kind: c.kind,
		trigger: c.trigger,
		plan: c.planId ?? '',
		campaign: c.campaign ?? '',
		report_back_date: c.reportBackDate ? `${c.reportBackDate} 00:00:00.000Z` : '',
		unit: c.unitId,
		focus: c.focus,
		scheduled_start: pbDate(c.startsAt),
		scheduled_end: pbDate(c.endsAt),
		lead: c.leadId ?? '',
		team: c.teamIds,
		observers: c.observerIds,
		observer_names: c.observerNames,
		...(c.createdById ? { created_by: c.createdById } : {})
	};
}

export interface CheckQuery {
	/** Window overlapping [from, to) (ISO instants). */
	from?: string | null;
	to?: string | null;
	unitIds?: string[] | null;
	kind?: CheckKind;
	status?: CheckStatus;
	statuses?: CheckStatus[];
	/** Lead, member or observer. */
	personId?: string | null;
	planId?: string;
	/** The checks of one campaign (chuyên đề). */
	campaign?: string;
	limit?: number;
	sort?: 'start' | '-start';
}

export function inspectionsRepo(pb: Pb) {
	const col = () => pb.collection('inspections');

	/** Who may learn about which check is the policy's (authz checkScopeFilter); this only binds it. */
	function visibility(actor: Actor): string {
		const f = checkScopeFilter(actor);
		return f ? pb.filter(f.expr, f.params) : '';
	}

	function where(q: CheckQuery): string[] {
		const parts: string[] = [];
		if (q.from) parts.push(pb.filter('scheduled_end > {:from}', { from: pbDate(q.from) }));
		if (q.to) parts.push(pb.filter('scheduled_start < {:to}', { to: pbDate(q.to) }));
		if (q.kind) parts.push(pb.filter('kind = {:k}', { k: q.kind }));
		if (q.status) parts.push(pb.filter('status = {:s}', { s: q.status }));
		if (q.statuses?.length) parts.push(anyOf(pb, 'status', q.statuses));
		if (q.personId) parts.push(pb.filter('(lead = {:p} || team ~ {:p} || observers ~ {:p})', { p: q.personId }));
		if (q.planId) parts.push(pb.filter('plan = {:p}', { p: q.planId }));
		if (q.campaign) parts.push(pb.filter('campaign = {:c}', { c: q.campaign }));
		if (q.unitIds && q.unitIds.length <= 40) {
			parts.push(anyOf(pb, 'unit', q.unitIds));
		}
		return parts;
	}

	return {
		/**
		 * What the check list shows of the checks `actor` may learn about, matching `q` (window, kind,
		 * status, person, units; sorted by start): one SQL query, `POST /api/congvu/check-rows`
		 * (pb_hooks/lib/lists.js), with the policy's scope (authz checkScope) applied there
		 * (docs/performance.md).
		 */
		async listRows(actor: Actor, q: CheckQuery = {}): Promise<CheckLike[]> {
			if (q.unitIds && q.unitIds.length === 0) return [];
			const r = await pb.send<{
				columns: string[];
				rows: [string, string, string, string, string, string, string, string, string[], string, string][];
			}>('/api/congvu/check-rows', {
				method: 'POST',
				body: {
					scope: checkScope(actor),
					from: q.from ? pbDate(q.from) : '',
					to: q.to ? pbDate(q.to) : '',
					kind: q.kind ?? '',
					status: q.status ?? '',
					person: q.personId ?? '',
					units: q.unitIds ?? null,
					limit: q.limit ?? 500
				}
			});
			return r.rows.map(([id, title, kind, status, unitId, unitName, start, end, focus, campaign, lead]) => ({
				id,
				title: String(title ?? ''),
				kind: kind === 'surprise' ? 'surprise' : 'scheduled',
				status: status as CheckStatus,
				unitId: String(unitId ?? ''),
				unitName: String(unitName ?? ''),
				startsAt: iso(start) ?? '',
				endsAt: iso(end) ?? '',
				focus: Array.isArray(focus) ? focus.map(String) : [],
				leadId: lead ? String(lead) : null,
				campaign: String(campaign ?? '')
			}));
		},
		/** Checks `actor` may learn about, matching `q`. Large unit subtrees are narrowed after the query. */
		async listVisible(actor: Actor, q: CheckQuery = {}): Promise<Check[]> {
			const parts = where(q);
			const vis = visibility(actor);
			if (vis) parts.push(vis);
			if (q.unitIds && q.unitIds.length === 0) return [];
			const rows = await col().getList(1, q.limit ?? 500, {
				filter: parts.join(' && '),
				sort: q.sort === '-start' ? '-scheduled_start' : 'scheduled_start',
				expand: 'unit',
				fields: CHECK_FIELDS,
				skipTotal: true
			});
			let out = rows.items.map(toCheck);
			if (q.unitIds && q.unitIds.length > 40) {
				const set = new Set(q.unitIds);
				out = out.filter((c) => set.has(c.unitId));
			}
			return out;
		},
		/** All checks overlapping a window, for warnings (the domain filters them per viewer). */
		async listAround(from: string, to: string, filter: { unitId: string; personIds: string[] }): Promise<Check[]> {
			const who = [pb.filter('unit = {:u}', { u: filter.unitId })];
			for (const p of filter.personIds) who.push(pb.filter('(lead = {:p} || team ~ {:p} || observers ~ {:p})', { p }));
			const rows = await col().getFullList({
				filter: `${pb.filter('scheduled_end > {:from} && scheduled_start < {:to}', { from: pbDate(from), to: pbDate(to) })} && (${who.join(' || ')})`,
				expand: 'unit',
				fields: CHECK_FIELDS
			});
			return rows.map(toCheck);
		},
		async get(id: string): Promise<Check | null> {
			if (!isRecordId(id)) return null;
			const r = await orNull(col().getOne(id, { expand: 'unit', fields: CHECK_FIELDS }));
			return r ? toCheck(r) : null;
		},
		async listForPlan(planId: string): Promise<Check[]> {
			const rows = await col().getFullList({
				filter: pb.filter('plan = {:p}', { p: planId }),
				sort: 'scheduled_start',
				expand: 'unit',
				fields: CHECK_FIELDS
			});
			return rows.map(toCheck);
		},
		/** Status counts per plan (for progress), one query for all plans. */
		async statusesByPlan(planIds: string[]): Promise<Map<string, CheckStatus[]>> {
			const out = new Map<string, CheckStatus[]>(planIds.map((p) => [p, []]));
			if (planIds.length === 0) return out;
			const rows = await col().getFullList({
				filter: anyOf(pb, 'plan', planIds),
				fields: 'plan,status'
			});
			for (const r of rows) out.get(String(r.plan))?.push(r.status as CheckStatus);
			return out;
		},
		async create(c: CheckWrite): Promise<Check> {
			const r = await col().create({ ...body(c), status: 'planned' });
			return (await this.get(r.id))!;
		},
		/** Creates every check in one transaction (PocketBase batch): all or nothing. */
		async createMany(checks: CheckWrite[]): Promise<string[]> {
			const batch = pb.createBatch();
			for (const c of checks) batch.collection('inspections').create({ ...body(c), status: 'planned' });
			const res = await batch.send();
			return res.map((r) => String((r.body as { id: string }).id));
		},
		/** Writes an edit if the check is still at `version`; false when someone else wrote first. */
		async update(id: string, version: number, c: Omit<CheckWrite, 'createdById'>): Promise<boolean> {
			return unlessStale(col().update(id, { ...body(c), version: version + 1 }));
		},
		/** A status change from the state read at `version`; false when someone else wrote first. */
		async setStatus(
			id: string,
			version: number,
			patch: { status: CheckStatus; reason?: string; startedAt?: Date; completedAt?: Date; window?: { startsAt: string; endsAt: string } }
		): Promise<boolean> {
			const b: Record<string, unknown> = { status: patch.status };
			if (patch.reason !== undefined) b.status_reason = patch.reason;
			if (patch.startedAt) b.started_at = toPbDate(patch.startedAt);
			if (patch.completedAt) b.completed_at = toPbDate(patch.completedAt);
			if (patch.window) {
				b.scheduled_start = pbDate(patch.window.startsAt);
				b.scheduled_end = pbDate(patch.window.endsAt);
			}
			return unlessStale(col().update(id, { ...b, version: version + 1 }));
		},
		async delete(id: string): Promise<void> {
			await col().delete(id);
		},
		// --- The report-back (issue #13 §5) --------------------------------------------------------
		/** Sets (or clears) the report-back date if the check is still at `version`. */
		async setReportBackDate(id: string, version: number, day: string | null): Promise<boolean> {
			return unlessStale(col().update(id, { report_back_date: day ? `${day} 00:00:00.000Z` : '', version: version + 1 }));
		},
		/** The campaign names among the checks `actor` may see, newest first. */
		async campaignsVisible(actor: Actor): Promise<string[]> {
			const vis = visibility(actor);
			const rows = await col().getFullList({
				filter: ["campaign != ''", vis].filter(Boolean).join(' && '),
				fields: 'campaign',
				sort: '-scheduled_start'
			});
			return [...new Set(rows.map((r) => String(r.campaign)))];
		},
		/** Completed or closed checks whose report-back date is on or before `until` (scheduler). */
		async listReportBackDueBy(until: string): Promise<Check[]> {
			const rows = await col().getFullList({
				filter: pb.filter("(status = 'completed' || status = 'closed') && report_back_date != '' && report_back_date <= {:until}", {
					until: `${until} 23:59:59.999Z`
				}),
				expand: 'unit',
				fields: CHECK_FIELDS,
				batch: 500
			});
			return rows.map(toCheck);
		}
	};
}

export type InspectionsRepo = ReturnType<typeof inspectionsRepo>;
