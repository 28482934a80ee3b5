// The demo seed: idempotent (every row is matched on its business key and created only when missing),
// so `npm start` can run it on every start without duplicating or overwriting anything.
import { readFileSync } from 'node:fs';
import type { Pb } from '../pb/create';
import { parseCsv } from '../../domain/import/csv';
import { searchKey, toNFC } from '../../domain/text';
import { OFFICIAL_ANNOUNCEMENTS_2025_2026 } from '../../domain/holidays';
import { t } from '../../i18n/t';
import { usersRepo } from '../repos/users';
import { DEMO_PASSWORD, DEMO_USERS, REFORM_REFERENCE, SEED_HISTORICAL_UNITS, SEED_UNITS, type SeedUnit } from './org';
import { seedStaffFor } from './staff';

type Log = (line: string) => void;

const CATALOGUE = new URL('./violation-catalogue.csv', import.meta.url);

export async function seedCatalogue(pb: Pb): Promise<number> {
	const parsed = parseCsv(readFileSync(CATALOGUE, 'utf8'));
	if (!parsed.ok) throw new Error('violation-catalogue.csv does not parse');
	const [header, ...rows] = parsed.records.map((r) => r.cells);
	const col = (name: string) => header!.indexOf(name);
	const existing = new Set((await pb.collection('violation_types').getFullList({ fields: 'code' })).map((r) => String(r.code)));
	let created = 0;
	let order = 0;
	for (const row of rows) {
		order += 10;
		const code = row[col('code')]!;
		if (!code || existing.has(code)) continue;
		await pb.collection('violation_types').create({
			code,
			category: row[col('category')],
			name_vi: toNFC(row[col('name_vi')]!),
			name_en: row[col('name_en')],
			severity: row[col('severity')],
			default_fix_days: Number(row[col('default_fix_days')] || 10),
			legal_basis: toNFC(row[col('legal_basis')] ?? ''),
			notes: row[col('notes')] ?? '',
			active: true,
			sort_order: order
		});
		created++;
	}
	return created;
}

async function unitIdsByCode(pb: Pb): Promise<Map<string, string>> {
	const all = await pb.collection('units').getFullList({ fields: 'id,code' });
	return new Map(all.map((r) => [String(r.code), r.id]));
}

export async function seedUnits(pb: Pb): Promise<number> {
	const ids = await unitIdsByCode(pb);
	let created = 0;
	const create = async (u: SeedUnit, active: boolean) => {
		if (ids.has(u.code)) return;
		const r = await pb.collection('units').create({
			code: u.code,
			name: u.name,
			search_key: searchKey(u.name),
			kind: u.kind,
			parent: u.parent ? ids.get(u.parent) : '',
			active,
			valid_from: active ? (u.kind === 'ward' || u.kind === 'commune' ? '2025-07-01 00:00:00.000Z' : '') : '',
			valid_to: u.validTo ? `${u.validTo} 23:59:59.000Z` : ''
		});
		ids.set(u.code, r.id);
		created++;
	};
	for (const u of SEED_UNITS) await create(u, true);
	for (const u of SEED_HISTORICAL_UNITS) await create(u, false);
	// Successors need both ends to exist.
	for (const u of SEED_HISTORICAL_UNITS) {
		if (!u.successor) continue;
		await pb.collection('units').update(ids.get(u.code)!, { successor: ids.get(u.successor) });
	}
	// The merge events of the reform, once each.
	const bySuccessor = new Map<string, SeedUnit[]>();
	for (const u of SEED_HISTORICAL_UNITS) {
		if (u.successor) bySuccessor.set(u.successor, [...(bySuccessor.get(u.successor) ?? []), u]);
	}
	const events = await pb.collection('unit_events').getFullList({ fields: 'target,kind' });
	const done = new Set(events.map((e) => `${e.kind}:${e.target}`));
	for (const [successor, sources] of bySuccessor) {
		const target = ids.get(successor)!;
		const kind = successor === 'CA.X.LONGDIENTAY' ? 'split' : 'merge';
		if (done.has(`${kind}:${target}`)) continue;
		const day = sources[0]!.validTo === '2025-02-28' ? '2025-03-01' : '2025-07-01';
		await pb.collection('unit_events').create({
			kind,
			sources: sources.map((s) => ids.get(s.code)),
			target,
			effective_date: `${day} 00:00:00.000Z`,
			reference: REFORM_REFERENCE,
			details: { seeded: true }
		});
	}
	return created;
}

export async function seedUsers(pb: Pb): Promise<number> {
	const ids = await unitIdsByCode(pb);
	const repo = usersRepo(pb);
	let created = 0;
	for (const u of DEMO_USERS) {
		if (await repo.findByEmail(u.email)) continue;
		await repo.create({
			email: u.email,
			password: DEMO_PASSWORD,
			name: u.name,
			role: u.role,
			position: u.position,
			unitId: 'unit' in u ? (ids.get(u.unit) ?? null) : null,
			active: true
		});
		created++;
	}
	return created;
}

export async function seedCalendar(pb: Pb): Promise<number> {
	const existing = new Set((await pb.collection('calendar_days').getFullList({ fields: 'date' })).map((r) => String(r.date)));
	let created = 0;
	for (const a of OFFICIAL_ANNOUNCEMENTS_2025_2026) {
		if (existing.has(a.date)) continue;
		await pb.collection('calendar_days').create({
			date: a.date,
			kind: a.kind,
			name: a.nameKey ? t('vi', a.nameKey, a.params) : (a.name ?? ''),
			reference: a.source ?? ''
		});
		existing.add(a.date);
		created++;
	}
	return created;
}

export async function seedDemo(pb: Pb, log: Log = () => {}) {
	const types = await seedCatalogue(pb);
	const units = await seedUnits(pb);
	const staff = await seedStaffFor(pb, SEED_UNITS);
	const users = await seedUsers(pb);
	const days = await seedCalendar(pb);
	log(`Seed: +${units} units, +${staff} staff, +${types} violation types, +${users} accounts, +${days} calendar days.`);
	return { types, units, staff, users, days };
}
