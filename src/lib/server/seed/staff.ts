// Demo staff: a believable roster per unit, generated deterministically (same seed → same people),
// created in PocketBase batches; people already present (by employee code) are left alone.
import type { Pb } from '../pb/create';
import { searchKey } from '../../domain/text';
import { generateStaff } from '../../domain/import/generate';
import type { SeedUnit } from './org';

const BATCH = 500;

export async function seedStaffFor(pb: Pb, units: SeedUnit[]): Promise<number> {
	const ids = new Map((await pb.collection('units').getFullList({ fields: 'id,code' })).map((r) => [String(r.code), r.id]));
	const existing = new Set((await pb.collection('staff').getFullList({ fields: 'employee_code' })).map((r) => String(r.employee_code)));
	const rows = units.flatMap((u, i) =>
		u.staff ? generateStaff(u.staff, { seed: 1000 + i, units: [{ code: u.code, kind: u.kind }], codePrefix: `${u.code}.` }) : []
	);
	const missing = rows.filter((r) => !existing.has(r.employeeCode));
	for (let i = 0; i < missing.length; i += BATCH) {
		const batch = pb.createBatch();
		for (const r of missing.slice(i, i + BATCH)) {
			batch.collection('staff').create({
				employee_code: r.employeeCode,
				full_name: r.fullName,
				search_key: searchKey(r.fullName),
				gender: r.gender ?? '',
				birth_date: r.birthDate ? `${r.birthDate} 00:00:00.000Z` : '',
				unit: ids.get(r.unitCode),
				position: r.position ?? '',
				category: r.category,
				active: r.active
			});
		}
		await batch.send();
	}
	return missing.length;
}
