// sync_receipts and roll_call_conflicts (issue #14, docs/offline.md "Outbox and sync"): what the sync
// endpoint has applied, keyed by the device's idempotency key, and the roll-call conflicts it kept.
import type { RecordModel } from 'pocketbase';
import type { Pb } from '../pb/create';
import { AppError, mapPbError, orNull, unlessStale } from '../pb/errors';
import { anyOf } from '../pb/query';
import { toPbDate } from '../../domain/time';
import type { RollCallStatus } from '../../domain/roll-call';

export interface Receipt {
	key: string;
	kind: string;
	recordId: string;
	outcome: 'applied' | 'conflict';
}

export interface RollCallConflict {
	id: string;
	inspectionId: string;
	staffId: string;
	staffName: string;
	key: string;
	savedStatus: RollCallStatus;
	deviceStatus: RollCallStatus;
	deviceLateMinutes: number | null;
	deviceArrivalTime: string;
	deviceNote: string;
	createdBy: string;
	createdByName: string;
	resolution: RollCallStatus | null;
	resolvedAt: string;
	/** Optimistic-concurrency version (pb_hooks/versions.pb.js): a settlement writes `version + 1`. */
	version: number;
}

const toConflict = (r: RecordModel): RollCallConflict => ({
	id: r.id,
	inspectionId: String(r.inspection),
	staffId: String(r.staff),
	staffName: String(r.expand?.staff?.full_name ?? ''),
	key: String(r.key),
	savedStatus: r.saved_status as RollCallStatus,
	deviceStatus: r.device_status as RollCallStatus,
	deviceLateMinutes: r.device_late_minutes ? Number(r.device_late_minutes) : null,
	deviceArrivalTime: String(r.device_arrival_time ?? ''),
	deviceNote: String(r.device_note ?? ''),
	createdBy: String(r.created_by ?? ''),
	createdByName: String(r.expand?.created_by?.name ?? ''),
	resolution: (r.resolution || null) as RollCallStatus | null,
	resolvedAt: String(r.resolved_at ?? ''),
	version: Number(r.version ?? 0)
});

export function syncRepo(pb: Pb) {
	const receipts = () => pb.collection('sync_receipts');
	const conflicts = () => pb.collection('roll_call_conflicts');
	return {
		/** The receipts among `keys` (one request: a batch's keys are at most SYNC_BATCH_MAX). */
		async receipts(inspectionId: string, keys: string[]): Promise<Map<string, Receipt>> {
			// PocketBase refuses a very long filter (400): 200 keys ORed together are too many, 50 are not.
			const chunks: string[][] = [];
			for (let i = 0; i < keys.length; i += 50) chunks.push(keys.slice(i, i + 50));
			const rows = (
				await Promise.all(
					chunks.map((ks) =>
						receipts().getFullList({
							filter: `${pb.filter('inspection = {:i}', { i: inspectionId })} && ${anyOf(pb, 'key', ks)}`,
							fields: 'key,kind,record_id,outcome',
							batch: 1000
						})
					)
				)
			).flat();
			return new Map(
				rows.map((r) => [
					String(r.key),
					{ key: String(r.key), kind: String(r.kind), recordId: String(r.record_id ?? ''), outcome: r.outcome }
				])
			);
		},

		/** Writes receipts in one transaction; a key already there (a concurrent retry) is left as it is. */
		async addReceipts(inspectionId: string, createdBy: string, list: Receipt[]): Promise<void> {
			for (let i = 0; i < list.length; i += 500) {
				const batch = pb.createBatch();
				for (const r of list.slice(i, i + 500))
					batch.collection('sync_receipts').create({
						inspection: inspectionId,
						key: r.key,
						kind: r.kind,
						record_id: r.recordId,
						outcome: r.outcome,
						created_by: createdBy
					});
				try {
					await batch.send();
				} catch (e) {
					const m = mapPbError(e);
					if (!(m instanceof AppError && m.code === 'duplicate')) throw m;
					// One of them was written by a concurrent retry: write the others one by one.
					for (const r of list.slice(i, i + 500)) {
						try {
							await receipts().create({
								inspection: inspectionId,
								key: r.key,
								kind: r.kind,
								record_id: r.recordId,
								outcome: r.outcome,
								created_by: createdBy
							});
						} catch (e2) {
							const m2 = mapPbError(e2);
							if (!(m2 instanceof AppError && m2.code === 'duplicate')) throw m2;
						}
					}
				}
			}
		},

		/** Keeps a conflict; the same device key twice (a retried request) keeps one. */
		async addConflict(
			c: Omit<RollCallConflict, 'id' | 'staffName' | 'createdByName' | 'resolution' | 'resolvedAt' | 'version'>
		): Promise<void> {
			try {
				await conflicts().create({
					inspection: c.inspectionId,
					staff: c.staffId,
					key: c.key,
					saved_status: c.savedStatus,
					device_status: c.deviceStatus,
					device_late_minutes: c.deviceLateMinutes ?? 0,
					device_arrival_time: c.deviceArrivalTime,
					device_note: c.deviceNote,
					created_by: c.createdBy
				});
			} catch (e) {
				const m = mapPbError(e);
				if (!(m instanceof AppError && m.code === 'duplicate')) throw m;
			}
		},

		async conflicts(inspectionId: string, opts: { open?: boolean } = {}): Promise<RollCallConflict[]> {
			const open = opts.open ? " && resolved_at = ''" : '';
			const rows = await conflicts().getFullList({
				filter: pb.filter('inspection = {:i}', { i: inspectionId }) + open,
				sort: 'created',
				expand: 'staff,created_by'
			});
			return rows.map(toConflict);
		},

		async conflict(id: string): Promise<RollCallConflict | null> {
			const r = await orNull(conflicts().getOne(id, { expand: 'staff,created_by' }));
			return r ? toConflict(r) : null;
		},

		/**
		 * Claims a conflict for one settlement: written only if it is still at `version`, the one read
		 * (pb_hooks/versions.pb.js). False when another settlement wrote first (nothing written).
		 */
		async resolve(c: Pick<RollCallConflict, 'id' | 'version'>, resolution: RollCallStatus, by: string, at: Date): Promise<boolean> {
			return unlessStale(conflicts().update(c.id, { resolution, resolved_by: by, resolved_at: toPbDate(at), version: c.version + 1 }));
		},

		/** Opens a claimed conflict again (its settlement was refused afterwards), from the claim's version. */
		async reopen(c: Pick<RollCallConflict, 'id' | 'version'>): Promise<boolean> {
			return unlessStale(conflicts().update(c.id, { resolution: '', resolved_by: '', resolved_at: '', version: c.version + 2 }));
		}
	};
}

export type SyncRepo = ReturnType<typeof syncRepo>;
