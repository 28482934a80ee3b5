// staff + staff_transfers <-> domain. Text is stored NFC with its search key beside it.
import type { RecordModel } from 'pocketbase';
import type { Pb } from '../pb/create';
import { mapPbError, orNull } from '../pb/errors';
import { rankBySearch, searchKey, toNFC } from '../../domain/text';
import { GENDERS, STAFF_CATEGORIES, type Gender, type StaffCategory } from '../../domain/vocabulary';
import type { StaffMember } from '../../domain/staff';
import { anyOf } from '../pb/query';

export type { StaffMember };

export interface StaffTransfer {
	id: string;
	fromUnitId: string | null;
	toUnitId: string;
	effectiveDate: string;
	reason: string;
	actorId: string | null;
	created: string;
}

export interface StaffListFilter {
	/** Restrict to these units (already expanded to a subtree); undefined = all units. */
	unitIds?: string[];
	/** A search key (searchKey() of the query): matched as a substring of the name's key or the code. */
	key?: string;
	/** The query as typed, for ranking exact diacritic matches first (with `key`). */
	query?: string;
	category?: StaffCategory;
	active?: boolean;
}

/** What a create or update writes: a staff member without the database id (contacts may be left out). */
export type StaffInput = Omit<StaffMember, 'id' | 'phone' | 'email'> & Partial<Pick<StaffMember, 'phone' | 'email'>>;

/** 'YYYY-MM-DD' ↔ PocketBase date (midnight UTC stands for the calendar day; no zone involved). */
export const dayToPb = (d: string | null) => (d ? `${d} 00:00:00.000Z` : '');
export const pbToDay = (s: unknown) => (typeof s === 'string' && s.length >= 10 ? s.slice(0, 10) : null);

export function toStaffMember(r: RecordModel): StaffMember {
	return {
		id: r.id,
		employeeCode: String(r.employee_code),
		fullName: String(r.full_name ?? ''),
		gender: (GENDERS as readonly string[]).includes(r.gender) ? (r.gender as Gender) : null,
		birthDate: pbToDay(r.birth_date),
		unitId: String(r.unit ?? ''),
		position: String(r.position ?? ''),
		phone: String(r.phone ?? ''),
		email: String(r.email ?? ''),
		category: (STAFF_CATEGORIES as readonly string[]).includes(r.category) ? (r.category as StaffCategory) : 'cong_chuc',
		active: r.active === true
	};
}

/** The stored body of a staff record: NFC text and the search key kept in sync with the name. */
export function staffBody(s: Partial<StaffInput>): Record<string, unknown> {
	const body: Record<string, unknown> = {};
	if (s.employeeCode !== undefined) body.employee_code = s.employeeCode;
	if (s.fullName !== undefined) {
		body.full_name = toNFC(s.fullName);
		body.search_key = searchKey(s.fullName);
	}
	if (s.gender !== undefined) body.gender = s.gender ?? '';
	if (s.birthDate !== undefined) body.birth_date = dayToPb(s.birthDate);
	if (s.unitId !== undefined) body.unit = s.unitId;
	if (s.position !== undefined) body.position = toNFC(s.position);
	if (s.phone !== undefined) body.phone = s.phone;
	if (s.email !== undefined) body.email = s.email;
	if (s.category !== undefined) body.category = s.category;
	if (s.active !== undefined) body.active = s.active;
	return body;
}

const LIST_FIELDS = 'id,employee_code,full_name,gender,birth_date,unit,position,phone,email,category,active';

export function staffRepo(pb: Pb) {
	const col = () => pb.collection('staff');

	function filterOf(f: StaffListFilter): string {
		const parts: string[] = [];
		if (f.unitIds) {
			if (f.unitIds.length === 0) return 'id = ""';
			parts.push(anyOf(pb, 'unit', f.unitIds));
		}
		// `~` is LIKE '%…%' on the bound value: a substring match on the accent-free key.
		if (f.key) parts.push(pb.filter('(search_key ~ {:k} || employee_code ~ {:k})', { k: f.key }));
		if (f.category) parts.push(pb.filter('category = {:c}', { c: f.category }));
		if (f.active !== undefined) parts.push(pb.filter('active = {:a}', { a: f.active }));
		return parts.join(' && ');
	}

	return {
		/**
		 * One page of the roster, ordered by employee code (codes follow unit and rank), with its total
		 * (PocketBase's COUNT on the same filter, in the same round trip).
		 */
		async list(f: StaffListFilter, page: number, perPage: number) {
			const filter = filterOf(f);
			if (f.query !== undefined && f.key) {
				// A search is ranked (exact diacritics first, domain/text.ts rankBySearch), so every match is
				// read, ranked, then paged; a search narrows the roster to a few rows, rarely more.
				const all = await col().getFullList({ filter, sort: 'employee_code', fields: LIST_FIELDS, batch: 1000 });
				const ranked = rankBySearch(all.map(toStaffMember), f.query, (s) => [s.fullName, s.employeeCode]);
				return { items: ranked.slice((page - 1) * perPage, page * perPage), total: ranked.length };
			}
			const rows = await col().getList(page, perPage, { filter, sort: 'employee_code' });
			return { items: rows.items.map(toStaffMember), total: rows.totalItems };
		},
		async get(id: string): Promise<StaffMember | null> {
			const r = await orNull(col().getOne(id, { fields: LIST_FIELDS }));
			return r ? toStaffMember(r) : null;
		},
		/** The unit's active staff today (the roster a roll call starts from). */
		async activeInUnit(unitId: string): Promise<StaffMember[]> {
			const rows = await col().getFullList({
				filter: pb.filter('unit = {:u} && active = true', { u: unitId }),
				fields: LIST_FIELDS,
				batch: 1000
			});
			return rows.map(toStaffMember);
		},
		/** The staff members with these ids (any unit, active or not), 100 ids a request. */
		async byIds(ids: readonly string[]): Promise<StaffMember[]> {
			const out: StaffMember[] = [];
			for (let i = 0; i < ids.length; i += 100) {
				const rows = await col().getFullList({ filter: anyOf(pb, 'id', ids.slice(i, i + 100)), fields: LIST_FIELDS });
				out.push(...rows.map(toStaffMember));
			}
			return out;
		},
		/** Every staff member (for export and import diffs): a few thousand rows, paged by 1,000. */
		async listAll(): Promise<StaffMember[]> {
			const rows = await col().getFullList({ fields: LIST_FIELDS, sort: 'employee_code', batch: 1000 });
			return rows.map(toStaffMember);
		},
		async create(s: StaffInput): Promise<StaffMember> {
			try {
				return toStaffMember(await col().create(staffBody(s)));
			} catch (e) {
				throw mapPbError(e);
			}
		},
		async update(id: string, patch: Partial<Omit<StaffInput, 'employeeCode' | 'unitId'>>): Promise<StaffMember> {
			try {
				return toStaffMember(await col().update(id, staffBody(patch)));
			} catch (e) {
				throw mapPbError(e);
			}
		},
		/** Moves a person and records the move, in one transaction (one batch). */
		async transfer(t: { staffId: string; fromUnitId: string; toUnitId: string; effectiveDate: string; reason: string; actorId: string }) {
			const batch = pb.createBatch();
			batch.collection('staff').update(t.staffId, { unit: t.toUnitId });
			batch.collection('staff_transfers').create({
				staff: t.staffId,
				from_unit: t.fromUnitId,
				to_unit: t.toUnitId,
				effective_date: dayToPb(t.effectiveDate),
				reason: toNFC(t.reason),
				actor: t.actorId
			});
			try {
				await batch.send();
			} catch (e) {
				throw mapPbError(e);
			}
		},
		async transfers(staffId: string): Promise<StaffTransfer[]> {
			const rows = await pb.collection('staff_transfers').getFullList({
				filter: pb.filter('staff = {:s}', { s: staffId }),
				sort: '-effective_date,-created'
			});
			return rows.map((r) => ({
				id: r.id,
				fromUnitId: r.from_unit ? String(r.from_unit) : null,
				toUnitId: String(r.to_unit),
				effectiveDate: pbToDay(r.effective_date) ?? '',
				reason: String(r.reason ?? ''),
				actorId: r.actor ? String(r.actor) : null,
				created: String(r.created ?? '')
			}));
		}
	};
}
