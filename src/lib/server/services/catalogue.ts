// The violation catalogue: list by category, add, edit wording, deactivate/reactivate. Codes are stable:
// findings and reports refer to them, so a code is set once and never edited (a wrong code is
// deactivated and a new one added).
import type { Actor } from '../../domain/user';
import { authorize } from '../authz';
import type { Pb } from '../pb/create';
import { AppError } from '../pb/errors';
import { auditRepo } from '../repos/audit';
import { violationTypesRepo, type ViolationType, type ViolationWording } from '../repos/violation-types';
import { CATEGORIES, type CatalogueCreateInput, type CatalogueEditInput } from '../../domain/schemas/org';
import { ok, refuse, notFound, type Result } from '../../domain/result';

const wording = (i: CatalogueEditInput): ViolationWording => ({
	category: i.category,
	nameVi: i.name_vi,
	nameEn: i.name_en,
	severity: i.severity,
	defaultFixDays: i.default_fix_days,
	legalBasis: i.legal_basis,
	notes: i.notes
});

export function catalogueService(pb: Pb) {
	const repo = violationTypesRepo(pb);
	const audit = auditRepo(pb);
	return {
		/** Every violation type, grouped by category in catalogue order. Authz: catalogue.manage. */
		async byCategory(actor: Actor): Promise<{ category: (typeof CATEGORIES)[number]; types: ViolationType[] }[]> {
			authorize(actor, 'catalogue.manage');
			const all = await repo.listAll();
			return CATEGORIES.map((category) => ({ category, types: all.filter((t) => t.category === category) })).filter(
				(g) => g.types.length > 0
			);
		},

		/** One violation type. Authz: catalogue.manage. Refusal: 404. */
		async get(actor: Actor, id: string): Promise<Result<ViolationType>> {
			authorize(actor, 'catalogue.manage');
			const t = await repo.get(id);
			return t ? ok(t) : notFound();
		},

		/** Adds a type at the end of the catalogue. Authz: catalogue.manage. Refusal: catalogue.error.code_taken. */
		async create(actor: Actor, input: CatalogueCreateInput): Promise<Result<ViolationType>> {
			authorize(actor, 'catalogue.manage');
			if (await repo.findByCode(input.code)) return refuse(400, 'catalogue.error.code_taken', 'code');
			let created: ViolationType;
			try {
				created = await repo.create(input.code, wording(input), (await repo.maxSortOrder()) + 10);
			} catch (e) {
				if (e instanceof AppError && e.code === 'duplicate') return refuse(400, 'catalogue.error.code_taken', 'code');
				throw e;
			}
			await audit.write({ actorId: actor.id, action: 'catalogue.create', collection: 'violation_types', id: created.id, data: input });
			return ok(created);
		},

		/** Edits the wording (names, category, severity, fix days, legal basis, notes), never the code. Authz: catalogue.manage. */
		async update(actor: Actor, id: string, input: CatalogueEditInput): Promise<Result> {
			authorize(actor, 'catalogue.manage');
			const before = await repo.get(id);
			if (!before) return notFound();
			await repo.updateWording(id, wording(input));
			await audit.write({
				actorId: actor.id,
				action: 'catalogue.update',
				collection: 'violation_types',
				id,
				data: { code: before.code, from: before, to: input }
			});
			return ok();
		},

		/** Deactivated types stay on old findings but are no longer offered. Authz: catalogue.manage. */
		async setActive(actor: Actor, id: string, active: boolean): Promise<Result> {
			authorize(actor, 'catalogue.manage');
			const t = await repo.get(id);
			if (!t) return notFound();
			if (t.active !== active) await repo.setActive(id, active);
			await audit.write({
				actorId: actor.id,
				action: active ? 'catalogue.reactivate' : 'catalogue.deactivate',
				collection: 'violation_types',
				id,
				data: { code: t.code }
			});
			return ok();
		}
	};
}
