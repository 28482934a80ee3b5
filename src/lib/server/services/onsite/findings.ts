/**
 * Findings and their evidence: recording a violation with photos, the written explanation (text or a
 * scan), and opening a protected file (photo, scan, signature) after authorization.
 */
import { error } from '@sveltejs/kit';
import type { Actor } from '../../../domain/user';
import { authorize } from '../../authz';
import { AppError } from '../../pb/errors';
import { SCAN_MAX_BYTES } from '../../../domain/onsite';
import { sniffFileType } from '../../../domain/file-type';
import { vnDay, vnLocalToDate } from '../../../domain/time';
import { messageKey } from '../../../i18n/t';
import { parseHints, preparePhotos } from '../../photos';
import { ok, refuse, type Result } from '../../../domain/result';
import { catalogueEntry, refuseWith, scopeOf, type OnsiteContext } from './context';

export function findingUseCases(ctx: OnsiteContext) {
	const { clock, load, editable, flags, roster } = ctx;
	const { checks, att, fnd, staff, types } = ctx.repos;

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
		 * Records a violation with up to 5 photos. The photos are checked by their bytes and size,
		 * stripped of metadata, hashed; a repeated `clientKey` (double submit) returns the first row.
		 */
		async addFinding(
			actor: Actor,
			id: string,
			input: {
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
			const type = await types.getActive(input.typeId);
			if (!type) return refuse(400, 'onsite.error.type_required');
			if (input.staffId) {
				const onRoster = (await att.list(c.id)).some((r) => r.staffId === input.staffId);
				const [s] = await staff.byIds([input.staffId]);
				if (!s) return refuse(400, 'onsite.error.not_on_roster');
				if (s.unitId !== c.unitId || !s.active) return refuseWith(409, 'onsite.error.left_unit', { person: s.fullName });
				if (!onRoster) return refuse(409, 'onsite.error.not_on_roster');
			}
			const now = clock();
			const photos = await preparePhotos(files, parseHints(input.photoMeta), input.keepLocation, now);
			if (!photos.ok) return refuseWith(400, messageKey(photos.code), photos.params);
			const observedAt = input.observedTime ? vnLocalToDate(vnDay(now), input.observedTime) : now;
			try {
				const f = await fnd.create({
					inspectionId: c.id,
					unitId: c.unitId,
					staffId: input.staffId || null,
					typeId: type.id,
					category: type.category,
					description: input.description,
					observedAt,
					source: 'manual',
					clientKey: input.clientKey,
					createdBy: actor.id,
					photos: photos.photos,
					photoMeta: photos.photos.map((p) => p.meta)
				});
				return ok({ findingId: f.id });
			} catch (e) {
				if (e instanceof AppError && e.code === 'duplicate') {
					const first = await fnd.byClientKey(c.id, input.clientKey);
					if (first) return ok({ findingId: first.id });
				}
				throw e;
			}
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

		/** A protected file, after authorization: photos and scans need `finding.view`, signatures `check.view`. */
		async openFile(actor: Actor, kind: 'photo' | 'explanation' | 'signature', recordId: string, name: string) {
			if (kind === 'signature') {
				const c = await load(actor, recordId);
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
