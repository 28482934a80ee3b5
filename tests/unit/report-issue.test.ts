// The report's draft and issuing forms and period keys (issue #17 §2): "Nơi nhận" lines as typed, a
// missing signer or recipient refused beside its field, quarters and years keyed and worded.
import { describe, expect, test } from 'vitest';
import { issuedNumberLabel, periodWords, recipientLines, reportPeriodOf } from '../../src/lib/domain/report-issue';
import { reportDraftSchema, reportIssueSchema } from '../../src/lib/domain/schemas/report-issue';
import { DEFAULT_DOCUMENT_SETTINGS } from '../../src/lib/domain/official-document';

describe('report issuing (domain)', () => {
	test('recipient lines drop the leading dash and blank lines', () => {
		expect(recipientLines('- UBND tỉnh;\r\n\n  – Bộ Nội vụ;\n   \n+ Lưu hồ sơ')).toEqual(['UBND tỉnh;', 'Bộ Nội vụ;', 'Lưu hồ sơ']);
	});

	test('periods: quarters and years keyed; other periods are not report periods', () => {
		expect(reportPeriodOf({ kind: 'quarter', year: 2025, quarter: 3 })).toEqual({ kind: 'quarter', key: '2025-Q3' });
		expect(reportPeriodOf({ kind: 'year', year: 2025 })).toEqual({ kind: 'year', key: '2025' });
		expect(reportPeriodOf({ kind: 'month', year: 2025, month: 3 })).toBeNull();
		expect(periodWords({ kind: 'quarter', key: '2025-Q3' })).toEqual({
			key: 'report.period.quarter',
			params: { quarter: 'III', year: 2025 }
		});
		expect(periodWords({ kind: 'year', key: '2026' })).toEqual({ key: 'report.period.year', params: { year: 2026 } });
		expect(issuedNumberLabel(12, DEFAULT_DOCUMENT_SETTINGS)).toBe('12/BC-ĐKTCV');
	});

	test('the issue form needs a signer and at least one recipient', () => {
		const bad = reportIssueSchema.safeParse({ signerName: '  ', recipients: '\n - \n' });
		expect(bad.success).toBe(false);
		const messages = Object.fromEntries((bad.error?.issues ?? []).map((i) => [String(i.path[0]), i.message]));
		expect(messages).toEqual({ signerName: 'errors.required', recipients: 'report.issue.error.recipients' });
		expect(reportIssueSchema.parse({ signerName: ' Trần Văn B ', recipients: '- UBND tỉnh\n- Bộ Nội vụ' })).toEqual({
			signerName: 'Trần Văn B',
			recipients: ['UBND tỉnh', 'Bộ Nội vụ']
		});
	});

	test('the draft form keeps the prose as typed and needs the version it was loaded at', () => {
		expect(reportDraftSchema.parse({ strengths: '  Tốt\n', version: '2' })).toMatchObject({
			strengths: '  Tốt\n',
			direction: '',
			version: 2
		});
		expect(reportDraftSchema.safeParse({ strengths: 'x' }).success).toBe(false);
		expect(reportDraftSchema.safeParse({ strengths: 'x'.repeat(20001), version: '0' }).success).toBe(false);
	});
});
