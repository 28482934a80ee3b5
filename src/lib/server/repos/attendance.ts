// attendance_records: the roll call of a check, one row per person on the roster snapshot.
import type { RecordModel } from 'pocketbase';
import type { Pb } from '../pb/create';
import type { RollCallStatus } from '../../domain/roll-call';
import { toPbDate } from '../../domain/time';
import { isConcurrentChange, mapPbError } from '../pb/errors';

export interface AttendanceRow {
	id: string;
	staffId: string;
	staffName: string;
	staffPosition: string;
	status: RollCallStatus;
	lateMinutes: number | null;
	arrivalTime: string;
	note: string;
}

function toRow(r: RecordModel): AttendanceRow {
	return {
		id: r.id,
		staffId: String(r.staff),
		staffName: String(r.expand?.staff?.full_name ?? ''),
		staffPosition: String(r.expand?.staff?.position ?? ''),
		status: r.status as RollCallStatus,
		lateMinutes: r.late_minutes ? Number(r.late_minutes) : null,
		arrivalTime: String(r.arrival_time ?? ''),
		note: String(r.note ?? '')
	};
}

export function attendanceRepo(pb: Pb) {
	const col = () => pb.collection('attendance_records');
	return {
		async list(inspectionId: string): Promise<AttendanceRow[]> {
			const rows = await col().getFullList({
				filter: pb.filter('inspection = {:i}', { i: inspectionId }),
				expand: 'staff',
				fields: 'id,staff,status,late_minutes,arrival_time,note,expand.staff.full_name,expand.staff.position',
				batch: 1000
			});
			return rows.map(toRow);
		},

		/** Whether the person is on the check's roster snapshot (one indexed lookup, not the whole roll call). */
		async isOnRoster(inspectionId: string, staffId: string): Promise<boolean> {
			const r = await col().getList(1, 1, {
				filter: pb.filter('inspection = {:i} && staff = {:s}', { i: inspectionId, s: staffId }),
				fields: 'id',
				skipTotal: true
			});
			return r.items.length > 0;
		},

		/** The roster snapshot taken when the check starts: everyone present, one transaction. */
		async createRoster(inspectionId: string, unitId: string, staffIds: string[], at: Date): Promise<void> {
			for (let i = 0; i < staffIds.length; i += 500) {
				const batch = pb.createBatch();
				for (const staff of staffIds.slice(i, i + 500)) {
					batch.collection('attendance_records').create({
						inspection: inspectionId,
						staff,
						unit: unitId,
						status: 'present',
						recorded_at: toPbDate(at)
					});
				}
				await batch.send();
			}
		},

		/**
		 * Saves a roll call in ONE transaction: the changed rows and `extra` (the automatic findings the
		 * statuses become, findings repo `attendanceOps`), so no crash can leave a row without its finding.
		 * False when a concurrent save changed the same automatic findings first (the same one created, or
		 * one updated or removed): nothing is written and the caller reads again.
		 */
		async saveRollCall(
			changes: { id: string; status: RollCallStatus; lateMinutes: number | null; arrivalTime: string; note: string }[],
			at: Date,
			extra: (batch: ReturnType<Pb['createBatch']>) => number
		): Promise<boolean> {
			const batch = pb.createBatch();
			for (const c of changes) {
				batch.collection('attendance_records').update(c.id, {
					status: c.status,
					late_minutes: c.lateMinutes ?? 0,
					arrival_time: c.arrivalTime,
					note: c.note,
					recorded_at: toPbDate(at)
				});
			}
			if (extra(batch) + changes.length === 0) return true;
			try {
				await batch.send();
				return true;
			} catch (e) {
				if (isConcurrentChange(e)) return false;
				throw mapPbError(e);
			}
		}
	};
}
