// tthc_dossiers <-> domain Dossier (issue #16 §4): the dossiers a check's team sampled, in entry order.
import type { RecordModel } from 'pocketbase';
import type { Pb } from '../pb/create';
import { AppError, isUniqueViolation, mapPbError, orNull, unlessStale } from '../pb/errors';
import { isRecordId } from '../pb/query';
import type { Dossier, DossierFacts, DossierStatus } from '../../domain/dossier-rules';

export type { Dossier };

function toDossier(r: RecordModel): Dossier {
	return {
		id: r.id,
		inspectionId: String(r.inspection),
		code: String(r.code ?? ''),
		procedure: String(r.procedure ?? ''),
		field: String(r.field ?? ''),
		receivedOn: String(r.received_on ?? ''),
		dueOn: String(r.due_on ?? ''),
		returnedOn: String(r.returned_on ?? ''),
		softwareStatus: (r.software_status || 'processing') as DossierStatus,
		paperStatus: (r.paper_status || 'processing') as DossierStatus,
		apologyIssued: r.apology_issued === true,
		apologyOn: String(r.apology_on ?? ''),
		resetCount: Number(r.reset_count ?? 0),
		position: Number(r.position ?? 0),
		version: Number(r.version ?? 0)
	};
}

const body = (d: DossierFacts) => ({
	code: d.code,
	procedure: d.procedure,
	field: d.field,
	received_on: d.receivedOn,
	due_on: d.dueOn,
	returned_on: d.returnedOn,
	software_status: d.softwareStatus,
	paper_status: d.paperStatus,
	apology_issued: d.apologyIssued,
	apology_on: d.apologyOn,
	reset_count: d.resetCount
});

export function tthcDossiersRepo(pb: Pb) {
	const col = () => pb.collection('tthc_dossiers');
	return {
		async list(inspectionId: string): Promise<Dossier[]> {
			const rows = await col().getFullList({ filter: pb.filter('inspection = {:i}', { i: inspectionId }), sort: 'position,created' });
			return rows.map(toDossier);
		},
		/**
		 * The dossiers sampled at a unit across its checks (the /tthc drill-down), newest check first, at
		 * most `limit`, each with its check's title and day of start.
		 */
		async listForUnit(unitId: string, limit = 200): Promise<(Dossier & { checkTitle: string; checkStart: string })[]> {
			if (!isRecordId(unitId)) return [];
			const res = await col().getList(1, limit, {
				filter: pb.filter('unit = {:u}', { u: unitId }),
				sort: '-inspection.scheduled_start,position,created',
				expand: 'inspection',
				fields: '*,expand.inspection.title,expand.inspection.started_at,expand.inspection.scheduled_start'
			});
			return res.items.map((r) => {
				const i = (r.expand?.inspection ?? {}) as { title?: string; started_at?: string; scheduled_start?: string };
				return { ...toDossier(r), checkTitle: String(i.title ?? ''), checkStart: String(i.started_at || i.scheduled_start || '') };
			});
		},
		async get(id: string): Promise<Dossier | null> {
			if (!isRecordId(id)) return null;
			const r = await orNull(col().getOne(id));
			return r ? toDossier(r) : null;
		},
		/**
		 * Creates dossiers in one transaction, numbered from `firstPosition`: all or none. A code the check
		 * already has is AppError('duplicate', 'code').
		 */
		async createMany(
			inspectionId: string,
			unitId: string,
			createdBy: string,
			firstPosition: number,
			ds: readonly (DossierFacts & { id?: string })[]
		): Promise<void> {
			if (ds.length === 0) return;
			const batch = pb.createBatch();
			ds.forEach((d, i) =>
				batch.collection('tthc_dossiers').create({
					...(d.id ? { id: d.id } : {}),
					inspection: inspectionId,
					unit: unitId,
					...body(d),
					position: firstPosition + i,
					created_by: createdBy,
					version: 0
				})
			);
			try {
				await batch.send();
			} catch (e) {
				if (isUniqueViolation(e)) throw new AppError('duplicate', 'code');
				throw mapPbError(e);
			}
		},
		/** Writes the dossier if it is still at `version`; false when someone else wrote first. */
		async update(id: string, version: number, d: DossierFacts): Promise<boolean> {
			try {
				return await unlessStale(col().update(id, { ...body(d), version: version + 1 }));
			} catch (e) {
				if (isUniqueViolation(e)) throw new AppError('duplicate', 'code');
				throw e;
			}
		},
		async remove(id: string): Promise<void> {
			await col().delete(id);
		}
	};
}
