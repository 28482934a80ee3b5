// Fixtures for the organisation tests: staff, a check and a finding on a unit, an admin actor.
import { superPb, uid, makeUser } from './services';
import { toActor, type Actor } from '../../src/lib/domain/user';

export async function makeStaff(unitId: string, name = 'Nguyễn Văn An', active = true) {
	const pb = await superPb();
	return pb.collection('staff').create({
		employee_code: uid('NV'),
		full_name: name,
		search_key: name.toLowerCase(),
		unit: unitId,
		category: 'cong_chuc',
		active
	});
}

let violationTypeId: string | null = null;
async function violationType(): Promise<string> {
	if (violationTypeId) return violationTypeId;
	const pb = await superPb();
	const r = await pb.collection('violation_types').create({
		code: uid('TEST-').toUpperCase(),
		category: 'attendance',
		name_vi: 'Đi muộn',
		severity: 'low',
		active: true
	});
	violationTypeId = r.id;
	return r.id;
}

export async function makeCheck(unitId: string) {
	const pb = await superPb();
	return pb.collection('inspections').create({
		kind: 'scheduled',
		unit: unitId,
		scheduled_start: '2026-03-02 01:00:00.000Z',
		scheduled_end: '2026-03-02 04:00:00.000Z',
		status: 'completed'
	});
}

export async function makeFinding(unitId: string, staffId?: string) {
	const pb = await superPb();
	const check = await makeCheck(unitId);
	return pb.collection('findings').create({
		inspection: check.id,
		unit: unitId,
		staff: staffId ?? '',
		violation_type: await violationType(),
		category: 'attendance',
		observed_at: '2026-03-02 01:30:00.000Z',
		superseded: false
	});
}

export async function makeAdmin(): Promise<Actor> {
	return toActor(await makeUser('admin'));
}

export async function unitRow(id: string) {
	return (await superPb()).collection('units').getOne(id);
}
