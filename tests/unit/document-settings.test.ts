// Issue #17 point 4: the head of a document as the settings make it, the settings form's rules, who
// may keep the settings, and the admin menu entry.
import { describe, expect, test } from 'vitest';
import { documentHead, documentSymbol } from '../../src/lib/domain/document-head';
import { DEFAULT_DOCUMENT_SETTINGS } from '../../src/lib/domain/official-document';
import { documentSettingsSchema } from '../../src/lib/domain/schemas/document-settings';
import { can } from '../../src/lib/server/authz/policy';
import { menuFor } from '../../src/lib/domain/menu';
import { actors } from '../support/actors';

describe('the document head', () => {
	test('the defaults print the record head of docs/report-formats.md (a)', () => {
		expect(documentHead(DEFAULT_DOCUMENT_SETTINGS, 'record', 7, '2025-09-17')).toEqual({
			bodyLines: ['SỞ NỘI VỤ', 'ĐOÀN KIỂM TRA CÔNG VỤ'],
			number: 'Số: 07/BB-ĐKTCV',
			placeDate: 'Cửu An, ngày 17 tháng 9 năm 2025'
		});
	});
	test('a report of another body, not numbered yet; no parent body', () => {
		const s = { ...DEFAULT_DOCUMENT_SETTINGS, parentBody: '', issuingBody: 'Sở Nội vụ', issuingAbbr: 'SNV', place: 'Mỹ Hưng' };
		expect(documentSymbol(s, 'report')).toBe('BC-SNV');
		expect(documentHead(s, 'report', null, '2026-02-05')).toEqual({
			bodyLines: ['SỞ NỘI VỤ'],
			number: 'Số:       /BC-SNV',
			placeDate: 'Mỹ Hưng, ngày 05 tháng 02 năm 2026'
		});
		expect(documentHead(s, 'report', 142, '2026-02-05').number).toBe('Số: 142/BC-SNV');
	});
});

describe('the settings form', () => {
	const ok = {
		parent_body: '',
		issuing_body: 'Đoàn kiểm tra công vụ',
		issuing_abbr: 'ĐKTCV',
		place: 'Cửu An',
		record_prefix: 'BB',
		report_prefix: 'BC',
		report_signer_authority: '',
		report_signer_title: 'TRƯỞNG ĐOÀN',
		version: '3'
	};
	test('the parent body and the authority line may be empty; the version is a number', () => {
		const r = documentSettingsSchema.safeParse(ok);
		expect(r.success && r.data).toEqual({
			settings: { ...DEFAULT_DOCUMENT_SETTINGS, parentBody: '', reportSignerAuthority: '' },
			version: 3
		});
	});
	test.each([
		['issuing_body', '', 'docsettings.error.issuing_body'],
		['place', ' \u00a0 ', 'docsettings.error.place'],
		['issuing_abbr', 'ĐK TCV', 'docsettings.error.code_chars'],
		['report_prefix', 'BC/', 'docsettings.error.code_chars'],
		['record_prefix', '-BB', 'docsettings.error.code_chars'],
		['record_prefix', 'B'.repeat(11), 'errors.too_long'],
		['parent_body', 'x'.repeat(201), 'errors.too_long'],
		['report_signer_title', '', 'docsettings.error.report_signer_title'],
		['version', '-1', 'errors.invalid']
	])('%s = %j is refused with %s', (field, value, message) => {
		const r = documentSettingsSchema.safeParse({ ...ok, [field]: value });
		expect(r.success).toBe(false);
		if (!r.success) expect(r.error.issues.find((i) => i.path[0] === field)?.message).toBe(message);
	});
	test('a hyphenated symbol is accepted', () => {
		expect(documentSettingsSchema.safeParse({ ...ok, issuing_abbr: 'UBND-PMH' }).success).toBe(true);
	});
});

describe('who keeps the settings', () => {
	test.each([
		['admin', true],
		['leader', false],
		['inspector', false],
		['unit_head', false]
	] as const)('%s → %s', (role, allowed) => {
		expect(can(actors[role], 'settings.documents')).toBe(allowed);
	});
	test('the admin menu links the settings page', () => {
		expect(menuFor('admin').map((i) => i.href)).toContain('/admin/documents');
		expect(menuFor('leader').map((i) => i.href)).not.toContain('/admin/documents');
	});
});
