// inspection_plans <-> domain Plan.
import type { RecordModel } from 'pocketbase';
import type { Pb } from '../pb/create';
import { orNull, unlessStale } from '../pb/errors';
import { fromPbDate, toPbDate } from '../../domain/time';
import type { PlanPeriod, PlanRevision, PlanStatus } from '../../domain/plan';
import { isRecordId } from '../pb/query';

export interface Plan {
	id: string;
	title: string;
	periodKind: PlanPeriod;
	year: number;
	quarter: number;
	reference: string;
	legalBasis: string;
	scope: string;
	status: PlanStatus;
	createdById: string | null;
	approvedById: string | null;
	approvedAt: string | null;
	revision: number;
	revisions: PlanRevision[];
	/** Read version for conditional writes (pb_hooks/versions.pb.js). */
	version: number;
}

export interface PlanWrite {
	title: string;
	periodKind: PlanPeriod;
	year: number;
	quarter: number;
	reference: string;
	legalBasis: string;
	scope: string;
}

function toPlan(r: RecordModel): Plan {
	return {
		id: r.id,
		title: String(r.title ?? ''),
		periodKind: r.period_kind === 'quarter' ? 'quarter' : 'year',
		year: Number(r.year),
		quarter: Number(r.quarter ?? 0),
		reference: String(r.reference ?? ''),
		legalBasis: String(r.legal_basis ?? ''),
		scope: String(r.scope ?? ''),
		status: r.status as PlanStatus,
		createdById: r.created_by ? String(r.created_by) : null,
		approvedById: r.approved_by ? String(r.approved_by) : null,
		approvedAt: fromPbDate(r.approved_at)?.toISOString() ?? null,
		revision: Number(r.revision ?? 0),
		revisions: Array.isArray(r.revisions) ? (r.revisions as PlanRevision[]) : [],
		version: Number(r.version ?? 0)
	};
}

const header = (p: PlanWrite) => ({
	title: p.title,
	period_kind: p.periodKind,
	year: p.year,
	quarter: p.periodKind === 'quarter' ? p.quarter : 0,
	reference: p.reference,
	legal_basis: p.legalBasis,
	scope: p.scope
});

export function plansRepo(pb: Pb) {
	const col = () => pb.collection('inspection_plans');
	return {
		async list(): Promise<Plan[]> {
			return (await col().getFullList({ sort: '-year,-quarter,-created' })).map(toPlan);
		},
		async get(id: string): Promise<Plan | null> {
			if (!isRecordId(id)) return null;
			const r = await orNull(col().getOne(id));
			return r ? toPlan(r) : null;
		},
		async create(p: PlanWrite, createdById: string): Promise<Plan> {
			return toPlan(await col().create({ ...header(p), status: 'draft', created_by: createdById, revision: 0, revisions: [] }));
		},
		/** Writes the header if the plan is still at `version`; false when someone else wrote first. */
		async updateHeader(id: string, version: number, p: PlanWrite): Promise<boolean> {
			return unlessStale(col().update(id, { ...header(p), version: version + 1 }));
		},
		/** A status change from the plan as read at `version`; false when someone else wrote first. */
		async setStatus(id: string, version: number, status: PlanStatus, approval?: { by: string; at: Date }): Promise<boolean> {
			return unlessStale(
				col().update(id, {
					status,
					version: version + 1,
					...(approval ? { approved_by: approval.by, approved_at: toPbDate(approval.at) } : {})
				})
			);
		},
		/**
		 * Appends a revision with the next number, onto the list as it is when written (re-read and retried
		 * when another revision landed in between), so concurrent revisions are all kept, numbered 1, 2, 3…
		 */
		async appendRevision(id: string, entry: Omit<PlanRevision, 'revision'>): Promise<PlanRevision> {
			for (;;) {
				const plan = await this.get(id);
				if (!plan) throw new Error(`plan ${id} vanished`);
				const rev: PlanRevision = { ...entry, revision: plan.revision + 1 };
				const body = { revisions: [...plan.revisions, rev], revision: rev.revision, version: plan.version + 1 };
				if (await unlessStale(col().update(id, body))) return rev;
			}
		}
	};
}
