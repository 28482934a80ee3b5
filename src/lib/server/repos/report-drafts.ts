// report_drafts <-> domain (issue #17 §2): one draft of the report's prose per period (unique index on
// kind + key). The first save creates it at version 1; every later save is versioned
// (pb_hooks/versions.pb.js) and answers false when someone else saved first.
import type { RecordModel } from 'pocketbase';
import type { Pb } from '../pb/create';
import { AppError, mapPbError, orNull, unlessStale } from '../pb/errors';
import type { ReportProse } from '../../domain/official-document';
import type { ReportPeriod } from '../../domain/report-issue';

export interface ReportDraft {
	id: string;
	prose: ReportProse;
	version: number;
	updatedBy: string | null;
	updatedByName: string;
	/** PocketBase date (UTC). */
	updated: string;
}

const str = (v: unknown) => (v == null ? '' : String(v));

function toDraft(r: RecordModel): ReportDraft {
	return {
		id: r.id,
		prose: {
			direction: str(r.direction),
			strengths: str(r.strengths),
			weaknesses: str(r.weaknesses),
			causes: str(r.causes),
			nextSteps: str(r.next_steps),
			recommendations: str(r.recommendations)
		},
		version: Number(r.version ?? 0),
		updatedBy: r.updated_by ? String(r.updated_by) : null,
		updatedByName: str(r.expand?.updated_by?.name),
		updated: str(r.updated)
	};
}

const toBody = (p: ReportProse, by: string) => ({
	direction: p.direction,
	strengths: p.strengths,
	weaknesses: p.weaknesses,
	causes: p.causes,
	next_steps: p.nextSteps,
	recommendations: p.recommendations,
	updated_by: by
});

export function reportDraftsRepo(pb: Pb) {
	const col = () => pb.collection('report_drafts');
	return {
		async forPeriod(p: ReportPeriod): Promise<ReportDraft | null> {
			const r = await orNull(
				col().getFirstListItem(pb.filter('period_kind = {:k} && period_key = {:key}', { k: p.kind, key: p.key }), { expand: 'updated_by' })
			);
			return r ? toDraft(r) : null;
		},
		/** The period's first draft, at version 1; false when another first save won the unique index. */
		async create(p: ReportPeriod, prose: ReportProse, by: string): Promise<boolean> {
			try {
				await col().create({ period_kind: p.kind, period_key: p.key, ...toBody(prose, by), version: 1 });
				return true;
			} catch (e) {
				const m = mapPbError(e);
				// A composite unique index may be reported as invalid rather than not-unique: look again.
				if (m instanceof AppError && (m.code === 'duplicate' || m.code === 'invalid') && (await this.forPeriod(p))) return false;
				throw m;
			}
		},
		/** Writes if the draft is still at `version`; false when someone else saved first. */
		update(id: string, version: number, prose: ReportProse, by: string): Promise<boolean> {
			return unlessStale(col().update(id, { ...toBody(prose, by), version: version + 1 }));
		}
	};
}
