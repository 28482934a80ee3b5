// The unit tree on a real PocketBase: create, move (cycles refused), deactivate (history kept), unique
// codes, and merging with undo (staff moved with transfer rows, findings left on the old units).
import { describe, expect, test } from 'vitest';
import { makeUnit, makeUser, superPb, testServices, uid, valueOf } from '../support/services';
import { makeAdmin, makeCheck, makeFinding, makeStaff, unitRow } from '../support/org';
import { failure, parseForm } from '../../src/lib/server/forms';
import { unitMergeSchema, type UnitMergeInput } from '../../src/lib/domain/schemas/org';
import { toActor } from '../../src/lib/domain/user';

function mergeForm(fields: Record<string, string | string[]>): UnitMergeInput {
	const f = new FormData();
	for (const [k, v] of Object.entries(fields)) for (const x of [v].flat()) f.append(k, x);
	const r = parseForm(unitMergeSchema, f);
	if (!r.ok) throw new Error(JSON.stringify(failure('vi', r, f).errors));
	return r.value;
}

async function transfersOf(eventId: string) {
	const pb = await superPb();
	return pb.collection('staff_transfers').getFullList({ filter: pb.filter('unit_event = {:e}', { e: eventId }) });
}

describe('tree rules', () => {
	test('a new unit is listed under its parent with its active staff count', async () => {
		const s = await testServices();
		const admin = await makeAdmin();
		const root = await makeUnit('Sở thử nghiệm');
		const code = uid('PX.');
		const r = await s.units.create(admin, { code, name: 'Phòng Tổ chức', kind: 'office', parent: root.id });
		expect(r.ok).toBe(true);
		if (!r.ok) return;
		await makeStaff(r.value.id, 'Trần Thị Bình');
		await makeStaff(r.value.id, 'Lê Văn Cường');
		await makeStaff(r.value.id, 'Phạm Văn Dũng', false);
		const tree = await s.units.tree(admin);
		const i = tree.findIndex((row) => row.id === root.id);
		const child = tree.find((row) => row.id === r.value.id)!;
		expect(child.depth).toBe(tree[i]!.depth + 1);
		expect(child.activeStaff).toBe(2);
		expect(tree.indexOf(child)).toBeGreaterThan(i);
	});

	test('a new or renamed unit shows at once in the check pages’ unit picker (no stale copy of the tree)', async () => {
		const s = await testServices();
		const admin = await makeAdmin();
		const leader = toActor(await makeUser('leader'));
		const code = uid('PX.');
		expect((await s.checks.unitOptions(leader)).some((u) => u.name === 'Phường Mới Lập')).toBe(false);
		const r = await s.units.create(admin, { code, name: 'Phường Mới Lập', kind: 'ward', parent: '' });
		if (!r.ok) throw new Error(r.code);
		expect((await s.checks.unitOptions(leader)).find((u) => u.id === r.value.id)?.name).toBe('Phường Mới Lập');
		expect((await s.units.rename(admin, r.value.id, { name: 'Phường Đổi Tên', kind: 'ward' })).ok).toBe(true);
		expect((await s.checks.unitOptions(leader)).find((u) => u.id === r.value.id)?.name).toBe('Phường Đổi Tên');
	});

	test('a duplicate unit code is refused with a clear message and nothing is created', async () => {
		const s = await testServices();
		const admin = await makeAdmin();
		const existing = await makeUnit('Phường thử');
		const r = await s.units.create(admin, { code: existing.code, name: 'Phường khác', kind: 'ward', parent: null });
		expect(r).toMatchObject({ ok: false, status: 400, code: 'units.error.code_taken', fields: { code: 'units.error.code_taken' } });
		const pb = await superPb();
		const same = await pb.collection('units').getFullList({ filter: pb.filter('code = {:c}', { c: existing.code }) });
		expect(same).toHaveLength(1);
	});

	test('an unknown parent is refused', async () => {
		const s = await testServices();
		const admin = await makeAdmin();
		const code = uid('PX.');
		const r = await s.units.create(admin, { code, name: 'Phòng mồ côi', kind: 'office', parent: 'aaaaaaaaaaaaaaa' });
		expect(r).toMatchObject({ ok: false, code: 'units.error.parent_unknown' });
		const pb = await superPb();
		expect((await pb.collection('units').getList(1, 1, { filter: pb.filter('code = {:c}', { c: code }) })).totalItems).toBe(0);
	});

	test('moving a unit under itself or its own descendant is refused; under a sibling works', async () => {
		const s = await testServices();
		const admin = await makeAdmin();
		const top = await makeUnit('Sở A');
		const mid = await makeUnit('Phòng B', top.id);
		const low = await makeUnit('Tổ C', mid.id);
		const other = await makeUnit('Sở D');
		expect(await s.units.move(admin, top.id, top.id)).toMatchObject({ ok: false, status: 409, code: 'units.error.cycle_self' });
		expect(await s.units.move(admin, top.id, low.id)).toMatchObject({ ok: false, status: 409, code: 'units.error.cycle_descendant' });
		expect((await unitRow(top.id)).parent).toBe('');
		expect(await s.units.move(admin, mid.id, other.id)).toEqual({ ok: true, value: undefined });
		expect((await unitRow(mid.id)).parent).toBe(other.id);
		// The move is in the unit's history.
		const d = await valueOf(s.units.detail(admin, mid.id));
		expect(d.events.map((e) => e.kind)).toContain('move');
	});

	test('a deactivated unit keeps its findings and stays listed as inactive', async () => {
		const s = await testServices();
		const admin = await makeAdmin();
		const unit = await makeUnit('Phường sắp giải thể');
		const person = await makeStaff(unit.id);
		const finding = await makeFinding(unit.id, person.id);
		// Active staff block deactivation (they would be orphaned).
		expect(await s.units.setActive(admin, unit.id, false)).toMatchObject({ ok: false, code: 'units.error.has_active_staff' });
		await (await superPb()).collection('staff').update(person.id, { active: false });
		expect((await s.units.setActive(admin, unit.id, false)).ok).toBe(true);
		const pb = await superPb();
		expect((await pb.collection('findings').getOne(finding.id)).unit).toBe(unit.id);
		const row = await unitRow(unit.id);
		expect(row.active).toBe(false);
		expect(row.valid_to).not.toBe('');
		expect((await s.units.tree(admin)).some((r) => r.id === unit.id)).toBe(false);
		const withInactive = await s.units.tree(admin, { includeInactive: true });
		expect(withInactive.find((r) => r.id === unit.id)).toMatchObject({ active: false });
		expect((await s.units.setActive(admin, unit.id, true)).ok).toBe(true);
		expect((await unitRow(unit.id)).active).toBe(true);
	});

	test('a unit with active sub-units cannot be deactivated', async () => {
		const s = await testServices();
		const admin = await makeAdmin();
		const parent = await makeUnit('Sở còn phòng');
		await makeUnit('Phòng đang hoạt động', parent.id);
		expect(await s.units.setActive(admin, parent.id, false)).toMatchObject({ ok: false, code: 'units.error.has_active_children' });
		expect((await unitRow(parent.id)).active).toBe(true);
	});

	test('only an admin may change the tree; a leader reads it; a unit head may not even read it', async () => {
		const s = await testServices();
		const unit = await makeUnit();
		const leader = toActor(await makeUser('leader'));
		const head = toActor(await makeUser('unit_head', { unitId: unit.id }));
		await expect(s.units.rename(leader, unit.id, { name: 'Tên mới', kind: 'ward' })).rejects.toMatchObject({ status: 403 });
		expect((await s.units.tree(leader)).length).toBeGreaterThan(0);
		await expect(s.units.tree(head)).rejects.toMatchObject({ status: 403 });
		expect((await unitRow(unit.id)).name).toBe('Đơn vị thử');
	});
});

describe('merging units', () => {
	async function setup() {
		const s = await testServices();
		const admin = await makeAdmin();
		const province = await makeUnit('Tỉnh thử');
		const a = await makeUnit('phường Mỹ Phước', province.id);
		const b = await makeUnit('phường Mỹ Thuận', province.id);
		const c = await makeUnit('phường Mỹ Hưng', province.id);
		const aStaff = [await makeStaff(a.id, 'Nguyễn Văn An'), await makeStaff(a.id, 'Trần Thị Bích')];
		const bStaff = [await makeStaff(b.id, 'Lê Văn Cường')];
		const aLeft = await makeStaff(a.id, 'Đỗ Thị Dung', false);
		const cStaff = await makeStaff(c.id, 'Phạm Văn Em');
		const findingA = await makeFinding(a.id, aStaff[0]!.id);
		const findingB = await makeFinding(b.id);
		return { s, admin, province, a, b, c, aStaff, bStaff, aLeft, cStaff, findingA, findingB };
	}

	test('merging A and B into C moves active staff with transfer rows, retires A and B, leaves findings on them; undo restores everything', async () => {
		const { s, admin, a, b, c, aStaff, bStaff, aLeft, findingA, findingB } = await setup();
		const r = await s.units.merge(
			admin,
			mergeForm({
				sources: [a.id, b.id],
				target_mode: 'existing',
				target: c.id,
				effective_date: '01/07/2025',
				reference: 'Nghị quyết 1234/NQ-UBTVQH15'
			})
		);
		expect(r.ok).toBe(true);
		if (!r.ok) return;
		const pb = await superPb();
		for (const p of [...aStaff, ...bStaff]) expect((await pb.collection('staff').getOne(p.id)).unit).toBe(c.id);
		// A person who had already left stays in the old unit's history.
		expect((await pb.collection('staff').getOne(aLeft.id)).unit).toBe(a.id);
		const transfers = await transfersOf(r.value.eventId);
		expect(transfers).toHaveLength(3);
		for (const t of transfers) {
			expect(t.to_unit).toBe(c.id);
			expect(t.effective_date.slice(0, 10)).toBe('2025-07-01');
		}
		expect(transfers.map((t) => t.from_unit).sort()).toEqual([a.id, a.id, b.id].sort());
		for (const u of [a, b]) {
			const row = await unitRow(u.id);
			expect(row).toMatchObject({ active: false, successor: c.id });
			expect(row.valid_to.slice(0, 10)).toBe('2025-06-30');
		}
		expect((await pb.collection('findings').getOne(findingA.id)).unit).toBe(a.id);
		expect((await pb.collection('findings').getOne(findingB.id)).unit).toBe(b.id);
		const event = await pb.collection('unit_events').getOne(r.value.eventId);
		expect(event).toMatchObject({ kind: 'merge', target: c.id, reference: 'Nghị quyết 1234/NQ-UBTVQH15', undone: false });
		expect([...event.sources].sort()).toEqual([a.id, b.id].sort());
		// Staff counts follow.
		const tree = await s.units.tree(admin);
		expect(tree.find((row) => row.id === c.id)!.activeStaff).toBe(4);

		const u = await s.units.undoMerge(admin, r.value.eventId);
		expect(u.ok).toBe(true);
		for (const p of aStaff) expect((await pb.collection('staff').getOne(p.id)).unit).toBe(a.id);
		for (const p of bStaff) expect((await pb.collection('staff').getOne(p.id)).unit).toBe(b.id);
		for (const x of [a, b]) expect(await unitRow(x.id)).toMatchObject({ active: true, successor: '', valid_to: '' });
		expect(await transfersOf(r.value.eventId)).toHaveLength(0);
		expect((await pb.collection('unit_events').getOne(r.value.eventId)).undone).toBe(true);
		expect((await pb.collection('findings').getOne(findingA.id)).unit).toBe(a.id);
		// Undoing twice is refused.
		expect(await s.units.undoMerge(admin, r.value.eventId)).toMatchObject({ ok: false, code: 'units.error.undo_already' });
		// The merge and its undo are audited with the actor.
		const audit = await pb.collection('audit_log').getFullList({ filter: pb.filter('target_id = {:e}', { e: r.value.eventId }) });
		expect(audit.map((x) => [x.action, x.actor]).sort()).toEqual([
			['unit.merge', admin.id],
			['unit.merge_undo', admin.id]
		]);
	});

	// ~7,000 audited writes (fixtures, merge, undo): each batch item runs a JS request hook of the audit
	// trail, measured at ~3–10 ms apiece on this machine (docs/audit.md, "Cost"); hence the longer limit.
	test('a merge of more than a thousand people runs in one transaction, and undo brings them back', async () => {
		const { s, admin, a, b, c } = await setup();
		const pb = await superPb();
		for (let k = 0; k < 3; k++) {
			const batch = pb.createBatch();
			for (let i = 0; i < 400; i++) {
				batch.collection('staff').create({
					employee_code: uid('NV'),
					full_name: `Cán bộ ${k}-${i}`,
					search_key: `can bo ${k}-${i}`,
					unit: a.id,
					category: 'cong_chuc',
					active: true
				});
			}
			await batch.send();
		}
		const r = await s.units.merge(
			admin,
			mergeForm({ sources: [a.id, b.id], target_mode: 'existing', target: c.id, effective_date: '01/07/2025', reference: 'NQ lớn' })
		);
		if (!r.ok) throw new Error(r.code);
		const count = async (u: string) =>
			(await pb.collection('staff').getList(1, 1, { filter: pb.filter('unit = {:u} && active = true', { u }) })).totalItems;
		// 1,200 + the two already in A and one in B, plus C's own.
		expect(await count(c.id)).toBe(1200 + 3 + 1);
		expect(await count(a.id)).toBe(0);
		expect((await transfersOf(r.value.eventId)).length).toBe(1203);
		expect((await s.units.undoMerge(admin, r.value.eventId)).ok).toBe(true);
		expect(await count(a.id)).toBe(1202);
		expect(await count(c.id)).toBe(1);
	}, 180_000);

	test('undo is refused once C has a new record (a check), and nothing changes', async () => {
		const { s, admin, a, b, c, aStaff } = await setup();
		const r = await s.units.merge(
			admin,
			mergeForm({ sources: [a.id, b.id], target_mode: 'existing', target: c.id, effective_date: '01/07/2025', reference: 'NQ thử' })
		);
		if (!r.ok) throw new Error(r.code);
		await makeCheck(c.id);
		expect(await s.units.undoMerge(admin, r.value.eventId)).toMatchObject({ ok: false, status: 409, code: 'units.error.undo_new_records' });
		const pb = await superPb();
		expect((await pb.collection('staff').getOne(aStaff[0]!.id)).unit).toBe(c.id);
		expect(await unitRow(a.id)).toMatchObject({ active: false, successor: c.id });
		expect((await pb.collection('unit_events').getOne(r.value.eventId)).undone).toBe(false);
	});

	test('undo is refused once C has a new staff member', async () => {
		const { s, admin, a, b, c } = await setup();
		const r = await s.units.merge(
			admin,
			mergeForm({ sources: [a.id, b.id], target_mode: 'existing', target: c.id, effective_date: '01/07/2025', reference: 'NQ thử' })
		);
		if (!r.ok) throw new Error(r.code);
		await makeStaff(c.id, 'Người mới');
		expect(await s.units.undoMerge(admin, r.value.eventId)).toMatchObject({ ok: false, code: 'units.error.undo_new_records' });
	});

	test('merging into a new unit creates it with the effective date; undo retires it again', async () => {
		const { s, admin, province, a, b, aStaff } = await setup();
		const code = uid('MG.');
		const r = await s.units.merge(
			admin,
			mergeForm({
				sources: [a.id, b.id],
				target_mode: 'new',
				new_code: code,
				new_name: 'phường Mỹ An',
				new_kind: 'ward',
				new_parent: province.id,
				effective_date: '1/7/2025',
				reference: 'NQ thử'
			})
		);
		if (!r.ok) throw new Error(r.code);
		const c = await unitRow(r.value.targetId);
		expect(c).toMatchObject({ code, name: 'phường Mỹ An', parent: province.id, active: true });
		expect(c.valid_from.slice(0, 10)).toBe('2025-07-01');
		const pb = await superPb();
		expect((await pb.collection('staff').getOne(aStaff[1]!.id)).unit).toBe(c.id);
		expect((await s.units.undoMerge(admin, r.value.eventId)).ok).toBe(true);
		expect((await unitRow(c.id)).active).toBe(false);
		expect((await pb.collection('staff').getOne(aStaff[1]!.id)).unit).toBe(a.id);
	});

	test('merging a unit into itself or into its own descendant is refused and nothing moves', async () => {
		const { s, admin, a, b, c, aStaff } = await setup();
		const child = await makeUnit('Tổ thuộc phường A', a.id);
		const self = await s.units.merge(
			admin,
			mergeForm({ sources: [a.id, c.id], target_mode: 'existing', target: c.id, effective_date: '01/07/2025', reference: 'x' })
		);
		expect(self).toMatchObject({ ok: false, status: 409, code: 'units.error.merge_into_self' });
		const down = await s.units.merge(
			admin,
			mergeForm({ sources: [a.id, b.id], target_mode: 'existing', target: child.id, effective_date: '01/07/2025', reference: 'x' })
		);
		expect(down).toMatchObject({ ok: false, status: 409, code: 'units.error.merge_into_descendant' });
		const newUnder = await s.units.merge(
			admin,
			mergeForm({
				sources: [a.id],
				target_mode: 'new',
				new_code: uid('MG.'),
				new_name: 'Mới',
				new_kind: 'ward',
				new_parent: child.id,
				effective_date: '01/07/2025',
				reference: 'x'
			})
		);
		expect(newUnder).toMatchObject({ ok: false, code: 'units.error.merge_into_descendant' });
		const pb = await superPb();
		expect((await pb.collection('staff').getOne(aStaff[0]!.id)).unit).toBe(a.id);
		expect((await unitRow(a.id)).active).toBe(true);
	});

	test('a malformed effective date (31/02/2025) and a missing reference are refused before anything is saved', () => {
		const f = new FormData();
		f.append('sources', 'aaaaaaaaaaaaaaa');
		f.append('target_mode', 'existing');
		f.append('target', 'bbbbbbbbbbbbbbb');
		f.append('effective_date', '31/02/2025');
		f.append('reference', '   ');
		const r = parseForm(unitMergeSchema, f);
		expect(r.ok).toBe(false);
		if (r.ok) return;
		expect(failure('vi', r, f).errors.effective_date).toBe(
			'Ngày không hợp lệ. Nhập theo dạng ngày/tháng/năm (dd/mm/yyyy), ví dụ 01/07/2025.'
		);
		expect(failure('vi', r, f).errors.reference).toBe('Vui lòng nhập thông tin này.');
	});

	test('a sub-unit of a merged unit moves under the receiving unit, and back on undo', async () => {
		const { s, admin, a, b, c } = await setup();
		const team = await makeUnit('Tổ một cửa', a.id);
		const r = await s.units.merge(
			admin,
			mergeForm({ sources: [a.id, b.id], target_mode: 'existing', target: c.id, effective_date: '01/07/2025', reference: 'x' })
		);
		if (!r.ok) throw new Error(r.code);
		expect((await unitRow(team.id)).parent).toBe(c.id);
		expect((await s.units.undoMerge(admin, r.value.eventId)).ok).toBe(true);
		expect((await unitRow(team.id)).parent).toBe(a.id);
	});
});

describe('undo after later changes', () => {
	test('undo is refused when a moved person has been transferred elsewhere since', async () => {
		const s = await testServices();
		const admin = await makeAdmin();
		const a = await makeUnit('phường Một');
		const c = await makeUnit('phường Hai');
		const d = await makeUnit('phường Ba');
		const p = await makeStaff(a.id);
		const r = await s.units.merge(
			admin,
			mergeForm({ sources: a.id, target_mode: 'existing', target: c.id, effective_date: '01/07/2025', reference: 'x' })
		);
		if (!r.ok) throw new Error(r.code);
		await (await superPb()).collection('staff').update(p.id, { unit: d.id });
		expect(await s.units.undoMerge(admin, r.value.eventId)).toMatchObject({ ok: false, code: 'units.error.undo_changed' });
		expect((await unitRow(a.id)).active).toBe(false);
	});
});

describe('audit', () => {
	test('create, rename, move, deactivate and reactivate are each audited with the admin as actor', async () => {
		const s = await testServices();
		const admin = await makeAdmin();
		const parent = await makeUnit('Sở Kiểm toán thử');
		const r = await s.units.create(admin, { code: uid('AU.'), name: 'Phòng A', kind: 'office', parent: null });
		if (!r.ok) throw new Error(r.code);
		const id = r.value.id;
		await s.units.rename(admin, id, { name: 'Phòng B', kind: 'office' });
		await s.units.move(admin, id, parent.id);
		await s.units.setActive(admin, id, false);
		await s.units.setActive(admin, id, true);
		const pb = await superPb();
		const rows = await pb.collection('audit_log').getFullList({ filter: pb.filter('target_id = {:id}', { id }), sort: 'created' });
		expect(rows.map((x) => x.action).sort()).toEqual(['unit.create', 'unit.deactivate', 'unit.move', 'unit.reactivate', 'unit.rename']);
		expect(new Set(rows.map((x) => x.actor))).toEqual(new Set([admin.id]));
	});
});
