// Staff contacts (issue #18 §2): the phone and email rules shared by the staff form and the import.
import { describe, expect, test } from 'vitest';
import { formatVnPhone, normalizeEmail, normalizeVnPhone } from '../../src/lib/domain/contact';
import { staffCreateSchema, staffEditSchema } from '../../src/lib/domain/schemas/staff';

const person = { fullName: 'Nguyễn Văn An', category: 'cong_chuc' };

describe('Vietnamese phone numbers', () => {
	test('10 digits starting with 0, written with spaces, dots, dashes or +84, are stored as the 10 digits', () => {
		expect(
			['0908123456', '0908 123 456', '0908.123.456', ' 090-812-3456 ', '+84 908 123 456', '84908123456'].map(normalizeVnPhone)
		).toEqual(['0908123456', '0908123456', '0908123456', '0908123456', '0908123456', '0908123456']);
	});

	test('a number whose leading zero a spreadsheet dropped gets it back', () => {
		expect(normalizeVnPhone('908123456')).toBe('0908123456');
	});

	test('a letter O for a zero, too few or too many digits are refused', () => {
		expect(['09O8123456', '090812345', '09081234567', '1900 1234', 'abc', '0908-123-45x'].map(normalizeVnPhone)).toEqual([
			null,
			null,
			null,
			null,
			null,
			null
		]);
	});

	test('display groups the digits 4-3-3', () => {
		expect(formatVnPhone('0908123456')).toBe('0908 123 456');
	});
});

describe('staff form: phone and email', () => {
	test('valid contacts are normalised; empty ones are kept empty', () => {
		const r = staffEditSchema.safeParse({ ...person, phone: '0908.123.456', email: ' An.Nguyen@SoNoiVu.gov.vn ' });
		expect(r.success && r.data).toMatchObject({ phone: '0908123456', email: 'an.nguyen@sonoivu.gov.vn' });
		const empty = staffEditSchema.safeParse({ ...person, phone: '', email: '' });
		expect(empty.success && empty.data).toMatchObject({ phone: '', email: '' });
	});

	test('"09O8123456" and an email without "@" are refused next to their fields', () => {
		const r = staffCreateSchema.safeParse({
			...person,
			employeeCode: 'CB1',
			unitId: 'abcdefghijklmno',
			phone: '09O8123456',
			email: 'an.nguyen.gov.vn'
		});
		expect(r.success).toBe(false);
		const issues = r.success ? [] : r.error.issues.map((i) => [i.path.join('.'), i.message]);
		expect(issues).toEqual([
			['phone', 'staff.error.phone'],
			['email', 'errors.email']
		]);
	});

	test('email shape: one @, a dotted domain', () => {
		expect(['a@b.vn', 'ten.ho@donvi.gov.vn', 'a@b', 'a b@c.vn', '@c.vn', 'a@@c.vn'].map((e) => normalizeEmail(e) !== null)).toEqual([
			true,
			true,
			false,
			false,
			false,
			false
		]);
	});
});
