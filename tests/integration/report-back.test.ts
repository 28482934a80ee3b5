// The report-back of a check (báo cáo kết quả khắc phục, issue #13 §5) on a real PocketBase: the draft
// pre-filled from the actions' states, a not-done action without a reason refused beside its field,
// submission once, return and resubmission, concurrent acknowledgements of which exactly one is
// written, reminders D-3 / D-1 / overdue sent once each (clock injected), another unit's head
// refused, and the PDF saying what the page says.
import { describe, expect, test } from 'vitest';
import { isHttpError } from '@sveltejs/kit';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServices } from '../../src/lib/server/app';
import { toActor, type User } from '../../src/lib/domain/user';
import { itemField } from '../../src/lib/domain/report-back';
import { renderReportBack } from '../../src/lib/server/documents';
import { notificationText } from '../../src/lib/server/services/notifications';
import { manualClock, makeUnit, makeUser, superPb } from '../support/services';
import { makeAction, notificationsOf, pngFile } from '../support/actions';

const as = (u: User) => toActor(u);
const VN_MORNING = (day: string) => new Date(`${day}T01:00:00Z`); // 08:00 in Vietnam

async function expectHttp(p: Promise<unknown>, status: number) {
	try {
		await p;
	} catch (e) {
		expect(isHttpError(e) ? e.status : e).toBe(status);
		return;
	}
	throw new Error(`expected HTTP ${status}`);
}

/**
 * A completed check of a fresh unit with its head, a lead, a member, a leader and three actions: one
 * answered with evidence (done), one started (in progress), one untouched (not done).
 */
async function world(reportBackDate: string | null = '2026-03-25') {
	const pb = await superPb();
	const unit = await makeUnit('Phường Mỹ Hưng');
	const other = await makeUnit('Phường Khác');
	const head = await makeUser('unit_head', { unitId: unit.id, name: 'Võ Thành Nhân' });
	const otherHead = await makeUser('unit_head', { unitId: other.id, name: 'Thủ trưởng khác' });
	const lead = await makeUser('inspector', { name: 'Lâm Quốc Thịnh' });
	const member = await makeUser('inspector', { name: 'Huỳnh Thị Ngọc Diễm' });
	const leader = await makeUser('leader', { name: 'Lãnh đạo Sở' });
	const check = await pb.collection('inspections').create({
		title: 'Kiểm tra công vụ quý I',
		kind: 'scheduled',
		unit: unit.id,
		scheduled_start: '2026-03-02 01:00:00.000Z',
		scheduled_end: '2026-03-02 09:00:00.000Z',
		started_at: '2026-03-02 01:05:00.000Z',
		lead: lead.id,
		team: [member.id],
		status: 'completed',
		report_back_date: reportBackDate ? `${reportBackDate} 00:00:00.000Z` : ''
	});
	const done = await makeAction({ unitId: unit.id, dueDate: '2026-03-20', inspectionId: check.id, title: 'Nhắc nhở đeo thẻ công chức' });
	const going = await makeAction({ unitId: unit.id, dueDate: '2026-03-21', inspectionId: check.id, title: 'Thay biển tên trụ sở' });
	const open = await makeAction({
		unitId: unit.id,
		dueDate: '2026-03-22',
		inspectionId: check.id,
		title: 'Lập Phiếu xin lỗi hồ sơ quá hạn'
	});
	const clock = manualClock(VN_MORNING('2026-03-05'));
	const s = createServices(pb, clock, { mail: null });
	expect(await s.actions.step(as(head), done.id, { type: 'submit', text: 'Đã nhắc nhở toàn bộ công chức.' }, [pngFile()])).toEqual({
		ok: true
	});
	expect(await s.actions.step(as(head), going.id, { type: 'start' })).toEqual({ ok: true });
	return { unit, head, otherHead, lead, member, leader, check, done, going, open, clock, s };
}

type World = Awaited<ReturnType<typeof world>>;

/** The form as the page sends it: the pre-filled texts and dates, with `over` on top. */
async function formOf(w: World, over: Record<string, string> = {}) {
	const v = await w.s.reportBacks.view(as(w.head), w.check.id);
	const form: Record<string, string> = { summary: '' };
	for (const it of v.draft) {
		form[itemField.text(it.actionId)] = it.text;
		if (it.expectedDate) form[itemField.date(it.actionId)] = it.expectedDate;
	}
	return { ...form, ...over };
}

describe('report-back', () => {
	test('the draft is pre-filled from the actions: done with its evidence, in progress with a date, not done', async () => {
		const w = await world();
		const v = await w.s.reportBacks.view(as(w.head), w.check.id);
		const byId = Object.fromEntries(v.draft.map((i) => [i.actionId, i]));
		expect(byId[w.done.id]).toMatchObject({ state: 'done', text: 'Đã nhắc nhở toàn bộ công chức.', evidenceCount: 1 });
		expect(byId[w.going.id]).toMatchObject({ state: 'in_progress', expectedDate: '2026-03-21' });
		expect(byId[w.open.id]).toMatchObject({ state: 'not_done', text: '' });
		expect(v.status).toBeNull();
		expect(v.canSubmit).toBe(true);
	});

	test('an action cancelled when its finding was withdrawn on objection is left out of the report', async () => {
		const w = await world();
		const pb = await superPb();
		const cancelled = await makeAction({ unitId: w.unit.id, dueDate: '2026-03-19', inspectionId: w.check.id, title: 'Vi phạm đã rút' });
		await pb.collection('corrective_actions').update(cancelled.id, { status: 'cancelled' });
		const v = await w.s.reportBacks.view(as(w.head), w.check.id);
		expect(v.draft.map((i) => i.actionId).sort()).toEqual([w.done.id, w.going.id, w.open.id].sort());
		// Submitted without a word on it: not refused as a not-done action lacking its reason.
		const r = await w.s.reportBacks.submit(as(w.head), w.check.id, await formOf(w, { [itemField.text(w.open.id)]: 'Chờ kinh phí' }));
		expect(r).toEqual({ ok: true });
	});

	test('a not-done action without a reason is refused beside its field, and nothing is stored', async () => {
		const w = await world();
		const r = await w.s.reportBacks.submit(as(w.head), w.check.id, await formOf(w));
		expect(r).toMatchObject({ ok: false, status: 400, fields: { [itemField.text(w.open.id)]: 'reportback.error.reason_required' } });
		const pb = await superPb();
		expect(await pb.collection('report_backs').getFullList({ filter: pb.filter('inspection = {:c}', { c: w.check.id }) })).toHaveLength(0);
		// An in-progress item without its expected date is refused the same way.
		const r2 = await w.s.reportBacks.submit(
			as(w.head),
			w.check.id,
			await formOf(w, { [itemField.text(w.open.id)]: 'Chờ kinh phí', [itemField.date(w.going.id)]: '' })
		);
		expect(r2).toMatchObject({ ok: false, status: 400, fields: { [itemField.date(w.going.id)]: 'reportback.error.date_required' } });
	});

	test('the head submits once; the team is notified; a second submission is refused', async () => {
		const w = await world();
		const form = await formOf(w, {
			[itemField.text(w.open.id)]: 'Công dân chưa đến nhận Phiếu xin lỗi.',
			summary: 'Đơn vị nghiêm túc khắc phục.'
		});
		expect(await w.s.reportBacks.submit(as(w.head), w.check.id, form)).toEqual({ ok: true });
		const v = await w.s.reportBacks.view(as(w.lead), w.check.id);
		expect(v.status).toBe('submitted');
		expect(v.report?.signerName).toBe('Võ Thành Nhân');
		expect(v.report?.submittedOn).toBe('2026-03-05');
		expect(v.canDecide).toBe(true);
		expect(v.doc?.sections[0]!.lines.map((l) => l.text)).toContain(
			'- Kết quả: Chưa khắc phục. Lý do: Công dân chưa đến nhận Phiếu xin lỗi.'
		);
		for (const u of [w.lead, w.member]) expect(await notificationsOf(u.id, 'reportback_submitted')).toHaveLength(1);
		expect(await w.s.reportBacks.submit(as(w.head), w.check.id, form)).toMatchObject({
			ok: false,
			status: 409,
			code: 'reportback.error.already_submitted'
		});
	});

	test("another unit's head can neither see nor submit; an inspector cannot submit; the unit head cannot acknowledge", async () => {
		const w = await world();
		await expectHttp(w.s.reportBacks.view(as(w.otherHead), w.check.id), 403);
		await expectHttp(w.s.reportBacks.submit(as(w.otherHead), w.check.id, await formOf(w)), 403);
		await expectHttp(w.s.reportBacks.submit(as(w.lead), w.check.id, await formOf(w)), 403);
		await expectHttp(w.s.reportBacks.acknowledge(as(w.head), w.check.id), 403);
		await expectHttp(w.s.reportBacks.document(as(w.otherHead), w.check.id), 403);
	});

	test('concurrent acknowledgements: exactly one is written and the unit head is told once', async () => {
		const w = await world();
		expect(
			await w.s.reportBacks.submit(
				as(w.head),
				w.check.id,
				await formOf(w, { [itemField.text(w.open.id)]: 'Đang chờ ý kiến cơ quan phối hợp.' })
			)
		).toEqual({ ok: true });
		const results = await Promise.all([w.lead, w.member, w.leader, w.lead].map((u) => w.s.reportBacks.acknowledge(as(u), w.check.id)));
		expect(results.filter((r) => r.ok)).toHaveLength(1);
		for (const r of results.filter((r) => !r.ok)) expect(r).toMatchObject({ status: 409 });
		const pb = await superPb();
		const row = await pb.collection('report_backs').getFirstListItem(pb.filter('inspection = {:c}', { c: w.check.id }));
		expect(row.status).toBe('acknowledged');
		expect(row.version).toBe(2);
		expect(await notificationsOf(w.head.id, 'reportback_acknowledged')).toHaveLength(1);
	});

	test('returned with a reason, the head sends it again and the earlier round is kept', async () => {
		const w = await world();
		const form = await formOf(w, { [itemField.text(w.open.id)]: 'Chưa làm.' });
		expect(await w.s.reportBacks.submit(as(w.head), w.check.id, form)).toEqual({ ok: true });
		expect(await w.s.reportBacks.returnReport(as(w.lead), w.check.id, '  ')).toMatchObject({
			ok: false,
			status: 400,
			fields: { reason: 'reportback.error.return_reason_required' }
		});
		expect(await w.s.reportBacks.returnReport(as(w.lead), w.check.id, 'Lý do chưa cụ thể.')).toEqual({ ok: true });
		expect(await notificationsOf(w.head.id, 'reportback_returned')).toHaveLength(1);
		const v = await w.s.reportBacks.view(as(w.head), w.check.id);
		expect(v.status).toBe('returned');
		expect(v.canSubmit).toBe(true);
		// The wording sent last time comes back for the item whose state has not changed.
		expect(v.draft.find((i) => i.actionId === w.open.id)?.text).toBe('Chưa làm.');
		expect(
			await w.s.reportBacks.submit(as(w.head), w.check.id, { ...form, [itemField.text(w.open.id)]: 'Chờ công dân đến nhận, dự kiến 30/3.' })
		).toEqual({ ok: true });
		const again = await w.s.reportBacks.view(as(w.lead), w.check.id);
		expect(again.status).toBe('submitted');
		expect(again.history).toHaveLength(1);
		expect(again.history[0]!.reason).toBe('Lý do chưa cụ thể.');
		expect(await notificationsOf(w.lead.id, 'reportback_submitted')).toHaveLength(2);
	});

	test('reminders: D-3, D-1 and overdue each sent once, overdue also to leaders; nothing once reported', async () => {
		const w = await world('2026-03-25');
		const kinds = async (u: User) => (await notificationsOf(u.id)).map((n) => String(n.kind)).filter((k) => k.startsWith('reportback_'));
		const run = async (day: string) => {
			w.clock.set(VN_MORNING(day));
			await w.s.scheduler.runDueChecks(w.clock());
		};
		await run('2026-03-21'); // 4 days before: nothing yet
		expect(await kinds(w.head)).toEqual([]);
		await run('2026-03-22');
		await run('2026-03-22');
		await run('2026-03-23');
		expect(await kinds(w.head)).toEqual(['reportback_due_in_3_days']);
		await run('2026-03-24');
		await run('2026-03-25');
		expect(await kinds(w.head)).toEqual(['reportback_due_in_3_days', 'reportback_due_in_1_day']);
		await run('2026-03-26');
		await run('2026-03-27');
		expect(await kinds(w.head)).toEqual(['reportback_due_in_3_days', 'reportback_due_in_1_day', 'reportback_overdue']);
		expect(
			(await notificationsOf(w.leader.id, 'reportback_overdue')).filter(
				(n) => n.params.title === w.check.title && n.link.includes(w.check.id)
			)
		).toHaveLength(1);
		const [overdue] = await notificationsOf(w.head.id, 'reportback_overdue');
		expect(overdue!.params.date).toBe('2026-03-25'); // shown as 25/03/2026 (domain/notification-text.ts)
		expect(notificationText({ kind: String(overdue!.kind), params: overdue!.params }, 'vi').body).toContain('25/03/2026');
		expect((await w.s.reportBacks.view(as(w.lead), w.check.id)).overdue).toBe(true);

		// A unit that reported before its date gets no reminder at all.
		const on = await world('2026-03-25');
		expect(
			await on.s.reportBacks.submit(as(on.head), on.check.id, await formOf(on, { [itemField.text(on.open.id)]: 'Đang xử lý.' }))
		).toEqual({ ok: true });
		for (const day of ['2026-03-22', '2026-03-24', '2026-03-27']) {
			on.clock.set(VN_MORNING(day));
			await on.s.scheduler.runDueChecks(on.clock());
		}
		expect(await kinds(on.head)).toEqual([]);
	});

	test('a check without a report-back date: the lead sets one; a member cannot', async () => {
		const w = await world(null);
		const v = await w.s.reportBacks.view(as(w.lead), w.check.id);
		expect(v.check.reportBackDate).toBeNull();
		expect(v.canSetDate).toBe(true);
		await expectHttp(w.s.reportBacks.setDate(as(w.member), w.check.id, '2026-04-01'), 403);
		expect(await w.s.reportBacks.setDate(as(w.lead), w.check.id, '2026-04-01', v.check.version)).toEqual({ ok: true });
		// The page's version is now old: a second write from it is stale, not lost silently.
		expect(await w.s.reportBacks.setDate(as(w.lead), w.check.id, '2026-04-02', v.check.version)).toMatchObject({ status: 409 });
		expect((await w.s.reportBacks.view(as(w.head), w.check.id)).check.reportBackDate).toBe('2026-04-01');
	});

	test('the PDF has the official layout and the report text (extracted with pdftotext)', async () => {
		const w = await world();
		const reason = 'Công dân chưa đến nhận Phiếu xin lỗi.';
		expect(await w.s.reportBacks.submit(as(w.head), w.check.id, await formOf(w, { [itemField.text(w.open.id)]: reason }))).toEqual({
			ok: true
		});
		const { doc } = await w.s.reportBacks.document(as(w.head), w.check.id);
		const pdf = await renderReportBack('pdf', doc);
		const dir = mkdtempSync(join(tmpdir(), 'report-back-'));
		const file = join(dir, 'bao-cao.pdf');
		writeFileSync(file, pdf);
		const text = execFileSync('pdftotext', ['-layout', file, '-']).toString('utf8').replace(/\s+/g, ' ');
		for (const s of [
			'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
			'Độc lập - Tự do - Hạnh phúc',
			'PHƯỜNG MỸ HƯNG',
			'Mỹ Hưng, ngày 05 tháng 3 năm 2026',
			'BÁO CÁO',
			'Kết quả khắc phục sau kiểm tra công vụ',
			'Biên bản kiểm tra công vụ ngày 02/03/2026',
			'Nhắc nhở đeo thẻ công chức',
			'Đã nhắc nhở toàn bộ công chức.',
			'dự kiến hoàn thành ngày 21/03/2026',
			reason,
			'THỦ TRƯỞNG ĐƠN VỊ',
			'Võ Thành Nhân',
			'Nơi nhận:'
		])
			expect(text).toContain(s);
		// One page as an image, for a person to look at (kept in the temp dir).
		execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', file, join(dir, 'page')]);
		expect(readdirSync(dir).some((f) => f.startsWith('page') && f.endsWith('.png'))).toBe(true);
		writeFileSync(join(tmpdir(), 'report-back-last.txt'), dir);
		expect(doc.draftNote).toBeNull();
		// Nothing sent yet: the document is the pre-filled draft, marked as such and unsigned.
		const fresh = await world();
		const draft = (await fresh.s.reportBacks.document(as(fresh.head), fresh.check.id)).doc;
		expect(draft.draftNote).toBe('(Dự thảo — đơn vị chưa gửi báo cáo)');
		expect(draft.signature.name).toBe('');
	});
});
