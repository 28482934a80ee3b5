// violation_types <-> domain ViolationType. Codes are stable business keys: nothing here changes one.
import type { RecordModel } from 'pocketbase';
import type { Pb } from '../pb/create';
import { mapPbError, orNull } from '../pb/errors';
import { CATEGORIES, SEVERITIES } from '../../domain/schemas/org';
import { anyOf, isRecordId } from '../pb/query';

export type Category = (typeof CATEGORIES)[number];
export type Severity = (typeof SEVERITIES)[number];

export interface ViolationType {
	id: string;
	code: string;
	category: Category;
	nameVi: string;
	nameEn: string;
	severity: Severity;
	defaultFixDays: number;
	legalBasis: string;
	notes: string;
	active: boolean;
	sortOrder: number;
}

export interface ViolationWording {
	category: Category;
	nameVi: string;
	nameEn: string;
	severity: Severity;
	defaultFixDays: number;
	legalBasis: string;
	notes: string;
}

function toType(r: RecordModel): ViolationType {
	return {
		id: r.id,
		code: String(r.code),
		category: r.category as Category,
		nameVi: String(r.name_vi ?? ''),
		nameEn: String(r.name_en ?? ''),
		severity: r.severity as Severity,
		defaultFixDays: Number(r.default_fix_days ?? 0),
		legalBasis: String(r.legal_basis ?? ''),
		notes: String(r.notes ?? ''),
		active: r.active === true,
		sortOrder: Number(r.sort_order ?? 0)
	};
}

const wordingBody = (w: ViolationWording) => ({
	category: w.category,
	name_vi: w.nameVi,
	name_en: w.nameEn,
	severity: w.severity,
	default_fix_days: w.defaultFixDays,
	legal_basis: w.legalBasis,
	notes: w.notes
});

export function violationTypesRepo(pb: Pb) {
	const col = () => pb.collection('violation_types');
	return {
		async listAll(): Promise<ViolationType[]> {
			return (await col().getFullList({ sort: 'sort_order,code' })).map(toType);
		},
		async get(id: string): Promise<ViolationType | null> {
			const r = await orNull(col().getOne(id));
			return r ? toType(r) : null;
		},
		async findByCode(code: string): Promise<ViolationType | null> {
			const r = await orNull(col().getFirstListItem(pb.filter('code = {:code}', { code })));
			return r ? toType(r) : null;
		},
		/** The active types, of `categories` when given, in catalogue order. */
		async listActive(categories?: readonly string[]): Promise<ViolationType[]> {
			const cat = categories?.length ? ' && ' + anyOf(pb, 'category', [...categories]) : '';
			return (await col().getFullList({ filter: 'active = true' + cat, sort: 'sort_order,code' })).map(toType);
		},
		/** The types with these codes (active or not), by code. */
		async byCodes(codes: readonly string[]): Promise<Map<string, ViolationType>> {
			if (codes.length === 0) return new Map();
			const rows = await col().getFullList({ filter: anyOf(pb, 'code', [...codes]) });
			return new Map(rows.map((r) => [String(r.code), toType(r)]));
		},
		/** An active type, or null (unknown id or retired). */
		async getActive(id: string): Promise<ViolationType | null> {
			if (!isRecordId(id)) return null;
			const r = await orNull(col().getOne(id));
			return r && r.active === true ? toType(r) : null;
		},
		async maxSortOrder(): Promise<number> {
			const r = await col().getList(1, 1, { sort: '-sort_order', fields: 'sort_order', skipTotal: true });
			return Number(r.items[0]?.sort_order ?? 0);
		},
		/** A taken code throws AppError('duplicate', 'code'). */
		async create(code: string, w: ViolationWording, sortOrder: number): Promise<ViolationType> {
			try {
				return toType(await col().create({ code, ...wordingBody(w), active: true, sort_order: sortOrder }));
			} catch (e) {
				throw mapPbError(e);
			}
		},
		/** Updates the wording; the code is not part of the body, so it cannot change. */
		async updateWording(id: string, w: ViolationWording): Promise<ViolationType> {
			return toType(await col().update(id, wordingBody(w)));
		},
		async setActive(id: string, active: boolean) {
			await col().update(id, { active });
		}
	};
}
