// What the bad-input fuzz (tests/integration/fuzz.test.ts, docs/fuzzing.md) found, one focused test each:
// the form helper answered a field named `__proto__` with a 500, a password of more than 71 UTF-8 bytes
// passed the form and PocketBase (bcrypt) refused it, and control characters were stored in free text.
import { describe, expect, test } from 'vitest';
import { failure, parseForm } from '../../src/lib/server/forms';
import { accountCreateSchema, passwordResetSchema } from '../../src/lib/domain/schemas/org';
import { noteSchema, textSchema } from '../../src/lib/domain/schemas/actions';
import { reportIssueSchema } from '../../src/lib/domain/schemas/report-issue';
import { staffCreateSchema } from '../../src/lib/domain/schemas/staff';
import { validateStaffTable } from '../../src/lib/domain/import';
import { filterQuery } from '../../src/lib/domain/schemas/dashboard';
import { t } from '../../src/lib/i18n/t';

function form(entries: [string, string][]): FormData {
	const f = new FormData();
	for (const [k, v] of entries) f.append(k, v);
	return f;
}

describe('bad input found by the fuzz (issue #15 point 4)', () => {
	test('a field named __proto__ (once or repeated) is ignored, not a 500, and never echoed', () => {
		const f = form([
			['__proto__', 'x'],
			['__proto__', 'y'],
			['constructor', 'z'],
			['note', 'Ghi chú']
		]);
		const r = parseForm(noteSchema, f);
		expect(r).toEqual({ ok: true, value: { note: 'Ghi chú' } });
		const refusedForm = form([
			['__proto__', 'x'],
			['__proto__', 'y'],
			['email', 'sai']
		]);
		const bad = parseForm(accountCreateSchema, refusedForm);
		expect(bad.ok).toBe(false);
		if (bad.ok) return;
		const out = failure('vi', bad, refusedForm);
		expect(Object.keys(out.values)).toEqual(['email']);
		expect(Object.keys(out.lists ?? {}).includes('__proto__')).toBe(false);
	});

	test('fields named like Object.prototype members (toString, hasOwnProperty) are plain fields', () => {
		const f = form([
			['toString', 'a'],
			['hasOwnProperty', 'b'],
			['hasOwnProperty', 'c'],
			['email', 'sai']
		]);
		const bad = parseForm(accountCreateSchema, f);
		expect(bad.ok).toBe(false);
		if (bad.ok) return;
		const out = failure('vi', bad, f);
		expect(out.values.toString).toBe('a');
		expect(out.lists?.hasOwnProperty).toEqual(['b', 'c']);
	});

	test('a password of more than 71 bytes is refused beside the field, in Vietnamese', () => {
		// 24 letters but 72 bytes: within the 71-character limit, past bcrypt's.
		const r = parseForm(passwordResetSchema, form([['password', 'ắ'.repeat(24)]]));
		expect(r.ok).toBe(false);
		if (r.ok) return;
		expect(r.fields?.password).toBe('accounts.error.password_bytes');
		expect(t('vi', 'accounts.error.password_bytes')).toMatch(/Mật khẩu quá dài/);
		expect(parseForm(passwordResetSchema, form([['password', 'Mật-khẩu-đủ-dài']])).ok).toBe(true);
	});

	test('control characters are removed from free text, line breaks and NFC kept', () => {
		const r = parseForm(textSchema, form([['text', 'Dòng một\u0000\u0007\r\nDòng\u001b hai\u007f\u0085'.normalize('NFD')]]));
		expect(r).toEqual({ ok: true, value: { text: 'Dòng một\r\nDòng hai' } });
	});

	test('a recipient line needs a name: a date or a number is refused beside the field, the others kept', () => {
		// The full run of seed 940667125 stored "2026-13-01" as a "Nơi nhận" line.
		const issue = (recipients: string) =>
			parseForm(
				reportIssueSchema,
				form([
					['signerName', 'Nguyễn Văn Ánh'],
					['recipients', recipients]
				])
			);
		const bad = issue('- Như trên;\n- 2026-13-01');
		expect(bad.ok).toBe(false);
		if (!bad.ok) expect(bad.fields?.recipients).toBe('report.issue.error.recipient_name');
		expect(t('vi', 'report.issue.error.recipient_name')).toMatch(/nơi nhận phải có tên/);
		expect(issue('- Như trên;\n- Lưu: VT, TTr.')).toEqual({
			ok: true,
			value: { signerName: 'Nguyễn Văn Ánh', recipients: ['Như trên;', 'Lưu: VT, TTr.'] }
		});
	});

	test("a person's name needs a letter: a signer, a staff member, an imported row (a date is not a name)", () => {
		const signer = parseForm(
			reportIssueSchema,
			form([
				['signerName', '9999-12-31'],
				['recipients', 'UBND tỉnh']
			])
		);
		expect(signer.ok).toBe(false);
		if (!signer.ok) expect(signer.fields?.signerName).toBe('errors.person_name');
		expect(t('vi', 'errors.person_name')).toMatch(/phải có chữ cái/);
		expect(
			parseForm(
				reportIssueSchema,
				form([
					['signerName', 'Nguyễn Văn Ánh'],
					['recipients', 'UBND tỉnh']
				])
			).ok
		).toBe(true);

		const staff = (fullName: string) =>
			parseForm(
				staffCreateSchema,
				form([
					['employeeCode', 'CB9'],
					['fullName', fullName],
					['unitId', 'a'.repeat(15)],
					['category', 'cong_chuc']
				])
			);
		const bad = staff('123 456');
		expect(bad.ok).toBe(false);
		if (!bad.ok) expect(bad.fields?.fullName).toBe('errors.person_name');
		expect(staff("H'Hen Niê").ok).toBe(true);

		const table = {
			rows: [
				['Mã cán bộ', 'Họ và tên', 'Mã đơn vị', 'Loại'],
				['CB1', '9999-12-31', 'CA.SNV', 'công chức'],
				['CB2', 'Lê Thị Phượng', 'CA.SNV', 'công chức']
			].map((cells, i) => ({ row: i + 1, cells }))
		};
		const r = validateStaffTable(table, { knownUnitCodes: new Set(['CA.SNV']), today: '2026-12-03' });
		expect(r.errors.map((e) => [e.row, e.code])).toEqual([[2, 'import.error.person_name']]);
	});

	test('a report query keeps only its filter: unknown and repeated fields are dropped (they overflowed the stored query)', () => {
		const q = new URLSearchParams('x=' + 'Ủy ban '.repeat(100) + '&period=quarter&year=2026&year=1999&quarter=1&__proto__=1');
		expect(filterQuery(q).toString()).toBe('period=quarter&year=2026&quarter=1');
	});
});
