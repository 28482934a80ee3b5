// Issue #16 §4: the rules of NĐ 61/2018 and TT 01/2018 on sampled dossiers, each with a dossier just
// inside and just outside its limit; the import's per-row errors; plan-task progress (§3).
import { describe, expect, test } from 'vitest';
import { OFFICIAL_ANNOUNCEMENTS_2025_2026, buildCalendar } from '../../src/lib/domain/holidays';
import {
	dossierCounts,
	dossierRefusals,
	evaluateDossier,
	latestApologyDay,
	parseTthcField,
	planDossierFindings,
	type DossierFacts
} from '../../src/lib/domain/dossier-rules';
import { validateDossierTable } from '../../src/lib/domain/import/dossiers';
import { formatProgress, planTaskProgress, taskRefusals } from '../../src/lib/domain/plan-tasks';
import { parseCsv } from '../../src/lib/domain/import';

const cal = buildCalendar({ fromYear: 2024, toYear: 2026, announcements: OFFICIAL_ANNOUNCEMENTS_2025_2026 });
const CHECK_DAY = '2025-09-24';

const base: DossierFacts = {
	code: 'MH-2509-00001',
	procedure: 'Chứng thực bản sao từ bản chính',
	field: 'certification',
	receivedOn: '2025-09-10',
	dueOn: '2025-09-17',
	returnedOn: '2025-09-17',
	softwareStatus: 'returned',
	paperStatus: 'returned',
	apologyIssued: false,
	apologyOn: '',
	resetCount: 0
};
const rules = (d: Partial<DossierFacts>) => evaluateDossier({ ...base, ...d }, CHECK_DAY, cal).map((h) => h.rule);

describe('TTHC-OVERDUE and TTHC-OVERDUE-NO-APOLOGY', () => {
	test('returned on the due date is on time; one day later is overdue, without a slip twice over', () => {
		expect(rules({ returnedOn: '2025-09-17' })).toEqual([]);
		expect(rules({ returnedOn: '2025-09-18' })).toEqual(['TTHC-OVERDUE', 'TTHC-OVERDUE-NO-APOLOGY']);
	});
	test('not returned: due on the check day is not yet overdue; due the day before is', () => {
		const pending = { returnedOn: '', softwareStatus: 'processing', paperStatus: 'processing' } as const;
		expect(rules({ ...pending, dueOn: CHECK_DAY })).toEqual([]);
		expect(rules({ ...pending, dueOn: '2025-09-23' })).toEqual(['TTHC-OVERDUE', 'TTHC-OVERDUE-NO-APOLOGY']);
	});
	test('an overdue dossier with an apology slip in time is still overdue, but not "without apology"', () => {
		expect(rules({ returnedOn: '2025-09-19', apologyIssued: true, apologyOn: '2025-09-16' })).toEqual(['TTHC-OVERDUE']);
	});
	test('the description names the dossier code and both dates', () => {
		const [h] = evaluateDossier({ ...base, returnedOn: '2025-09-18' }, CHECK_DAY, cal);
		expect(h!.description).toBe(
			'Hồ sơ số MH-2509-00001 (Chứng thực bản sao từ bản chính; lĩnh vực Chứng thực; tiếp nhận 10/09/2025): hẹn trả 17/09/2025, trả kết quả 18/09/2025, quá hạn'
		);
	});
});

describe('TTHC-APOLOGY-LATE (one working day before the deadline)', () => {
	test('due Wednesday: a slip dated Tuesday is in time, Wednesday is late', () => {
		expect(rules({ apologyIssued: true, apologyOn: '2025-09-16' })).toEqual([]);
		expect(rules({ apologyIssued: true, apologyOn: '2025-09-17' })).toEqual(['TTHC-APOLOGY-LATE']);
	});
	test('due Monday: the latest day is the Friday before; a Saturday slip is late', () => {
		expect(latestApologyDay('2025-09-22', cal)).toBe('2025-09-19');
		expect(rules({ dueOn: '2025-09-22', returnedOn: '2025-09-22', apologyIssued: true, apologyOn: '2025-09-19' })).toEqual([]);
		expect(rules({ dueOn: '2025-09-22', returnedOn: '2025-09-22', apologyIssued: true, apologyOn: '2025-09-20' })).toEqual([
			'TTHC-APOLOGY-LATE'
		]);
	});
	test('across the National Day holiday (01–02/09/2025) the latest day is Friday 29/08', () => {
		expect(latestApologyDay('2025-09-03', cal)).toBe('2025-08-29');
	});
	test('the finding shows the slip date, the latest date and the deadline', () => {
		const [h] = evaluateDossier({ ...base, apologyIssued: true, apologyOn: '2025-09-17' }, CHECK_DAY, cal);
		expect(h!.description).toContain('Phiếu xin lỗi lập ngày 17/09/2025, muộn hơn hạn chậm nhất 16/09/2025');
		expect(h!.description).toContain('ngày hết hạn 17/09/2025');
	});
});

describe('TTHC-REAPPOINT-TWICE and TTHC-LOG-MISMATCH', () => {
	test('one reset is allowed, two are not', () => {
		expect(rules({ resetCount: 1 })).toEqual([]);
		expect(rules({ resetCount: 2 })).toEqual(['TTHC-REAPPOINT-TWICE']);
	});
	test('returned on paper and in the software agree; paper returned but software processing does not', () => {
		expect(rules({ paperStatus: 'returned', softwareStatus: 'returned' })).toEqual([]);
		expect(rules({ paperStatus: 'returned', softwareStatus: 'processing' })).toEqual(['TTHC-LOG-MISMATCH']);
	});
});

describe('reconciling the automatic findings', () => {
	const d = { ...base, id: 'd1', returnedOn: '2025-09-18' };
	test('re-evaluating creates each finding once; a fixed dossier withdraws it; holding again restores it', () => {
		const first = planDossierFindings([d], [], CHECK_DAY, cal);
		expect(first.create.map((c) => c.key)).toEqual(['tthc:d1:TTHC-OVERDUE', 'tthc:d1:TTHC-OVERDUE-NO-APOLOGY']);
		const stored = first.create.map((c, i) => ({ id: `f${i}`, clientKey: c.key, description: c.description, superseded: false }));
		expect(planDossierFindings([d], stored, CHECK_DAY, cal)).toEqual({ create: [], update: [], withdraw: [] });
		const fixed = planDossierFindings([{ ...d, returnedOn: '2025-09-17' }], stored, CHECK_DAY, cal);
		expect(fixed.withdraw).toEqual(['f0', 'f1']);
		const withdrawn = stored.map((f) => ({ ...f, superseded: true }));
		const again = planDossierFindings([d], withdrawn, CHECK_DAY, cal);
		expect(again.create).toEqual([]);
		expect(again.update.map((u) => [u.id, u.restore])).toEqual([
			['f0', true],
			['f1', true]
		]);
	});
	test('a finding entered by hand is never touched', () => {
		const manual = { id: 'm', clientKey: 'abcdefgh12', description: 'x', superseded: false };
		expect(planDossierFindings([], [manual], CHECK_DAY, cal).withdraw).toEqual([]);
	});
});

describe('bad input and counts', () => {
	test('dates out of order name the field', () => {
		expect(dossierRefusals({ ...base, dueOn: '2025-09-09' })).toEqual({ dueOn: 'dossier.error.due_before_received' });
		expect(dossierRefusals({ ...base, returnedOn: '2025-09-09' })).toEqual({ returnedOn: 'dossier.error.returned_before_received' });
		expect(dossierRefusals({ ...base, apologyIssued: true })).toEqual({ apologyOn: 'dossier.error.apology_date_required' });
		expect(dossierRefusals(base)).toEqual({});
	});
	test('fields by code or Vietnamese name; unknown is null', () => {
		expect(parseTthcField('HỘ TỊCH')).toBe('civil_status');
		expect(parseTthcField('Tư pháp - Hộ tịch')).toBe('civil_status');
		expect(parseTthcField('land')).toBe('land');
		expect(parseTthcField('Hàng không vũ trụ')).toBeNull();
	});
	test('the procedure counts derive from the rows', () => {
		const rows = [
			base,
			{ ...base, returnedOn: '2025-09-18' },
			{ ...base, returnedOn: '2025-09-19', apologyIssued: true, apologyOn: '2025-09-15' }
		];
		expect(dossierCounts(rows, CHECK_DAY)).toEqual({ sampled: 3, overdue: 2, no_apology: 1 });
	});
});

describe('the one-stop export', () => {
	const HEAD = 'Số hồ sơ;Thủ tục;Lĩnh vực;Ngày nhận;Hẹn trả;Ngày trả;Trạng thái;Phiếu xin lỗi;Số lần hẹn lại';
	const table = (lines: string[]) => {
		const r = parseCsv([HEAD, ...lines].join('\n'));
		if (!r.ok) throw new Error('csv');
		return { rows: r.records };
	};
	test('synonym headers, day-first dates with a time, statuses in words', () => {
		const r = validateDossierTable(
			table(['MH-1;Đăng ký khai sinh;Hộ tịch;01/09/2025 08:30;05/09/2025;08/09/2025;Đã trả kết quả;Không;0']),
			new Set()
		);
		expect(r.errors).toEqual([]);
		expect(r.rows[0]!.data).toMatchObject({
			code: 'MH-1',
			field: 'civil_status',
			receivedOn: '2025-09-01',
			dueOn: '2025-09-05',
			returnedOn: '2025-09-08',
			softwareStatus: 'returned',
			paperStatus: 'returned',
			apologyIssued: false
		});
	});
	test('every bad row is reported with its row and column; none is kept', () => {
		const r = validateDossierTable(
			table([
				'MH-1;Khai sinh;Hộ tịch;05/09/2025;01/09/2025;;Đang giải quyết;Không;0',
				'MH-2;Khai tử;Thiên văn;01/09/2025;05/09/2025;;Đang giải quyết;Không;0',
				'MH-3;Khai tử;Hộ tịch;01/09/2025;05/09/2025;;Đang giải quyết;Không;0',
				'MH-3;Khai tử;Hộ tịch;01/09/2025;05/09/2025;;Đang giải quyết;Không;0',
				'MH-9;Khai tử;Hộ tịch;01/09/2025;05/09/2025;;Đang giải quyết;Không;0'
			]),
			new Set(['MH-9'])
		);
		expect(r.errors.map((e) => [e.row, e.column, e.code])).toEqual([
			[2, 'Hẹn trả', 'dossier.error.due_before_received'],
			[3, 'Lĩnh vực', 'dossier.error.field_unknown'],
			[5, 'Số hồ sơ', 'dossier.error.duplicate_in_file'],
			[6, 'Số hồ sơ', 'dossier.error.duplicate_code']
		]);
	});
});

describe('plan tasks (§3)', () => {
	test('59 tasks with 54 done print "54/59, đạt 91,5%"; checks counted apart, cancelled ones not at all', () => {
		const tasks = [...Array(54).fill({ status: 'done' }), ...Array(5).fill({ status: 'in_progress' })];
		const p = planTaskProgress(tasks, ['completed', 'closed', 'planned', 'cancelled']);
		expect(p.tasks.label).toBe('54/59, đạt 91,5%');
		expect(p.checks.label).toBe('2/3, đạt 66,7%');
		expect(formatProgress(0, 0)).toBe('0/0, đạt -');
	});
	test("a due date outside the plan's year, and a completion date that does not fit the status, are refused", () => {
		expect(taskRefusals({ dueOn: '2027-01-01', status: 'not_started', doneOn: '' }, { year: 2026 })).toEqual({
			due_on: 'plan_task.error.due_outside_year'
		});
		expect(taskRefusals({ dueOn: '2026-12-31', status: 'not_started', doneOn: '2026-05-01' }, { year: 2026 })).toEqual({
			done_on: 'plan_task.error.done_on_not_done'
		});
		expect(taskRefusals({ dueOn: '2026-01-01', status: 'done', doneOn: '2026-01-01' }, { year: 2026 })).toEqual({});
	});
});
