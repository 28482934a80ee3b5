// The violation catalogue on a real PocketBase: add, duplicate and malformed codes, wording edits that
// never touch the code, deactivation.
import { describe, expect, test } from 'vitest';
import { makeUser, superPb, testServices, uid, valueOf } from '../support/services';
import { makeAdmin } from '../support/org';
import { failure, parseForm } from '../../src/lib/server/forms';
import { catalogueCreateSchema, catalogueEditSchema } from '../../src/lib/domain/schemas/org';
import { toActor } from '../../src/lib/domain/user';

const code = () => uid('VH-').toUpperCase();
const wording = {
	category: 'office_culture' as const,
	name_vi: 'Không đeo thẻ công chức',
	name_en: 'Not wearing the staff badge',
	severity: 'low' as const,
	default_fix_days: 10,
	legal_basis: 'QĐ 129/2007/QĐ-TTg',
	notes: ''
};

describe('violation catalogue', () => {
	test('an admin adds a type; it is listed under its category at the end', async () => {
		const s = await testServices();
		const admin = await makeAdmin();
		const c = code();
		const r = await s.catalogue.create(admin, { code: c, ...wording });
		expect(r.ok).toBe(true);
		const groups = await s.catalogue.byCategory(admin);
		const culture = groups.find((g) => g.category === 'office_culture')!;
		expect(culture.types.at(-1)).toMatchObject({ code: c, nameVi: 'Không đeo thẻ công chức', active: true });
	});

	test('a duplicate code is refused', async () => {
		const s = await testServices();
		const admin = await makeAdmin();
		const c = code();
		await s.catalogue.create(admin, { code: c, ...wording });
		expect(await s.catalogue.create(admin, { code: c, ...wording, name_vi: 'Khác' })).toMatchObject({
			ok: false,
			code: 'catalogue.error.code_taken',
			fields: { code: 'catalogue.error.code_taken' }
		});
		const pb = await superPb();
		expect((await pb.collection('violation_types').getFullList({ filter: pb.filter('code = {:c}', { c }) })).map((r) => r.name_vi)).toEqual(
			['Không đeo thẻ công chức']
		);
	});

	test('a lower-case or spaced code is refused by the form with the rule spelled out', () => {
		for (const bad of ['vh-05', 'VH 05', '-VH']) {
			const f = new FormData();
			for (const [k, v] of Object.entries({ ...wording, code: bad, default_fix_days: '10' })) f.append(k, String(v));
			const r = parseForm(catalogueCreateSchema, f);
			expect(r.ok).toBe(false);
			if (!r.ok) expect(failure('vi', r, f).errors.code).toContain('chữ in hoa không dấu');
		}
	});

	test('editing changes the wording but never the code, even when a code is posted', async () => {
		const s = await testServices();
		const admin = await makeAdmin();
		const c = code();
		const r = await s.catalogue.create(admin, { code: c, ...wording });
		if (!r.ok) throw new Error(r.code);
		const f = new FormData();
		for (const [k, v] of Object.entries({
			...wording,
			name_vi: 'Không đeo thẻ theo quy định',
			severity: 'medium',
			default_fix_days: '7',
			code: 'HACKED'
		}))
			f.append(k, String(v));
		const input = parseForm(catalogueEditSchema, f);
		if (!input.ok) throw new Error('form');
		expect((await s.catalogue.update(admin, r.value.id, input.value)).ok).toBe(true);
		const got = await valueOf(s.catalogue.get(admin, r.value.id));
		expect(got).toMatchObject({ code: c, nameVi: 'Không đeo thẻ theo quy định', severity: 'medium', defaultFixDays: 7 });
	});

	test('days to fix outside 0..365 are refused', () => {
		const f = new FormData();
		for (const [k, v] of Object.entries({ ...wording, default_fix_days: '400' })) f.append(k, String(v));
		const r = parseForm(catalogueEditSchema, f);
		expect(r.ok).toBe(false);
		if (!r.ok) expect(failure('vi', r, f).errors.default_fix_days).toBe('Số ngày khắc phục phải là số nguyên từ 0 đến 365.');
	});

	test('deactivating keeps the type (listed as inactive) and reactivating restores it', async () => {
		const s = await testServices();
		const admin = await makeAdmin();
		const r = await s.catalogue.create(admin, { code: code(), ...wording });
		if (!r.ok) throw new Error(r.code);
		expect((await s.catalogue.setActive(admin, r.value.id, false)).ok).toBe(true);
		expect(await valueOf(s.catalogue.get(admin, r.value.id))).toMatchObject({ active: false });
		expect((await s.catalogue.setActive(admin, r.value.id, true)).ok).toBe(true);
		expect(await valueOf(s.catalogue.get(admin, r.value.id))).toMatchObject({ active: true });
	});

	test('an inspector cannot change the catalogue', async () => {
		const s = await testServices();
		const inspector = toActor(await makeUser('inspector'));
		await expect(s.catalogue.create(inspector, { code: code(), ...wording })).rejects.toMatchObject({ status: 403 });
	});
});
