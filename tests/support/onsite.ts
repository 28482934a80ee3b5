// Fixtures for the on-site inspection: a unit with a roster, a planned check with a lead and a member,
// the catalogue and the announced days off. Each call makes its own unit and people.
import { superPb, makeUnit, makeUser, uid } from './services';
import { seedCalendar, seedCatalogue } from '../../src/lib/server/seed/index';

let seeded = false;
let createdTypes: string[] = [];
let createdDays: string[] = [];

/**
 * The catalogue and calendar the on-site rules need (ATT-* codes, working days). The integration files
 * share one PocketBase and seed.test.ts expects to be the first to seed it, so what this adds is removed
 * again by {@link removeSeededCatalogue} (with the findings and actions that point at it).
 */
export async function ensureCatalogue() {
	if (seeded) return;
	const pb = await superPb();
	const typesBefore = new Set((await pb.collection('violation_types').getFullList({ fields: 'id' })).map((r) => r.id));
	const daysBefore = new Set((await pb.collection('calendar_days').getFullList({ fields: 'id' })).map((r) => r.id));
	await seedCatalogue(pb);
	await seedCalendar(pb);
	createdTypes = (await pb.collection('violation_types').getFullList({ fields: 'id' }))
		.map((r) => r.id)
		.filter((id) => !typesBefore.has(id));
	createdDays = (await pb.collection('calendar_days').getFullList({ fields: 'id' })).map((r) => r.id).filter((id) => !daysBefore.has(id));
	seeded = true;
}

export async function removeSeededCatalogue() {
	if (!seeded) return;
	const pb = await superPb();
	for (const type of createdTypes) {
		const findings = await pb
			.collection('findings')
			.getFullList({ filter: pb.filter('violation_type = {:t}', { t: type }), fields: 'id,amends', sort: '-created' });
		for (const f of findings) {
			const actions = await pb
				.collection('corrective_actions')
				.getFullList({ filter: pb.filter('findings ~ {:f}', { f: f.id }), fields: 'id' });
			for (const a of actions) await pb.collection('corrective_actions').delete(a.id);
		}
		// Amendments first: they point at their originals.
		for (const f of [...findings].sort((a, b) => Number(!a.amends) - Number(!b.amends))) await pb.collection('findings').delete(f.id);
		await pb.collection('violation_types').delete(type);
	}
	for (const d of createdDays) await pb.collection('calendar_days').delete(d);
	seeded = false;
}

export async function makeRoster(unitId: string, n: number) {
	const pb = await superPb();
	const batch = pb.createBatch();
	const names = ['Trần Văn Hậu', 'Lê Thị Bích Trâm', 'Phạm Hữu Lộc', 'Ngô Minh Trí', 'Phan Thị Mỹ Duyên'];
	for (let i = 0; i < n; i++) {
		batch.collection('staff').create({
			employee_code: uid('NV.'),
			full_name: `${names[i % names.length]} ${String(i + 1).padStart(2, '0')}`,
			unit: unitId,
			position: 'Công chức',
			category: 'cong_chuc',
			active: true
		});
	}
	const r = await batch.send();
	return r.map((x) => x.body as { id: string; full_name: string });
}

export async function makeCheck(opts: { staff?: number; withLead?: boolean; unitName?: string; kind?: 'scheduled' | 'surprise' } = {}) {
	await ensureCatalogue();
	const pb = await superPb();
	const unit = await makeUnit(opts.unitName ?? 'phường Thử Nghiệm');
	const staff = await makeRoster(unit.id, opts.staff ?? 6);
	const lead = await makeUser('inspector', { name: 'Lâm Quốc Thịnh' });
	const member = await makeUser('inspector', { name: 'Đặng Minh Khoa' });
	const check = await pb.collection('inspections').create({
		kind: opts.kind ?? 'scheduled',
		unit: unit.id,
		scheduled_start: '2026-03-02 00:30:00.000Z',
		scheduled_end: '2026-03-02 04:00:00.000Z',
		lead: opts.withLead === false ? '' : lead.id,
		team: [lead.id, member.id],
		status: 'planned',
		focus: ['attendance', 'office_culture', 'procedures']
	});
	return { unit, staff, lead, member, check };
}

export async function typeId(code: string) {
	const pb = await superPb();
	return (await pb.collection('violation_types').getFirstListItem(pb.filter('code = {:c}', { c: code }))).id;
}

/** A real (tiny) JPEG: 8×8 grey, baseline. */
export const TINY_JPEG = Buffer.from(
	'/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAAMCAgICAgMCAgIDAwMDBAYEBAQEBAgGBgUGCQgKCgkICQkKDA8MCgsOCwkJDRENDg8QEBEQCgwSExIQEw8QEBD/yQALCAAIAAgBAREA/8wABgAQEAX/2gAIAQEAAD8A0s8g/9k=',
	'base64'
);

export function photo(bytes: Uint8Array = TINY_JPEG, name = 'vi-pham.jpg', type = 'image/jpeg') {
	return new File([bytes as BlobPart], name, { type, lastModified: Date.UTC(2026, 2, 2, 0, 40) });
}
