// The audit trail page (issue #15 point 1, docs/audit.md): the trail filtered by actor, record and
// period, and one record's full history. Authorization: 'audit.view' (admins, leaders).
import { z } from 'zod';
import type { Actor } from '../../domain/user';
import { authorize } from '../authz';
import type { Pb } from '../pb/create';
import { auditTrailRepo, type TrailEntry } from '../repos/audit-trail';
import { vnLocalToIso } from '../../domain/time';

export const AUDITED_COLLECTIONS = [
	'inspections',
	'inspection_plans',
	'plan_tasks',
	'attendance_records',
	'roll_call_conflicts',
	'findings',
	'corrective_actions',
	'action_updates',
	'explanation_requests',
	'finding_objections',
	'report_backs',
	'report_drafts',
	'issued_reports',
	'document_settings',
	'tthc_period_stats',
	'tthc_dossiers',
	'staff',
	'staff_transfers',
	'units',
	'unit_events',
	'violation_types',
	'calendar_days',
	'import_mappings'
] as const;

const PAGE = 200;
const id15 = z.string().regex(/^[a-z0-9]{15}$/);
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** The filter as the page's query string gives it; anything malformed is ignored (and shown as unset). */
export const trailFilter = z.object({
	actor: id15.optional().catch(undefined),
	collection: z.enum(AUDITED_COLLECTIONS).optional().catch(undefined),
	record: id15.optional().catch(undefined),
	from: day.optional().catch(undefined),
	to: day.optional().catch(undefined)
});
export type TrailFilter = z.infer<typeof trailFilter>;

export interface TrailRow extends TrailEntry {
	actorName: string;
}

const nextDay = (ymd: string) => {
	const d = new Date(`${ymd}T00:00:00Z`);
	d.setUTCDate(d.getUTCDate() + 1);
	return d.toISOString().slice(0, 10);
};

export function auditTrailService(pb: Pb) {
	const repo = auditTrailRepo(pb);
	return {
		async trail(actor: Actor, params: URLSearchParams) {
			authorize(actor, 'audit.view');
			const raw = Object.fromEntries([...params].filter(([, v]) => v !== ''));
			const f = trailFilter.parse(raw);
			const entries = await repo.list({
				actorId: f.actor,
				collection: f.collection,
				recordId: f.record,
				// Days are Vietnamese days: 00:00 in Hà Nội to the next day's 00:00.
				from: f.from ? vnLocalToIso(f.from) : undefined,
				to: f.to ? vnLocalToIso(nextDay(f.to)) : undefined,
				limit: PAGE
			});
			const names = await repo.userNames(entries.map((e) => e.actorId));
			const rows: TrailRow[] = entries.map((e) => ({ ...e, actorName: e.actorId ? (names.get(e.actorId) ?? e.actorId) : '' }));
			return { filter: f, rows, users: await repo.users(), collections: [...AUDITED_COLLECTIONS], limit: PAGE, history: Boolean(f.record) };
		}
	};
}
