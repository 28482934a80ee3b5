// tthc_period_stats (pb_migrations/1795624000_create_tthc_period_stats.js): a unit's TTHC counts for
// one period. Rows are unique per (unit, kind, start). Edits are versioned (pb_hooks/versions.pb.js):
// `update` sends version + 1 and answers false when someone saved first. An import writes all its rows
// in one batch (one transaction): all or nothing.
import type { RecordModel } from 'pocketbase';
import type { Pb } from '../pb/create';
import { mapPbError, orNull, unlessStale } from '../pb/errors';
import { anyOf, isRecordId } from '../pb/query';
import { COUNT_FIELDS, isPeriodKind, type CountField, type PeriodKind, type TthcCounts } from '../../domain/tthc';

export type TthcSource = 'form' | 'import';

export interface TthcStatRow {
	id: string;
	unitId: string;
	kind: PeriodKind;
	start: string;
	counts: TthcCounts;
	source: TthcSource;
	version: number;
	updated: string;
}

const COLUMN: Record<CountField, string> = {
	carriedOver: 'carried_over',
	receivedInPerson: 'received_in_person',
	receivedOnline: 'received_online',
	receivedByPost: 'received_by_post',
	resolvedEarly: 'resolved_early',
	resolvedOnTime: 'resolved_on_time',
	resolvedLate: 'resolved_late',
	withdrawn: 'withdrawn',
	pendingInTime: 'pending_in_time',
	pendingOverdue: 'pending_overdue',
	apologySlips: 'apology_slips'
};

const FIELDS = ['id', 'unit', 'period_kind', 'period_start', 'source', 'version', 'updated', ...Object.values(COLUMN)].join(',');

function toRow(r: RecordModel): TthcStatRow {
	const counts = Object.fromEntries(COUNT_FIELDS.map((f) => [f, Number(r[COLUMN[f]] ?? 0)])) as TthcCounts;
	return {
		id: r.id,
		unitId: String(r.unit),
		kind: isPeriodKind(r.period_kind) ? r.period_kind : 'month',
		start: String(r.period_start),
		counts,
		source: r.source === 'import' ? 'import' : 'form',
		version: Number(r.version ?? 0),
		updated: String(r.updated ?? '')
	};
}

function countsBody(c: TthcCounts): Record<string, number> {
	return Object.fromEntries(COUNT_FIELDS.map((f) => [COLUMN[f], c[f]]));
}

export interface TthcWrite {
	unitId: string;
	kind: PeriodKind;
	start: string;
	counts: TthcCounts;
}

export function tthcStatsRepo(pb: Pb) {
	const col = () => pb.collection('tthc_period_stats');
	return {
		/** Every period of a unit, newest first. */
		async listForUnit(unitId: string): Promise<TthcStatRow[]> {
			if (!isRecordId(unitId)) return [];
			const rows = await col().getFullList({
				filter: pb.filter('unit = {:u}', { u: unitId }),
				sort: '-period_start,period_kind',
				fields: FIELDS,
				batch: 1000
			});
			return rows.map(toRow);
		},

		/** Every row (a few thousand: units × periods), for the import's comparison and the overview. */
		async listAll(): Promise<TthcStatRow[]> {
			const rows = await col().getFullList({ fields: FIELDS, batch: 1000 });
			return rows.map(toRow);
		},

		/**
		 * The dashboard panel's rows in one round trip (pb_hooks/lib/dashboard.js tthcPanelRows): of the
		 * first kind in `kinds` with any row starting from `fromStart` to `toStart`, each unit's counts
		 * per period, oldest first. Null kind: no row of any of them.
		 */
		async panelRows(
			kinds: readonly PeriodKind[],
			fromStart: string,
			toStart: string,
			unitIds: readonly string[] | null
		): Promise<{ kind: PeriodKind | null; rows: { unitId: string; start: string; counts: TthcCounts }[] }> {
			if (unitIds && unitIds.length === 0) return { kind: null, rows: [] };
			const r = await pb.send<{ kind: string | null; columns: string[]; rows: (string | number)[][] }>('/api/congvu/tthc-panel-rows', {
				method: 'POST',
				body: { kinds, from: fromStart, to: toStart, units: unitIds }
			});
			const at = COUNT_FIELDS.map((f) => 2 + r.columns.indexOf(COLUMN[f]));
			const rows = r.rows.map((x) => ({
				unitId: String(x[0]),
				start: String(x[1]),
				counts: Object.fromEntries(COUNT_FIELDS.map((f, i) => [f, Number(x[at[i]!] ?? 0)])) as TthcCounts
			}));
			return { kind: isPeriodKind(r.kind) ? r.kind : null, rows };
		},

		/**
		 * Rows of every kind whose period starts from `fromStart` to `toStart` (inclusive), of the
		 * given units (null: all): the periodic report's quarter or year (domain/tthc.ts reportTthc).
		 */
		async listStartingIn(fromStart: string, toStart: string, unitIds: readonly string[] | null): Promise<TthcStatRow[]> {
			if (unitIds && unitIds.length === 0) return [];
			let filter = pb.filter('period_start >= {:a} && period_start <= {:b}', { a: fromStart, b: toStart });
			if (unitIds) filter += ` && ${anyOf(pb, 'unit', unitIds)}`;
			const rows = await col().getFullList({ filter, sort: 'period_start', fields: FIELDS, batch: 1000 });
			return rows.map(toRow);
		},

		/** The row of one unit and period, or null. */
		async find(unitId: string, kind: PeriodKind, start: string): Promise<TthcStatRow | null> {
			if (!isRecordId(unitId)) return null;
			const r = await orNull(
				col().getFirstListItem(pb.filter('unit = {:u} && period_kind = {:k} && period_start = {:s}', { u: unitId, k: kind, s: start }), {
					fields: FIELDS
				})
			);
			return r ? toRow(r) : null;
		},

		/** A new row at version 1; null when the period exists already (another first save won). */
		async create(w: TthcWrite, source: TthcSource): Promise<string | null> {
			try {
				const r = await col().create({
					unit: w.unitId,
					period_kind: w.kind,
					period_start: w.start,
					...countsBody(w.counts),
					source,
					version: 1
				});
				return r.id;
			} catch (e) {
				const m = mapPbError(e);
				if (m instanceof Error && 'code' in m && (m as { code: string }).code === 'duplicate') return null;
				throw m;
			}
		},

		/** Writes the counts if the row is still at `version`; false when someone else saved first. */
		async update(id: string, version: number, counts: TthcCounts, source: TthcSource): Promise<boolean> {
			return unlessStale(col().update(id, { ...countsBody(counts), source, version: version + 1 }));
		},

		/**
		 * An import's writes in one batch (one transaction): creates, and updates of rows read at
		 * `version` (a row changed since the preview makes the whole batch fail as stale).
		 */
		async applyImport(creates: TthcWrite[], updates: { id: string; version: number; counts: TthcCounts }[]): Promise<boolean> {
			if (creates.length + updates.length === 0) return true;
			const batch = pb.createBatch();
			for (const w of creates) {
				batch.collection('tthc_period_stats').create({
					unit: w.unitId,
					period_kind: w.kind,
					period_start: w.start,
					...countsBody(w.counts),
					source: 'import',
					version: 1
				});
			}
			for (const u of updates) {
				batch.collection('tthc_period_stats').update(u.id, { ...countsBody(u.counts), source: 'import', version: u.version + 1 });
			}
			return unlessStale(batch.send());
		}
	};
}
