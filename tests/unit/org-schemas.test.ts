// Form schemas of the organisation screens: bad input gets a message key, text is stored NFC and
// collapsed, dates are dd/MM/yyyy and strict.
import { describe, expect, test } from 'vitest';
import {
	accountCreateSchema,
	catalogueCreateSchema,
	unitCreateSchema,
	unitMergeSchema,
	unitMoveSchema
} from '../../src/lib/domain/schemas/org';

/** The first message per field, as parseForm shows it. */
function issues(r: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) {
	const out: Record<string, string> = {};
	for (const i of r.error?.issues ?? []) out[String(i.path[0])] ??= i.message;
	return out;
}

describe('unit forms', () => {
	test('an empty or blank name is refused as required', () => {
		expect(issues(unitCreateSchema.safeParse({ code: 'CA.X', name: '   ', kind: 'ward' }))).toEqual({ name: 'errors.required' });
		expect(issues(unitCreateSchema.safeParse({ code: 'CA.X', kind: 'ward' }))).toEqual({ name: 'errors.required' });
	});

	test('a code with spaces or diacritics is refused', () => {
		expect(issues(unitCreateSchema.safeParse({ code: 'CA X', name: 'A', kind: 'ward' }))).toEqual({ code: 'units.error.code_invalid' });
		expect(issues(unitCreateSchema.safeParse({ code: 'CA.Đ', name: 'A', kind: 'ward' }))).toEqual({ code: 'units.error.code_invalid' });
	});

	test('a name typed decomposed (NFD) with extra spaces is stored composed and collapsed', () => {
		const r = unitCreateSchema.safeParse({ code: 'CA.X', name: '  phường   Mỹ Hưng '.normalize('NFD'), kind: 'ward', parent: '' });
		expect(r.success && r.data).toMatchObject({ name: 'phường Mỹ Hưng', parent: null });
		expect(r.success && r.data.name === r.data.name.normalize('NFC')).toBe(true);
	});

	test('a malformed parent id is refused; empty means top level', () => {
		expect(issues(unitMoveSchema.safeParse({ parent: '../x' }))).toEqual({ parent: 'errors.invalid' });
		expect(unitMoveSchema.parse({ parent: '' })).toEqual({ parent: null });
	});

	test.each(['31/02/2025', '2025-07-01', '1/13/2025', 'hôm nay'])('merge date %s is refused', (d) => {
		const r = unitMergeSchema.safeParse({
			sources: 'aaaaaaaaaaaaaaa',
			target_mode: 'existing',
			target: 'bbbbbbbbbbbbbbb',
			effective_date: d,
			reference: 'NQ'
		});
		expect(issues(r).effective_date).toBe('units.error.date_invalid');
	});

	test('a merge into an existing unit needs the unit; a new unit needs its fields', () => {
		const base = { sources: ['aaaaaaaaaaaaaaa'], effective_date: '01/07/2025', reference: 'NQ' };
		expect(issues(unitMergeSchema.safeParse({ ...base, target_mode: 'existing' }))).toEqual({ target: 'errors.required' });
		expect(issues(unitMergeSchema.safeParse({ ...base, target_mode: 'new', new_code: '', new_name: '', new_kind: 'ward' }))).toEqual({
			new_code: 'errors.required',
			new_name: 'errors.required'
		});
		const ok = unitMergeSchema.parse({ ...base, target_mode: 'existing', target: 'ccccccccccccccc' });
		expect(ok).toMatchObject({ effective_date: '2025-07-01', newUnit: null });
	});

	test('a merge without a source unit is refused', () => {
		const r = unitMergeSchema.safeParse({
			target_mode: 'existing',
			target: 'ccccccccccccccc',
			effective_date: '01/07/2025',
			reference: 'NQ'
		});
		expect(issues(r).sources).toBe('units.error.merge_no_sources');
	});
});

describe('account and catalogue forms', () => {
	test('an account needs a valid email and an 8-character password; email is lower-cased', () => {
		const bad = accountCreateSchema.safeParse({ email: 'khong-phai-email', name: 'A', role: 'leader', password: '1234567' });
		expect(issues(bad)).toEqual({ email: 'errors.email', password: 'accounts.error.password_short' });
		const ok = accountCreateSchema.parse({ email: ' An.Nguyen@CuuAn.gov.vn ', name: 'An', role: 'leader', password: '12345678' });
		expect(ok).toMatchObject({ email: 'an.nguyen@cuuan.gov.vn', unit: null });
	});

	test('an unknown role is refused', () => {
		expect(issues(accountCreateSchema.safeParse({ email: 'a@b.vn', name: 'A', role: 'superuser', password: '12345678' }))).toEqual({
			role: 'errors.required'
		});
	});

	test('a catalogue code must be upper case letters, digits and hyphens', () => {
		const base = { category: 'conduct', name_vi: 'Tên', severity: 'low', default_fix_days: '10' };
		expect(catalogueCreateSchema.safeParse({ ...base, code: 'TD-01' }).success).toBe(true);
		expect(issues(catalogueCreateSchema.safeParse({ ...base, code: 'td-01' }))).toEqual({ code: 'catalogue.error.code_invalid' });
		expect(issues(catalogueCreateSchema.safeParse({ ...base, code: 'TD-01', default_fix_days: '-1' }))).toEqual({
			default_fix_days: 'catalogue.error.fix_days'
		});
	});
});
