// Issue #11 point 10: notifications, in the inbox and by e-mail, print dates dd/MM/yyyy and say how an
// extension request was decided (approved with the new due date, or refused).
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createServices } from '../../src/lib/server/app';
import { notificationText } from '../../src/lib/server/services/notifications';
import { toActor, type User } from '../../src/lib/domain/user';
import { manualClock, superPb } from '../support/services';
import { startSmtpSink, type SmtpSink } from '../support/smtp';
import { actionWorld } from '../support/actions';

let sink: SmtpSink;
beforeAll(async () => {
	sink = await startSmtpSink();
});
afterAll(async () => {
	await sink.stop();
});

const as = (u: User) => toActor(u);
const VN_MORNING = (day: string) => new Date(`${day}T01:00:00Z`);

async function inboxOf(s: Awaited<ReturnType<typeof createServices>>, u: User) {
	return (await s.notifications.inbox(as(u))).map((n) => ({ kind: n.kind, ...notificationText(n, 'vi') }));
}

describe('issue #11 point 10: notifications print dd/MM/yyyy and say how an extension was decided', () => {
	test('a request and its approval: the date as 20/03/2026, "được chấp thuận" with the new due date, in the inbox and the mail', async () => {
		const w = await actionWorld('2026-03-10');
		const s = await createServices(await superPb(), manualClock(VN_MORNING('2026-03-04')), { mail: sink.settings });
		expect(
			await s.actions.step(as(w.head), w.action.id, { type: 'request_extension', reason: 'Chờ sửa bảng', newDueDate: '2026-03-20' })
		).toEqual({ ok: true });
		expect(await s.actions.step(as(w.leader), w.action.id, { type: 'approve_extension' })).toEqual({ ok: true });
		await s.notifications.idle();

		const asked = (await inboxOf(s, w.inspector)).find((n) => n.kind === 'extension_requested')!;
		expect(asked.body).toContain('đến ngày 20/03/2026');
		const decided = (await inboxOf(s, w.head)).find((n) => n.kind === 'extension_approved')!;
		expect(decided.subject).toBe('Đề nghị gia hạn được chấp thuận');
		expect(decided.body).toBe(`Đề nghị gia hạn “${w.action.title}” đã được chấp thuận: hạn khắc phục mới là ngày 20/03/2026.`);

		const mails = sink.to(w.head.email).filter((m) => m.text.includes(`/actions/${w.action.id}`));
		expect(mails.map((m) => m.subject)).toEqual(['Đề nghị gia hạn được chấp thuận']);
		expect(mails[0]!.text).toContain('hạn khắc phục mới là ngày 20/03/2026');
		for (const m of [...sink.to(w.head.email), ...sink.to(w.inspector.email)]) expect(m.text).not.toMatch(/\d{4}-\d{2}-\d{2}/);
	});

	test('a refusal says "không được chấp thuận", never only "đã có quyết định"', async () => {
		const w = await actionWorld('2026-03-10');
		const s = await createServices(await superPb(), manualClock(VN_MORNING('2026-03-04')), { mail: null });
		await s.actions.step(as(w.head), w.action.id, { type: 'request_extension', reason: 'Chờ kinh phí', newDueDate: '2027-01-01' });
		expect(await s.actions.step(as(w.leader), w.action.id, { type: 'refuse_extension', reason: 'Không có căn cứ' })).toEqual({ ok: true });
		const decided = (await inboxOf(s, w.head)).find((n) => n.kind === 'extension_refused')!;
		expect(decided.subject).toBe('Đề nghị gia hạn không được chấp thuận');
		expect(decided.body).toContain('(đến ngày 01/01/2027) không được chấp thuận');
		expect(decided.body).not.toContain('đã có quyết định');
	});

	test('reminders print the due date dd/MM/yyyy', async () => {
		const w = await actionWorld('2026-04-10');
		const clock = manualClock(VN_MORNING('2026-04-07'));
		const s = await createServices(await superPb(), clock, { mail: null });
		await s.scheduler.runDueChecks(clock());
		const due = (await inboxOf(s, w.head)).find((n) => n.kind === 'due_in_3_days')!;
		expect(due.body).toContain('hạn chót ngày 10/04/2026');
	});
});
