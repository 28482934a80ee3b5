// Pure parts of the roster: the unit tree helpers and the form/query schemas.
import { describe, expect, test } from 'vitest';
import { subtreeIds, treeOrder, unitDepths } from '../../src/lib/domain/org-tree';
import { readStaffQuery, staffCreateSchema, staffTransferSchema } from '../../src/lib/domain/schemas/staff';
import { currentMenuHref, menuFor } from '../../src/lib/domain/menu';

const units = [
	{ id: 'root', parentId: null, name: 'Tỉnh' },
	{ id: 'b', parentId: 'root', name: 'Sở Y tế' },
	{ id: 'a', parentId: 'root', name: 'Sở Nội vụ' },
	{ id: 'a1', parentId: 'a', name: 'Trung tâm Lưu trữ' },
	{ id: 'x', parentId: 'y', name: 'Vòng X' },
	{ id: 'y', parentId: 'x', name: 'Vòng Y' }
];

describe('unit tree helpers', () => {
	test('a subtree holds the unit and everything below it, and survives a stored cycle', () => {
		expect(subtreeIds(units, 'a').sort()).toEqual(['a', 'a1']);
		expect(subtreeIds(units, 'root').sort()).toEqual(['a', 'a1', 'b', 'root']);
		expect(subtreeIds(units, 'x').sort()).toEqual(['x', 'y']);
	});

	test('tree order puts children under their parent, siblings sorted', () => {
		const order = treeOrder(units, (p, q) => p.name.localeCompare(q.name, 'vi')).map((u) => u.id);
		expect(order.slice(0, 4)).toEqual(['root', 'a', 'a1', 'b']);
		expect(order).toHaveLength(6);
		const depth = unitDepths(units);
		expect([depth.get('root'), depth.get('a'), depth.get('a1')]).toEqual([0, 1, 2]);
	});
});

describe('roster schemas', () => {
	test('a malformed query falls back to the defaults instead of failing', () => {
		expect(readStaffQuery(new URLSearchParams('page=-3&status=gone&unit=../../x&category=boss&q=Nguyễn'))).toEqual({
			q: 'Nguyễn',
			unit: undefined,
			category: undefined,
			status: 'active',
			page: 1
		});
		expect(readStaffQuery(new URLSearchParams('page=2&status=all&unit=abcdefghij12345'))).toMatchObject({
			page: 2,
			status: 'all',
			unit: 'abcdefghij12345'
		});
	});

	test('dates are dd/MM/yyyy and must exist; names are stored NFC with whitespace collapsed', () => {
		const base = { employeeCode: 'CB.1', unitId: 'abcdefghij12345', fullName: ' Nguyễn   Văn An '.normalize('NFD'), category: 'cong_chuc' };
		const ok = staffCreateSchema.safeParse({ ...base, birthDate: '5/2/1990' });
		expect(ok.success && ok.data).toMatchObject({ fullName: 'Nguyễn Văn An', birthDate: '1990-02-05', gender: null, position: '' });
		const bad = staffCreateSchema.safeParse({ ...base, birthDate: '31/02/1990' });
		expect(bad.success).toBe(false);
		expect(bad.error?.issues[0]).toMatchObject({ path: ['birthDate'], message: 'staff.error.date' });
		expect(staffCreateSchema.safeParse({ ...base, employeeCode: 'CB 1' }).error?.issues[0]?.message).toBe('staff.error.code');
		expect(staffCreateSchema.safeParse({ ...base, fullName: '   ' }).error?.issues[0]?.message).toBe('errors.required');
		expect(staffTransferSchema.safeParse({ toUnitId: 'abcdefghij12345', effectiveDate: '' }).error?.issues[0]?.message).toBe(
			'errors.required'
		);
	});
});

describe('menu', () => {
	test('only the most specific menu entry is current', () => {
		const admin = menuFor('admin');
		expect(currentMenuHref(admin, '/admin/staff/abc')).toBe('/admin/staff');
		expect(currentMenuHref(admin, '/admin')).toBe('/admin');
		expect(currentMenuHref(admin, '/administrator')).toBeNull();
		expect(menuFor('unit_head').map((i) => i.href)).toContain('/staff');
	});
});
