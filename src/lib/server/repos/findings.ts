// findings: violations recorded at a check, with protected photo files and the written explanation.
import type { RecordModel } from 'pocketbase';
import type { Pb } from '../pb/create';
import { AppError, isStale, mapPbError, orNull, unlessStale } from '../pb/errors';
import { storedFileBytes } from '../pb/files';
import { toPbDate } from '../../domain/time';
import { isRecordId } from '../pb/query';
import type { Finding, PhotoMeta } from '../../domain/finding';

export type { Finding, PhotoMeta };

/** `photo_meta[i]` describes `photos[i]` (written together, by position): its name is the stored one. */
function photoMetaOf(r: RecordModel): PhotoMeta[] {
	const photos = (r.photos as string[]) ?? [];
	const meta = Array.isArray(r.photo_meta) ? (r.photo_meta as Partial<PhotoMeta>[]) : [];
	return meta.map((m, i) => ({ ...m, name: photos[i] ?? m.name ?? '' }) as PhotoMeta);
}

function toFinding(r: RecordModel): Finding {
	return {
		id: r.id,
		inspectionId: String(r.inspection),
		unitId: String(r.unit),
		staffId: r.staff ? String(r.staff) : null,
		staffName: String(r.expand?.staff?.full_name ?? ''),
		typeId: String(r.violation_type),
		typeCode: String(r.expand?.violation_type?.code ?? ''),
		typeName: String(r.expand?.violation_type?.name_vi ?? ''),
		defaultFixDays: Number(r.expand?.violation_type?.default_fix_days ?? 10),
		category: String(r.category),
		description: String(r.description ?? ''),
		observedAt: String(r.observed_at ?? ''),
		source: (r.source || 'manual') as Finding['source'],
		clientKey: String(r.client_key ?? ''),
		attendanceId: r.attendance ? String(r.attendance) : null,
		photos: (r.photos as string[]) ?? [],
		photoMeta: photoMetaOf(r),
		explanationStatus: (r.explanation_status || 'none') as Finding['explanationStatus'],
		explanationText: String(r.explanation_text ?? ''),
		explanationFile: String(r.explanation_file ?? ''),
		amendsId: r.amends ? String(r.amends) : null,
		amendReason: String(r.amend_reason ?? ''),
		superseded: r.superseded === true,
		withdrawn: r.withdrawn === true,
		created: String(r.created ?? ''),
		version: Number(r.version ?? 0)
	};
}

export interface NewFinding {
	/** An id the device chose (the offline outbox, docs/offline.md); PocketBase picks one when absent. */
	id?: string;
	inspectionId: string;
	unitId: string;
	staffId: string | null;
	typeId: string;
	category: string;
	description: string;
	observedAt: Date;
	source: Finding['source'];
	attendanceId?: string | null;
	clientKey: string;
	createdBy: string;
	photos?: { bytes: Uint8Array; type: string; name: string }[];
	photoMeta?: Omit<PhotoMeta, 'name'>[];
	amendsId?: string | null;
	amendReason?: string;
	explanation?: Pick<Finding, 'explanationStatus' | 'explanationText'>;
	/** A withdrawal amendment (see Finding.withdrawn): stored withdrawn and superseded. */
	withdrawn?: boolean;
}

const EXPAND = 'staff,violation_type';

export function findingsRepo(pb: Pb) {
	const col = () => pb.collection('findings');
	return {
		async get(id: string): Promise<Finding | null> {
			if (!isRecordId(id)) return null;
			const r = await orNull(col().getOne(id, { expand: EXPAND }));
			return r ? toFinding(r) : null;
		},

		/** Every finding of a check, superseded originals included (the record shows them beside their amendment). */
		async list(inspectionId: string): Promise<Finding[]> {
			const rows = await col().getFullList({
				filter: pb.filter('inspection = {:i}', { i: inspectionId }),
				sort: 'observed_at,created',
				expand: EXPAND
			});
			return rows.map(toFinding);
		},

		async byClientKey(inspectionId: string, key: string): Promise<Finding | null> {
			const r = await orNull(
				col().getFirstListItem(pb.filter('inspection = {:i} && client_key = {:k}', { i: inspectionId, k: key }), { expand: EXPAND })
			);
			return r ? toFinding(r) : null;
		},

		/**
		 * Creates a finding with its photos and their metadata in ONE write (one transaction): a crash
		 * leaves either the whole finding or nothing, never photos without their hashes and capture
		 * times. `photoMeta[i]` describes `photos[i]` (the stored name is read back by position).
		 * A repeated client key (double submit, a phone resending) is AppError('duplicate').
		 */
		async create(f: NewFinding): Promise<Finding> {
			const form = new FormData();
			if (f.id) form.append('id', f.id);
			form.append('inspection', f.inspectionId);
			form.append('unit', f.unitId);
			form.append('staff', f.staffId ?? '');
			form.append('violation_type', f.typeId);
			form.append('category', f.category);
			form.append('description', f.description);
			form.append('observed_at', toPbDate(f.observedAt));
			form.append('source', f.source);
			form.append('attendance', f.attendanceId ?? '');
			form.append('client_key', f.clientKey);
			form.append('created_by', f.createdBy);
			form.append('explanation_status', f.explanation?.explanationStatus ?? 'none');
			form.append('explanation_text', f.explanation?.explanationText ?? '');
			form.append('amends', f.amendsId ?? '');
			form.append('amend_reason', f.amendReason ?? '');
			form.append('superseded', 'false');
			for (const p of f.photos ?? []) form.append('photos', new Blob([p.bytes as BlobPart], { type: p.type }), p.name);
			if (f.photoMeta?.length) form.append('photo_meta', JSON.stringify(f.photoMeta));
			try {
				return toFinding(await col().create(form, { expand: EXPAND }));
			} catch (e) {
				throw mapPbError(e);
			}
		},

		/**
		 * An amendment in one transaction: the original marked superseded (if still at the version it was
		 * read in) and its replacement created. Null when someone else amended or changed it first. The
		 * photos are copied afterwards with {@link copyPhotos}. `extra` adds further writes to the same
		 * transaction (an accepted objection: its decision and the cancelled action).
		 */
		async amend(orig: Finding, f: NewFinding, extra?: (batch: ReturnType<Pb['createBatch']>) => void): Promise<string | null> {
			const batch = pb.createBatch();
			batch.collection('findings').update(orig.id, { superseded: true, version: orig.version + 1 });
			batch.collection('findings').create({
				inspection: f.inspectionId,
				unit: f.unitId,
				staff: f.staffId ?? '',
				violation_type: f.typeId,
				category: f.category,
				description: f.description,
				observed_at: toPbDate(f.observedAt),
				source: f.source,
				attendance: f.attendanceId ?? '',
				client_key: f.clientKey,
				created_by: f.createdBy,
				explanation_status: f.explanation?.explanationStatus ?? 'none',
				explanation_text: f.explanation?.explanationText ?? '',
				amends: orig.id,
				amend_reason: f.amendReason ?? '',
				withdrawn: f.withdrawn === true,
				superseded: f.withdrawn === true
			});
			extra?.(batch);
			let out: { body: unknown }[] = [];
			const ok = await unlessStale(batch.send().then((r) => (out = r)));
			return ok ? String((out[1]?.body as { id: string }).id) : null;
		},

		/** Copies an original's photos into its amendment (same bytes, same hashes), in one write. */
		async copyPhotos(from: Finding, toId: string): Promise<void> {
			if (from.photos.length === 0) return;
			const form = new FormData();
			const rec = { id: from.id, collectionName: 'findings', collectionId: 'pbc_findings' };
			for (const name of from.photos) {
				const f = await storedFileBytes(pb, rec, name);
				if (!f) throw new AppError('unavailable');
				form.append('photos', new Blob([f.bytes as BlobPart], { type: f.type }), name);
			}
			// The photos and their metadata in one write, by position (see `create`).
			form.append('photo_meta', JSON.stringify(from.photoMeta.map(({ name: _name, ...m }) => m)));
			await col().update(toId, form);
		},

		/**
		 * Appends one photo, written only from the version read (pb_hooks/versions.pb.js): its meta carries
		 * the device's key in the same write, so a retried upload sees it and never adds a second copy.
		 * False when someone else changed the finding first.
		 */
		async appendPhoto(
			f: Pick<Finding, 'id' | 'version' | 'photoMeta'>,
			p: { bytes: Uint8Array; type: string; name: string },
			meta: Omit<PhotoMeta, 'name'>
		): Promise<boolean> {
			const form = new FormData();
			form.append('photos+', new Blob([p.bytes as BlobPart], { type: p.type }), p.name);
			form.append('photo_meta', JSON.stringify([...f.photoMeta, { ...meta, name: '' }]));
			form.append('version', String(f.version + 1));
			let r: RecordModel;
			try {
				r = await col().update(f.id, form);
			} catch (e) {
				if (isStale(e)) return false;
				throw mapPbError(e);
			}
			// The stored name (with PocketBase's random suffix) is known only now: fill it in.
			const stored = (r.photos as string[]) ?? [];
			const metaNow = (r.photo_meta as PhotoMeta[]) ?? [];
			await col().update(f.id, { photo_meta: metaNow.map((m, i) => (m.name ? m : { ...m, name: stored[i] ?? '' })) });
			return true;
		},

		async update(
			id: string,
			p: Partial<Pick<Finding, 'description' | 'superseded' | 'explanationStatus' | 'explanationText'>> & { typeId?: string }
		) {
			const body: Record<string, unknown> = {};
			if (p.description !== undefined) body.description = p.description;
			if (p.superseded !== undefined) body.superseded = p.superseded;
			if (p.explanationStatus !== undefined) body.explanation_status = p.explanationStatus;
			if (p.explanationText !== undefined) body.explanation_text = p.explanationText;
			if (p.typeId !== undefined) body.violation_type = p.typeId;
			await col().update(id, body);
		},

		async attachExplanationFile(id: string, file: { bytes: Uint8Array; type: string; name: string }) {
			const form = new FormData();
			form.append('explanation_file', new Blob([file.bytes as BlobPart], { type: file.type }), file.name);
			await col().update(id, form);
		},

		async remove(ids: string[]): Promise<void> {
			if (ids.length === 0) return;
			const batch = pb.createBatch();
			for (const id of ids) batch.collection('findings').delete(id);
			await batch.send();
		},

		/**
		 * The roll call's automatic findings (created, updated, removed) as writes that join the roll call's
		 * own transaction (attendance repo `saveRollCall`); returns how many it added.
		 */
		attendanceOps(
			inspectionId: string,
			unitId: string,
			createdBy: string,
			at: Date,
			plan: {
				create: { attendanceId: string; staffId: string; typeId: string; category: string; description: string }[];
				update: { id: string; typeId: string; category: string; description: string }[];
				remove: string[];
			}
		) {
			return (batch: ReturnType<Pb['createBatch']>): number => {
				for (const c of plan.create) {
					batch.collection('findings').create({
						inspection: inspectionId,
						unit: unitId,
						staff: c.staffId,
						violation_type: c.typeId,
						category: c.category,
						description: c.description,
						observed_at: toPbDate(at),
						source: 'attendance',
						attendance: c.attendanceId,
						client_key: `att-${c.attendanceId}`,
						created_by: createdBy,
						explanation_status: 'none',
						superseded: false
					});
				}
				for (const u of plan.update) {
					batch.collection('findings').update(u.id, { violation_type: u.typeId, category: u.category, description: u.description });
				}
				for (const id of plan.remove) batch.collection('findings').delete(id);
				return plan.create.length + plan.update.length + plan.remove.length;
			};
		}
	};
}

export type FindingsRepo = ReturnType<typeof findingsRepo>;
