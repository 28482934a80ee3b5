/**
 * Findings and their evidence: recording a violation with photos, the written explanation (text or a
 * scan), and opening a protected file (photo, scan, signature) after authorization.
 */
import { error } from '@sveltejs/kit';
import type { Actor } from '../../../domain/user';
import { authorize } from '../../authz';
import { AppError } from '../../pb/errors';
import { PHOTO_MAX_COUNT, SCAN_MAX_BYTES } from '../../../domain/onsite';
import { sniffFileType } from '../../../domain/file-type';
import { vnDay, vnLocalToDate } from '../../../domain/time';
import { messageKey } from '../../../i18n/t';
import { parseHints, preparePhotos } from '../../photos';
import { notFound, ok, refuse, stale, type Refusal, type Result } from '../../../domain/result';
import type { OnsiteCheck } from '../../repos/onsite';
import type { NewFinding } from '../../repos/findings';
import { catalogueEntry, refuseWith, scopeOf, type OnsiteContext } from './context';

/** What a new finding says, before it is checked against its check. */
export interface FindingDraft {
	/** The id the device chose (offline outbox); absent: PocketBase picks one. */
	id?: string;
	clientKey: string;
	typeId: string;
	/** A roster staff id, or '' for the unit as a whole. */
	staffId: string;
	description: string;
	/** HH:mm today (Vietnamese time), or '' for now. */
	observedTime?: string;
	keepLocation?: boolean;
	/** The phone's per-photo hints (JSON). */
	photoMeta?: string;
	source: 'manual' | 'checklist' | 'dossier';
}

/**
 * The one way a finding is recorded, from the findings page or from a checklist item marked
 * "Vi phạm": `prepare` checks the draft against the check (an active catalogue type; the person on the
 * roster and still in the unit; the photos by their bytes and size, stripped of metadata, hashed) and
 * writes nothing; `write` stores it, a repeated client key (double submit) giving back the first row.
 * `fields` names the form inputs a refusal belongs to (the checklist has one set per item).
 */
export function findingWriter(ctx: OnsiteContext) {
	const { clock } = ctx;
	const { att, fnd, staff, types } = ctx.repos;
	const at = (r: Refusal, field: string | undefined): Refusal => (field ? { ...r, fields: { [field]: r.code } } : r);

	async function prepare(
		actor: Actor,
		c: OnsiteCheck,
		d: FindingDraft,
		files: File[],
		fields: { staff?: string; photos?: string } = {}
	): Promise<NewFinding | Refusal> {
		const type = await types.getActive(d.typeId);
		if (!type) return refuse(400, 'onsite.error.type_required');
		if (d.staffId) {
			const [onRoster, [s]] = await Promise.all([att.isOnRoster(c.id, d.staffId), staff.byIds([d.staffId])]);
			if (!s) return at(refuse(400, 'onsite.error.not_on_roster'), fields.staff);
			if (s.unitId !== c.unitId || !s.active) return at(refuseWith(409, 'onsite.error.left_unit', { person: s.fullName }), fields.staff);
			if (!onRoster) return at(refuse(409, 'onsite.error.not_on_roster'), fields.staff);
		}
		const now = clock();
		const photos = await preparePhotos(files, parseHints(d.photoMeta ?? '[]'), d.keepLocation ?? false, now);
		if (!photos.ok) return at(refuseWith(400, messageKey(photos.code), photos.params), fields.photos);
		return {
			...(d.id ? { id: d.id } : {}),
			inspectionId: c.id,
			unitId: c.unitId,
			staffId: d.staffId || null,
			typeId: type.id,
			category: type.category,
			description: d.description,
			observedAt: d.observedTime ? vnLocalToDate(vnDay(now), d.observedTime) : now,
			source: d.source,
			clientKey: d.clientKey,
			createdBy: actor.id,
			photos: photos.photos,
			photoMeta: photos.photos.map((p) => p.meta)
		};
	}

	async function write(f: NewFinding): Promise<string> {
		try {
			return (await fnd.create(f)).id;
		} catch (e) {
			if (e instanceof AppError && e.code === 'duplicate') {
				const first = await fnd.byClientKey(f.inspectionId, f.clientKey);
				if (first) return first.id;
			}
			throw e;
		}
	}

	return { prepare, write };
}

export function findingUseCases(ctx: OnsiteContext) {
	const { load, editable, flags, roster } = ctx;
	const { checks, fnd, types } = ctx.repos;
	const writer = findingWriter(ctx);

	return {
		async findings(actor: Actor, id: string) {
			const c = await load(actor, id);
			const [list, all, rows] = await Promise.all([fnd.list(c.id), types.listActive(), roster(c)]);
			return {
				check: c,
				...flags(actor, c),
				findings: list,
				types: all.map(catalogueEntry),
				people: rows.map((r) => ({ id: r.staffId, name: r.staffName, position: r.staffPosition }))
			};
		},

		/**
		 * Records a violation with up to 5 photos (through `findingWriter`); a repeated `clientKey`
		 * (double submit) returns the first row.
		 */
		async addFinding(
			actor: Actor,
			id: string,
			input: {
				/** The device's own id for the finding (offline outbox); absent: PocketBase picks one. */
				id?: string;
				clientKey: string;
				staffId: string;
				typeId: string;
				description: string;
				observedTime: string;
				keepLocation: boolean;
				photoMeta: string;
			},
			files: File[]
		): Promise<Result<{ findingId: string }>> {
			const c = await load(actor, id, 'check.conduct');
			const bad = editable(c);
			if (bad) return bad;
			const dup = await fnd.byClientKey(c.id, input.clientKey);
			if (dup) return ok({ findingId: dup.id });
			const draft = await writer.prepare(actor, c, { ...input, source: 'manual' }, files);
			if ('ok' in draft) return draft;
			return ok({ findingId: await writer.write(draft) });
		},

		/**
		 * Adds one photo to a finding (the offline outbox sends them one by one so an upload resumes):
		 * `check.conduct`, an editable check, at most PHOTO_MAX_COUNT; the device's `clientKey` is kept in
		 * the photo's meta, so the same photo sent twice is stored once. Refusals: 404, 409 locked, 400 photo
		 * rules (type, size, count).
		 */
		async addFindingPhoto(
			actor: Actor,
			findingId: string,
			input: { clientKey: string; lastModified: number; lat?: number | null; lon?: number | null },
			file: File
		): Promise<Result<{ duplicate: boolean }>> {
			for (let attempt = 0; attempt < 20; attempt++) {
				const f = await fnd.get(findingId);
				if (!f) return notFound();
				const c = await load(actor, f.inspectionId, 'check.conduct');
				const bad = editable(c);
				if (bad) return bad;
				if (f.superseded) return refuse(409, 'errors.stale');
				if (f.photoMeta.some((m) => m.client_key === input.clientKey)) return ok({ duplicate: true });
				if (f.photos.length >= PHOTO_MAX_COUNT) return refuseWith(400, 'onsite.error.too_many_photos', { n: PHOTO_MAX_COUNT });
				// A position comes only when the inspector chose to keep it (the device sends none otherwise).
				const located = typeof input.lat === 'number' && typeof input.lon === 'number';
				const hint = located
					? { lastModified: input.lastModified, lat: input.lat!, lon: input.lon! }
					: { lastModified: input.lastModified };
				const prepared = await preparePhotos([file], [hint], located, ctx.clock());
				if (!prepared.ok) return refuseWith(400, messageKey(prepared.code), prepared.params);
				const p = prepared.photos[0];
				if (!p) return refuse(400, 'onsite.error.not_image', undefined, { name: file.name });
				const name = `photo-${f.photos.length + 1}.${p.name.split('.').pop()}`;
				if (await fnd.appendPhoto(f, { ...p, name }, { ...p.meta, client_key: input.clientKey })) return ok({ duplicate: false });
			}
			return stale();
		},

		async requestExplanation(actor: Actor, findingId: string): Promise<Result> {
			const f = await fnd.get(findingId);
			if (!f) error(404, 'errors.not_found');
			const c = await load(actor, f.inspectionId, 'check.conduct');
			const bad = editable(c);
			if (bad) return bad;
			if (!f.staffId) return refuse(400, 'onsite.error.explanation_needs_person');
			if (f.explanationStatus === 'none') await fnd.update(f.id, { explanationStatus: 'requested' });
			return ok();
		},

		async receiveExplanation(actor: Actor, findingId: string, text: string, file: File | null): Promise<Result> {
			const f = await fnd.get(findingId);
			if (!f) error(404, 'errors.not_found');
			const c = await load(actor, f.inspectionId, 'check.conduct');
			const bad = editable(c);
			if (bad) return bad;
			if (!f.staffId) return refuse(400, 'onsite.error.explanation_needs_person');
			const scan = file && file.size > 0 ? file : null;
			if (!text && !scan) return refuse(400, 'onsite.error.explanation_empty');
			if (scan) {
				if (scan.size > SCAN_MAX_BYTES) return refuse(400, 'onsite.error.scan_type');
				const bytes = new Uint8Array(await scan.arrayBuffer());
				const type = sniffFileType(bytes);
				if (!type || type === 'image/webp') return refuse(400, 'onsite.error.scan_type');
				await fnd.attachExplanationFile(f.id, {
					bytes,
					type,
					name: type === 'application/pdf' ? 'tuong-trinh.pdf' : `tuong-trinh.${type.slice(6)}`
				});
			}
			await fnd.update(f.id, { explanationStatus: 'received', explanationText: text });
			return ok();
		},

		/** A protected file, after authorization: photos and scans need `finding.view`, signatures `check.record`. */
		async openFile(actor: Actor, kind: 'photo' | 'explanation' | 'signature', recordId: string, name: string) {
			if (kind === 'signature') {
				const c = await load(actor, recordId);
				authorize(actor, 'check.record', scopeOf(c)); // part of the record: the unit's once final (issue #13 §1)
				return checks.openFile('inspections', c.id, 'signatures', name);
			}
			const f = await fnd.get(recordId);
			if (!f) error(404, 'errors.not_found');
			const c = await checks.get(f.inspectionId);
			if (!c) error(404, 'errors.not_found');
			authorize(actor, 'check.view', scopeOf(c));
			authorize(actor, 'finding.view', { ...scopeOf(c), unitId: f.unitId });
			return checks.openFile('findings', f.id, kind === 'photo' ? 'photos' : 'explanation_file', name);
		}
	};
}
