// report_backs <-> domain (issue #13 §5). One row per check (unique index on `inspection`); every
// change after the first write is versioned (pb_hooks/versions.pb.js): `update` sends version + 1 and
// answers false when someone else wrote first.
import type { RecordModel } from 'pocketbase';
import type { Pb } from '../pb/create';
import { AppError, mapPbError, orNull, unlessStale } from '../pb/errors';
import { anyOf, isRecordId } from '../pb/query';
import { toPbDate } from '../../domain/time';
import type { ReportBackItem, ReportBackStatus } from '../../domain/report-back';

export interface ReportBackRound {
	items: ReportBackItem[];
	summary: string;
	submittedBy: string | null;
	submittedAt: string | null;
	returnedBy: string | null;
	returnedAt: string | null;
	reason: string;
}

export interface ReportBack {
	id: string;
	inspectionId: string;
	unitId: string;
	status: ReportBackStatus;
	items: ReportBackItem[];
	summary: string;
	signerName: string;
	submittedBy: string | null;
	submittedByName: string;
	submittedAt: string | null;
	submittedOn: string | null;
	decidedBy: string | null;
	decidedByName: string;
	decidedAt: string | null;
	returnReason: string;
	history: ReportBackRound[];
	/** Reminder keys already sent (`kind@date`) → when. */
	reminders: Record<string, string>;
	version: number;
}

export interface ReportBackPatch {
	status?: ReportBackStatus;
	items?: ReportBackItem[];
	summary?: string;
	signerName?: string;
	submittedBy?: string | null;
	submittedAt?: Date | null;
	submittedOn?: string | null;
	decidedBy?: string | null;
	decidedAt?: Date | null;
	returnReason?: string;
	history?: ReportBackRound[];
	reminders?: Record<string, string>;
}

const str = (v: unknown) => (v == null ? '' : String(v));
const orNullStr = (v: unknown) => (v ? String(v) : null);
const obj = (v: unknown) => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, string>) : {});

function toReportBack(r: RecordModel): ReportBack {
	return {
		id: r.id,
		inspectionId: str(r.inspection),
		unitId: str(r.unit),
		status: (r.status || 'pending') as ReportBackStatus,
		items: Array.isArray(r.items) ? (r.items as ReportBackItem[]) : [],
		summary: str(r.summary),
		signerName: str(r.signer_name),
		submittedBy: orNullStr(r.submitted_by),
		submittedByName: str(r.expand?.submitted_by?.name),
		submittedAt: orNullStr(r.submitted_at),
		submittedOn: orNullStr(r.submitted_on),
		decidedBy: orNullStr(r.decided_by),
		decidedByName: str(r.expand?.decided_by?.name),
		decidedAt: orNullStr(r.decided_at),
		returnReason: str(r.return_reason),
		history: Array.isArray(r.history) ? (r.history as ReportBackRound[]) : [],
		reminders: obj(r.reminders),
		version: Number(r.version ?? 0)
	};
}

function toBody(p: ReportBackPatch): Record<string, unknown> {
	const b: Record<string, unknown> = {};
	if (p.status !== undefined) b.status = p.status;
	if (p.items !== undefined) b.items = p.items;
	if (p.summary !== undefined) b.summary = p.summary;
	if (p.signerName !== undefined) b.signer_name = p.signerName;
	if (p.submittedBy !== undefined) b.submitted_by = p.submittedBy ?? '';
	if (p.submittedAt !== undefined) b.submitted_at = p.submittedAt ? toPbDate(p.submittedAt) : '';
	if (p.submittedOn !== undefined) b.submitted_on = p.submittedOn ?? '';
	if (p.decidedBy !== undefined) b.decided_by = p.decidedBy ?? '';
	if (p.decidedAt !== undefined) b.decided_at = p.decidedAt ? toPbDate(p.decidedAt) : '';
	if (p.returnReason !== undefined) b.return_reason = p.returnReason;
	if (p.history !== undefined) b.history = p.history;
	if (p.reminders !== undefined) b.reminders = p.reminders;
	return b;
}

const EXPAND = 'submitted_by,decided_by';

export function reportBacksRepo(pb: Pb) {
	const col = () => pb.collection('report_backs');
	return {
		async forInspection(inspectionId: string): Promise<ReportBack | null> {
			if (!isRecordId(inspectionId)) return null;
			const r = await orNull(col().getFirstListItem(pb.filter('inspection = {:i}', { i: inspectionId }), { expand: EXPAND }));
			return r ? toReportBack(r) : null;
		},
		/** The rows of many checks, by check id (campaign page, scheduler). */
		async forInspections(ids: string[]): Promise<Map<string, ReportBack>> {
			const out = new Map<string, ReportBack>();
			for (let i = 0; i < ids.length; i += 40) {
				const chunk = ids.slice(i, i + 40);
				const rows = await col().getFullList({ filter: anyOf(pb, 'inspection', chunk), expand: EXPAND });
				for (const r of rows) out.set(String(r.inspection), toReportBack(r));
			}
			return out;
		},
		/**
		 * The first row of a check, at version 1; null when a row exists already (another first write
		 * won the unique index): the caller re-reads and decides again on what is stored.
		 */
		async create(inspectionId: string, unitId: string, p: ReportBackPatch & { status: ReportBackStatus }): Promise<boolean> {
			try {
				await col().create({ inspection: inspectionId, unit: unitId, ...toBody(p), version: 1 });
				return true;
			} catch (e) {
				const m = mapPbError(e);
				if (m instanceof AppError && (m.code === 'duplicate' || m.code === 'invalid')) {
					if (await this.forInspection(inspectionId)) return false;
				}
				throw m;
			}
		},
		/** Writes if the row is still at `version`; false when someone else wrote first. */
		async update(id: string, version: number, p: ReportBackPatch): Promise<boolean> {
			return unlessStale(col().update(id, { ...toBody(p), version: version + 1 }));
		}
	};
}

export type ReportBacksRepo = ReturnType<typeof reportBacksRepo>;
