// The report-back rules (issue #13 §5), pure: pre-fill from action states, the refusals beside their
// fields, who may send again, the reminder windows, the document's place and wording.
import { describe, expect, test } from 'vitest';
import { recordPlace } from '../../src/lib/domain/record-input';
import {
	buildReportBackDoc,
	decideRefusal,
	inRunningText,
	isReportBackOverdue,
	itemField,
	itemsFromForm,
	prefillItems,
	reportBackReminders,
	submitRefusal,
	type ActionFacts
} from '../../src/lib/domain/report-back';

const fact = (id: string, status: ActionFacts['status'], extra: Partial<ActionFacts> = {}): ActionFacts => ({
	id,
	title: `Việc ${id}`,
	dueDate: '2026-03-20',
	status,
	responseText: '',
	evidenceCount: 0,
	unitExplanation: '',
	pendingExtensionDate: null,
	...extra
});

describe('pre-fill and the form', () => {
	const items = prefillItems([
		fact('a', 'verified', { responseText: 'Đã chấn chỉnh', evidenceCount: 2 }),
		fact('b', 'in_progress', { pendingExtensionDate: '2026-04-01' }),
		fact('c', 'open', { unitExplanation: 'Chờ kinh phí' }),
		fact('d', 'open')
	]);
	test('each state from its action: done with evidence, in progress with a date, not done with the explanation', () => {
		expect(items.map((i) => [i.state, i.text, i.expectedDate, i.evidenceCount])).toEqual([
			['done', 'Đã chấn chỉnh', null, 2],
			['in_progress', '', '2026-04-01', 0],
			['not_done', 'Chờ kinh phí', null, 0],
			['not_done', '', null, 0]
		]);
	});
	test('a not-done item without a reason and an in-progress item without a date are refused beside their fields', () => {
		const form = { [itemField.text('a')]: 'Đã chấn chỉnh', [itemField.text('c')]: 'Chờ kinh phí', [itemField.date('b')]: '' };
		expect(itemsFromForm(items, form).errors).toEqual({
			[itemField.date('b')]: 'reportback.error.date_required',
			[itemField.text('d')]: 'reportback.error.reason_required'
		});
	});
	test('the state is never taken from the form', () => {
		const form = {
			[itemField.text('a')]: 'x',
			[itemField.text('c')]: 'y',
			[itemField.text('d')]: 'z',
			[itemField.date('b')]: '2026-04-02',
			state_d: 'done'
		};
		const r = itemsFromForm(items, form);
		expect(r.errors).toEqual({});
		expect(r.items.map((i) => i.state)).toEqual(['done', 'in_progress', 'not_done', 'not_done']);
	});
});

describe('states', () => {
	test('sent once; again only after a return; decided only while waiting', () => {
		expect(submitRefusal(null)).toBeNull();
		expect(submitRefusal('pending')).toBeNull();
		expect(submitRefusal('returned')).toBeNull();
		expect(submitRefusal('submitted')).toBe('reportback.error.already_submitted');
		expect(submitRefusal('acknowledged')).toBe('reportback.error.acknowledged');
		expect(decideRefusal('submitted')).toBeNull();
		expect(decideRefusal('returned')).toBe('reportback.error.not_submitted');
		expect(decideRefusal('acknowledged')).toBe('reportback.error.acknowledged');
	});
	test('reminder windows: D-3, D-1 (the date included), overdue; nothing once reported or without a date', () => {
		const kind = (day: string, status: Parameters<typeof reportBackReminders>[0] = null) =>
			reportBackReminders(status, '2026-03-25', day, []).map((r) => r.kind);
		expect(kind('2026-03-21')).toEqual([]);
		expect(kind('2026-03-22')).toEqual(['due_in_3_days']);
		expect(kind('2026-03-24')).toEqual(['due_in_1_day']);
		expect(kind('2026-03-25')).toEqual(['due_in_1_day']);
		expect(kind('2026-03-26')).toEqual(['overdue']);
		expect(kind('2026-03-26', 'returned')).toEqual(['overdue']);
		expect(kind('2026-03-26', 'submitted')).toEqual([]);
		expect(reportBackReminders(null, null, '2026-03-26', [])).toEqual([]);
		expect(reportBackReminders(null, '2026-03-25', '2026-03-26', ['overdue@2026-03-25'])).toEqual([]);
		expect(isReportBackOverdue('returned', '2026-03-25', '2026-03-26')).toBe(true);
		expect(isReportBackOverdue('acknowledged', '2026-03-25', '2026-03-26')).toBe(false);
	});
});

describe('the document', () => {
	test('place, date line, unit in running text, totals', () => {
		expect(recordPlace('Phường Mỹ Hưng')).toBe('Mỹ Hưng');
		expect(inRunningText('Phường Mỹ Hưng')).toBe('phường Mỹ Hưng');
		expect(inRunningText('Sở Nội vụ')).toBe('Sở Nội vụ');
		const doc = buildReportBackDoc({
			unitName: 'Phường Mỹ Hưng',
			parentName: 'UBND tỉnh Cửu An',
			day: '2026-02-05',
			checkDay: '2026-01-20',
			items: prefillItems([fact('a', 'closed', { responseText: 'Xong' }), fact('b', 'open')]),
			summary: '',
			signerName: 'Võ Thành Nhân'
		});
		expect(doc.headerLeft).toEqual(['UBND TỈNH CỬU AN', 'PHƯỜNG MỸ HƯNG']);
		expect(doc.placeDate).toBe('Mỹ Hưng, ngày 05 tháng 02 năm 2026');
		expect(doc.opening).toContain('ngày 20/01/2026 của Đoàn kiểm tra công vụ, phường Mỹ Hưng báo cáo');
		expect(doc.sections[1]!.lines[0]!.text).toBe('Tổng số kiến nghị: 2; đã khắc phục: 1; đang khắc phục: 0; chưa khắc phục: 1.');
		expect(doc.draftNote).toBeNull();
	});
});
