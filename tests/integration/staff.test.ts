// The staff roster through the service: accent-insensitive search, server-side pages, transfers with
// history, and unit heads confined to their own unit.
import { beforeAll, describe, expect, test } from 'vitest';
import { makeUnit, makeUser, superPb, testServices, uid, valueOf } from '../support/services';
import { readStaffQuery } from '../../src/lib/domain/schemas/staff';
import { toActor, type Actor } from '../../src/lib/domain/user';
import type { Services } from '../../src/lib/server/app';

const q = (s: string) => readStaffQuery(new URLSearchParams(s));

async function status(p: Promise<unknown>): Promise<number> {
	try {
		await p;
		return 200;
	} catch (e) {
		return (e as { status?: number }).status ?? 500;
	}
}

describe('staff roster', () => {
	let s: Services;
	let admin: Actor;
	let unitA: { id: string };
	let unitB: { id: string };
	let child: { id: string };
	const tag = uid();

	beforeAll(async () => {
		s = await testServices();
		admin = toActor(await makeUser('admin'));
		unitA = await makeUnit('phường Thử A');
		unitB = await makeUnit('xã Thử B');
		child = await makeUnit('Tổ Thử con', unitA.id);
	});

	async function person(
		name: string,
		unitId: string,
		extra: Partial<{ category: 'can_bo' | 'cong_chuc' | 'vien_chuc' | 'contract' }> = {}
	) {
		const r = await s.staff.create(admin, {
			employeeCode: uid(`${tag}.`),
			fullName: name,
			gender: null,
			birthDate: null,
			position: 'Chuyên viên',
			phone: '',
			email: '',
			unitId,
			category: extra.category ?? 'cong_chuc'
		});
		if (!r.ok) throw new Error(r.code);
		return r.value;
	}

	test('search ranks an exact diacritic match first: "Phượng" before "Phương"', async () => {
		const unitC = await makeUnit('xã Thử C');
		const phuong = await person('Lê Thị Phương', unitC.id);
		const phuong2 = await person('Hồ Phương Anh', unitC.id);
		const phuong3 = await person('Vũ Thị Phượng', unitC.id);
		const ids = async (query: string) =>
			(await s.staff.list(admin, q(`unit=${unitC.id}&q=${encodeURIComponent(query)}`))).items.map((p) => p.id);
		const ranked = await ids('Phượng');
		expect(ranked[0]).toBe(phuong3);
		expect(new Set(ranked.slice(1))).toEqual(new Set([phuong, phuong2]));
		expect((await ids('Phương')).at(-1)).toBe(phuong3);
		const page = await s.staff.list(admin, q(`unit=${unitC.id}&q=${encodeURIComponent('Phượng')}`));
		expect(page.total).toBe(3);
	});

	test('search ignores accents, case, đ/d and NFD input; text is stored NFC', async () => {
		const an = await person('Nguyễn Văn An', unitA.id);
		const dung = await person('Đặng Thị Dung', unitA.id);
		// Typed in decomposed form (as some phones and macOS do): stored composed.
		const huong = await person('Trần Thị Hương'.normalize('NFD'), unitA.id);
		const names = async (query: string) =>
			(await s.staff.list(admin, q(`unit=${unitA.id}&q=${encodeURIComponent(query)}`))).items.map((p) => p.id);

		expect(await names('nguyen van an')).toEqual([an]);
		expect(await names('NGUYỄN VĂN AN')).toEqual([an]);
		expect(await names('dang thi dung')).toEqual([dung]);
		expect(await names('đặng')).toEqual([dung]);
		expect(await names('Trần Thị Hương')).toEqual([huong]);
		expect(await names('Nguyễn Văn An'.normalize('NFD'))).toEqual([an]);
		expect(await names('tran thi huong')).toEqual([huong]);

		const stored = await (await superPb()).collection('staff').getOne(huong);
		expect(stored.full_name).toBe('Trần Thị Hương'.normalize('NFC'));
		expect(stored.search_key).toBe('tran thi huong');
	});

	test('pages are served by the server, 50 at a time, with the total', async () => {
		const unit = await makeUnit('phường Nhiều Người');
		const pb = await superPb();
		const batch = pb.createBatch();
		for (let i = 0; i < 120; i++) {
			batch.collection('staff').create({
				employee_code: `${tag}.P${String(i).padStart(3, '0')}`,
				full_name: `Lê Văn Số ${i}`,
				search_key: `le van so ${i}`,
				unit: unit.id,
				category: 'cong_chuc',
				active: true
			});
		}
		await batch.send();
		const p1 = await s.staff.list(admin, q(`unit=${unit.id}`));
		const p3 = await s.staff.list(admin, q(`unit=${unit.id}&page=3`));
		expect(p1.total).toBe(120);
		expect(p1.pageCount).toBe(3);
		expect(p1.items).toHaveLength(50);
		expect(p1.items[0]!.employeeCode).toBe(`${tag}.P000`);
		expect(p3.items).toHaveLength(20);
		expect(p3.items.at(-1)!.employeeCode).toBe(`${tag}.P119`);
	});

	test('a unit filter includes sub-units; category and status filter', async () => {
		const inChild = await person('Phạm Minh Con', child.id, { category: 'vien_chuc' });
		const inA = await person('Phạm Minh Cha', unitA.id);
		const list = await s.staff.list(admin, q(`unit=${unitA.id}&q=pham minh`));
		expect(list.items.map((p) => p.id).sort()).toEqual([inChild, inA].sort());
		const vc = await s.staff.list(admin, q(`unit=${unitA.id}&q=pham minh&category=vien_chuc`));
		expect(vc.items.map((p) => p.id)).toEqual([inChild]);

		expect((await s.staff.setActive(admin, inA, false)).ok).toBe(true);
		const active = await s.staff.list(admin, q(`unit=${unitA.id}&q=pham minh`));
		expect(active.items.map((p) => p.id)).toEqual([inChild]);
		const gone = await s.staff.list(admin, q(`unit=${unitA.id}&q=pham minh&status=inactive`));
		expect(gone.items.map((p) => p.id)).toEqual([inA]);
		expect((await s.staff.setActive(admin, inA, true)).ok).toBe(true);
		expect((await valueOf(s.staff.get(admin, inA))).person.active).toBe(true);
	});

	test('a transfer moves the person and is kept in their history with its date', async () => {
		const id = await person('Võ Thành Chuyển', unitA.id);
		const r = await s.staff.transfer(admin, id, { toUnitId: unitB.id, effectiveDate: '2026-01-15', reason: 'Quyết định số 12/QĐ-UBND' });
		expect(r.ok).toBe(true);
		const again = await s.staff.transfer(admin, id, { toUnitId: unitB.id, effectiveDate: '2026-01-16', reason: '' });
		expect(again).toMatchObject({ ok: false, status: 409, code: 'staff.error.same_unit' });

		const got = await valueOf(s.staff.get(admin, id));
		expect(got.person.unitId).toBe(unitB.id);
		expect(got.transfers).toHaveLength(1);
		expect(got.transfers[0]).toMatchObject({
			fromUnitId: unitA.id,
			toUnitId: unitB.id,
			fromUnitName: 'phường Thử A',
			toUnitName: 'xã Thử B',
			effectiveDate: '2026-01-15',
			reason: 'Quyết định số 12/QĐ-UBND'
		});
		expect((await s.staff.list(admin, q(`unit=${unitA.id}&q=vo thanh chuyen`))).items).toHaveLength(0);
		expect((await s.staff.list(admin, q(`unit=${unitB.id}&q=vo thanh chuyen`))).items).toHaveLength(1);
	});

	test('a duplicate employee code is refused with its own message', async () => {
		const code = uid(`${tag}.D`);
		const base = {
			employeeCode: code,
			fullName: 'Lý Văn Trùng',
			gender: null,
			birthDate: null,
			position: '',
			phone: '',
			email: '',
			unitId: unitA.id,
			category: 'cong_chuc' as const
		};
		expect((await s.staff.create(admin, base)).ok).toBe(true);
		expect(await s.staff.create(admin, base)).toMatchObject({ ok: false, status: 409, code: 'staff.error.duplicate_code' });
	});

	test('a unit head lists and reads only their own unit; leaders and inspectors read all', async () => {
		const mine = await person('Hồ Văn Của Tôi', unitA.id);
		const theirs = await person('Hồ Văn Của Người', unitB.id);
		const head = toActor(await makeUser('unit_head', { unitId: unitA.id }));

		const own = await s.staff.list(head, q('q=ho van cua'));
		expect(own.items.map((p) => p.id)).toEqual([mine]);
		// Even without a filter, nothing from another unit (nor the sub-unit) is listed.
		const all = await s.staff.list(head, q('status=all'));
		expect(all.items.every((p) => p.unitId === unitA.id)).toBe(true);

		expect(await status(s.staff.list(head, q(`unit=${unitB.id}`)))).toBe(403);
		expect(await status(s.staff.get(head, theirs))).toBe(403);
		expect((await valueOf(s.staff.get(head, mine))).person.fullName).toBe('Hồ Văn Của Tôi');
		expect((await s.staff.unitOptions(head)).map((u) => u.id)).toEqual([unitA.id]);
		// Nor may they change anything.
		expect(await status(s.staff.setActive(head, mine, false))).toBe(403);

		for (const role of ['leader', 'inspector'] as const) {
			const reader = toActor(await makeUser(role));
			expect((await valueOf(s.staff.get(reader, theirs))).person.id).toBe(theirs);
			expect((await s.staff.list(reader, q(`unit=${unitB.id}&q=ho van cua`))).items.map((p) => p.id)).toEqual([theirs]);
			expect(await status(s.staff.transfer(reader, theirs, { toUnitId: unitA.id, effectiveDate: '2026-01-01', reason: '' }))).toBe(403);
		}
	});
});
