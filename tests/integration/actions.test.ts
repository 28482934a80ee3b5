// Corrective actions on a real PocketBase: the workflow with evidence, bad input that changes nothing,
// another unit's head refused, reminders and overdue flags that fire once (also across a restart),
// and mail reaching a local SMTP sink — or, when SMTP is down, retried without failing the step.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { isHttpError } from '@sveltejs/kit';
import { createServices } from '../../src/lib/server/app';
import { toActor, type User } from '../../src/lib/domain/user';
import { manualClock, makeUnit, makeUser, superPb, testServices } from '../support/services';
import { startSmtpSink, freePort, type SmtpSink } from '../support/smtp';
import { actionWorld, historyOf, notificationsOf, pdfFile, pngFile } from '../support/actions';

let sink: SmtpSink;
beforeAll(async () => {
	sink = await startSmtpSink();
});
afterAll(async () => {
	await sink.stop();
});

const as = (u: User) => toActor(u);
const VN_MORNING = (day: string) => new Date(`${day}T01:00:00Z`); // 08:00 in Vietnam

async function services(clock: ReturnType<typeof manualClock>, mail: 'sink' | 'none' | { port: number } = 'sink') {
	const settings = mail === 'sink' ? sink.settings : mail === 'none' ? null : { ...sink.settings, port: mail.port };
	return createServices(await superPb(), clock, { mail: settings });
}

async function statusOf(id: string) {
	return (await superPb()).collection('corrective_actions').getOne(id);
}

async function expectHttp(p: Promise<unknown>, status: number) {
	try {
		await p;
	} catch (e) {
		expect(isHttpError(e) ? e.status : e).toBe(status);
		return;
	}
	throw new Error(`expected HTTP ${status}`);
}

describe('corrective action workflow', () => {
	test('the unit head answers with a photo, the inspector returns it, the head resubmits, the inspector verifies on time', async () => {
		const w = await actionWorld('2026-03-10');
		const clock = manualClock(VN_MORNING('2026-03-03'));
		const s = await services(clock);

		expect(await s.actions.explain(as(w.head), w.action.id, 'Do cán bộ chưa nắm quy định giờ làm việc.')).toEqual({ ok: true });
		expect(await s.actions.step(as(w.head), w.action.id, { type: 'start' })).toEqual({ ok: true });
		expect(
			await s.actions.step(as(w.head), w.action.id, { type: 'submit', text: 'Đã chấn chỉnh, niêm yết nội quy.' }, [pngFile()])
		).toEqual({ ok: true });
		expect((await statusOf(w.action.id)).status).toBe('submitted');

		expect(await s.actions.step(as(w.inspector), w.action.id, { type: 'return', reason: 'Ảnh chưa thể hiện bảng nội quy.' })).toEqual({
			ok: true
		});
		let rec = await statusOf(w.action.id);
		expect(rec.status).toBe('in_progress');
		expect(rec.return_count).toBe(1);

		clock.set(VN_MORNING('2026-03-05'));
		expect(
			await s.actions.step(as(w.head), w.action.id, { type: 'submit', text: 'Bổ sung ảnh bảng nội quy.' }, [
				pngFile('bang-noi-quy.png'),
				pdfFile()
			])
		).toEqual({ ok: true });
		expect(await s.actions.step(as(w.inspector), w.action.id, { type: 'verify' })).toEqual({ ok: true });
		rec = await statusOf(w.action.id);
		expect(rec.status).toBe('verified');
		expect(rec.closed_on_time).toBe(true);
		expect(rec.unit_explanation).toContain('chưa nắm quy định');

		const history = await historyOf(w.action.id);
		expect(history.map((h) => h.kind)).toEqual(['explain', 'start', 'submit', 'return', 'submit', 'verify']);
		expect(history[2]!.actor).toBe(w.head.id);
		expect(history[2]!.files).toHaveLength(1);
		expect(history[4]!.files).toHaveLength(2);
		expect(history[3]!.text).toBe('Ảnh chưa thể hiện bảng nội quy.');

		// The detail shows the history with the people who acted; the leader sees the outcome.
		const d = await s.actions.detail(as(w.leader), w.action.id);
		expect(d.outcome).toBe('done_on_time');
		expect(d.history.find((h) => h.kind === 'return')?.actorName).toBe('Kiểm tra viên thử');

		// Evidence is served through the app after authorization.
		const photo = await s.actions.file(as(w.leader), history[2]!.id, history[2]!.files[0], false);
		expect(photo.headers.get('content-type')).toBe('image/png');
		expect((await photo.arrayBuffer()).byteLength).toBeGreaterThan(50);

		// Mail went to the right people: the team on submit, the unit head on return and verify.
		await s.notifications.idle();
		expect(sink.to(w.inspector.email).map((m) => m.subject)).toContain('Đơn vị đã báo cáo kết quả khắc phục');
		expect(sink.to(w.head.email).map((m) => m.subject)).toEqual(
			expect.arrayContaining(['Kết quả khắc phục bị trả lại', 'Kết quả khắc phục đã được xác minh'])
		);
		expect(sink.to(w.head.email).some((m) => m.subject === 'Đơn vị đã báo cáo kết quả khắc phục')).toBe(false);
	});

	test('bad input is refused with a clear code and changes nothing', async () => {
		const w = await actionWorld('2026-03-10');
		const clock = manualClock(VN_MORNING('2026-03-04'));
		const s = await services(clock, 'none');
		const before = await historyOf(w.action.id);

		// Illegal transitions
		expect(await s.actions.step(as(w.inspector), w.action.id, { type: 'close' })).toMatchObject({
			ok: false,
			status: 409,
			code: 'action.error.not_verified'
		});
		expect(await s.actions.step(as(w.inspector), w.action.id, { type: 'verify' })).toMatchObject({
			ok: false,
			code: 'action.error.not_submitted'
		});
		// Extension to a past date
		expect(
			await s.actions.step(as(w.head), w.action.id, { type: 'request_extension', reason: 'Chờ kinh phí', newDueDate: '2026-03-01' })
		).toMatchObject({ ok: false, status: 400, code: 'action.error.date_in_past' });
		// Evidence of a forbidden type (a text file named .png) or too large
		const fake = new File(['not an image'], 'anh.png', { type: 'image/png' });
		expect(await s.actions.step(as(w.head), w.action.id, { type: 'submit', text: 'x' }, [fake])).toMatchObject({
			ok: false,
			status: 400,
			code: 'action.error.file_type',
			params: { name: 'anh.png' }
		});
		const big = new File([Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(11 * 1024 * 1024)])], 'lon.jpg', {
			type: 'image/jpeg'
		});
		expect(await s.actions.step(as(w.head), w.action.id, { type: 'submit', text: 'x' }, [big])).toMatchObject({
			code: 'action.error.file_size'
		});
		// The unit head cannot verify the unit's own response; an inspector cannot respond
		expect(await s.actions.step(as(w.head), w.action.id, { type: 'submit', text: 'Đã khắc phục' })).toEqual({ ok: true });
		expect(await s.actions.step(as(w.head), w.action.id, { type: 'verify' })).toMatchObject({
			ok: false,
			status: 403,
			code: 'action.error.not_verifier'
		});
		expect(await s.actions.step(as(w.inspector), w.action.id, { type: 'return', reason: '   ' })).toMatchObject({
			code: 'action.error.reason_required'
		});

		const rec = await statusOf(w.action.id);
		expect(rec.status).toBe('submitted');
		expect(rec.due_date).toBe('2026-03-10');
		expect(rec.pending_extension).toBeNull();
		expect((await historyOf(w.action.id)).length).toBe(before.length + 1); // only the one good submit
	});

	test('an extension is requested and approved: the due date moves, counted once', async () => {
		const w = await actionWorld('2026-03-10');
		await (await superPb()).collection('corrective_actions').update(w.action.id, { original_due_date: '' }); // as a creator that left it empty
		const s = await services(manualClock(VN_MORNING('2026-03-04')), 'none');
		expect(
			await s.actions.step(as(w.head), w.action.id, { type: 'request_extension', reason: 'Chờ sửa bảng', newDueDate: '2026-03-20' })
		).toEqual({ ok: true });
		expect(await s.actions.step(as(w.leader), w.action.id, { type: 'approve_extension' })).toEqual({ ok: true });
		const rec = await statusOf(w.action.id);
		expect(rec.due_date).toBe('2026-03-20');
		expect(rec.original_due_date).toBe('2026-03-10');
		expect(rec.extension_count).toBe(1);
		expect(
			await s.actions.step(as(w.head), w.action.id, { type: 'request_extension', reason: 'Lần nữa', newDueDate: '2026-03-30' })
		).toMatchObject({
			code: 'action.error.extension_limit'
		});
	});

	test('the head of unit A gets nothing of unit B’s action: detail, steps, files and the board', async () => {
		const w = await actionWorld('2026-03-10');
		const otherUnit = await makeUnit('Phường khác');
		const otherHead = await makeUser('unit_head', { unitId: otherUnit.id });
		const s = await services(manualClock(VN_MORNING('2026-03-04')), 'none');
		await s.actions.step(as(w.head), w.action.id, { type: 'submit', text: 'x' }, [pngFile()]);
		const submit = (await historyOf(w.action.id)).find((h) => h.kind === 'submit')!;

		await expectHttp(s.actions.detail(as(otherHead), w.action.id), 403);
		await expectHttp(s.actions.step(as(otherHead), w.action.id, { type: 'comment', text: 'xin chào' }), 403);
		await expectHttp(s.actions.explain(as(otherHead), w.action.id, 'giải trình'), 403);
		await expectHttp(s.actions.setDelegates(as(otherHead), w.action.id, [otherHead.id]), 403);
		await expectHttp(s.actions.file(as(otherHead), submit.id, submit.files[0], false), 403);
		await expectHttp(s.actions.detail(as(otherHead), 'zzzzzzzzzzzzzzz'), 404);

		const board = await s.actions.board(as(otherHead), { overdue: false, sort: 'due_asc', unit: w.unit.id });
		expect(board.items.map((a) => a.id)).not.toContain(w.action.id);
		const own = await s.actions.board(as(w.head), { overdue: false, sort: 'due_asc' });
		expect(own.items.map((a) => a.id)).toEqual([w.action.id]);
		expect(own.counts.submitted).toBe(1);
		expect((await statusOf(w.action.id)).status).toBe('submitted');
	});

	test('a named delegate responds; the board filters by unit subtree and status', async () => {
		const parent = await makeUnit('Sở thử');
		const w = await actionWorld('2026-03-10');
		await (await superPb()).collection('units').update(w.unit.id, { parent: parent.id });
		const deputy = await makeUser('unit_head', { unitId: w.unit.id, name: 'Phó thủ trưởng' });
		const s = await services(manualClock(VN_MORNING('2026-03-04')), 'none');
		expect(await s.actions.step(as(deputy), w.action.id, { type: 'start' })).toEqual({ ok: true }); // same-unit head role responds
		const outsider = await makeUser('inspector');
		expect(await s.actions.setDelegates(as(w.head), w.action.id, [outsider.id])).toMatchObject({ code: 'action.error.delegate_invalid' });
		expect(await s.actions.setDelegates(as(w.head), w.action.id, [deputy.id])).toEqual({ ok: true });
		expect((await statusOf(w.action.id)).delegates).toEqual([deputy.id]);

		const board = await s.actions.board(as(w.leader), { overdue: false, sort: 'due_asc', unit: parent.id, status: 'in_progress' });
		expect(board.items.map((a) => a.id)).toEqual([w.action.id]);
		expect(board.counts.in_progress).toBe(1);
	});
});

describe('deadlines on the Vietnamese clock', () => {
	test('reminders 3 and 1 days before and the overdue flag fire once, also after a restart', async () => {
		const w = await actionWorld('2026-04-10');
		const clock = manualClock(VN_MORNING('2026-04-07'));
		const first = await services(clock);

		await first.scheduler.runDueChecks(clock());
		await first.scheduler.runDueChecks(clock());
		const restarted = await services(clock); // a fresh process: no memory of earlier runs
		await restarted.scheduler.runDueChecks(clock());
		expect((await notificationsOf(w.head.id, 'due_in_3_days')).length).toBe(1);

		clock.set(VN_MORNING('2026-04-09'));
		await first.scheduler.runDueChecks(clock());
		await (await services(clock)).scheduler.runDueChecks(clock());
		expect((await notificationsOf(w.head.id, 'due_in_1_day')).length).toBe(1);
		expect((await statusOf(w.action.id)).overdue).toBe(false);

		// 10/04 23:30 in Vietnam is still the due date (16:30 UTC): not overdue yet.
		clock.set(new Date('2026-04-10T16:30:00Z'));
		await first.scheduler.runDueChecks(clock());
		expect((await statusOf(w.action.id)).overdue).toBe(false);
		// 11/04 00:30 in Vietnam (10/04 17:30 UTC): overdue.
		clock.set(new Date('2026-04-10T17:30:00Z'));
		await first.scheduler.runDueChecks(clock());
		await first.scheduler.runDueChecks(clock());
		await (await services(clock)).scheduler.runDueChecks(clock());
		const rec = await statusOf(w.action.id);
		expect(rec.overdue).toBe(true);
		expect((await notificationsOf(w.head.id, 'overdue')).length).toBe(1);
		// Leaders hear of every overdue action (other tests' too): count this one's.
		const link = `/actions/${w.action.id}`;
		expect((await notificationsOf(w.leader.id, 'overdue')).filter((n) => n.link === link)).toHaveLength(1);
		expect((await historyOf(w.action.id)).filter((h) => h.kind === 'overdue')).toHaveLength(1);

		// Mail: each reminder once, to the unit head; the overdue one also to the leader.
		expect(sink.to(w.head.email).map((m) => m.subject)).toEqual(['Sắp đến hạn khắc phục', 'Đến hạn khắc phục', 'Quá hạn khắc phục']);
		expect(
			sink
				.to(w.leader.email)
				.filter((m) => m.text.includes(link))
				.map((m) => m.subject)
		).toEqual(['Quá hạn khắc phục']);
		expect(sink.to(w.inspector.email)).toHaveLength(0);
	});

	test('a user who switched e-mail off for a kind gets it in the inbox only', async () => {
		const w = await actionWorld('2026-05-12');
		const clock = manualClock(VN_MORNING('2026-05-09'));
		const s = await services(clock);
		await s.notifications.setEmailPrefs(as(w.head), ['overdue']);
		await s.scheduler.runDueChecks(clock());
		expect((await notificationsOf(w.head.id, 'due_in_3_days')).map((n) => n.email_status)).toEqual(['none']);
		expect(sink.to(w.head.email)).toHaveLength(0);
		expect(await s.notifications.unreadCount(as(w.head))).toBe(1);
		await s.notifications.markAllRead(as(w.head));
		expect(await s.notifications.unreadCount(as(w.head))).toBe(0);
	});

	test('a dead SMTP server does not fail the step; the mail is retried later with backoff', async () => {
		const w = await actionWorld('2026-03-10');
		const clock = manualClock(VN_MORNING('2026-03-04'));
		const closedPort = await freePort();
		const down = await services(clock, { port: closedPort });
		expect(await down.actions.step(as(w.head), w.action.id, { type: 'submit', text: 'Đã khắc phục' })).toEqual({ ok: true });
		await down.notifications.idle();
		let n = (await notificationsOf(w.inspector.id, 'action_submitted'))[0]!;
		expect(n.email_status).toBe('pending');
		expect(n.email_attempts).toBe(1);
		expect((await statusOf(w.action.id)).status).toBe('submitted');

		// Before the backoff delay nothing is retried; after it, with SMTP back, the mail goes out.
		const up = await services(clock);
		await up.scheduler.runDueChecks(clock());
		expect(sink.to(w.inspector.email)).toHaveLength(0);
		clock.advance(2 * 60_000);
		await up.scheduler.runDueChecks(clock());
		n = (await notificationsOf(w.inspector.id, 'action_submitted'))[0]!;
		expect(n.email_status).toBe('sent');
		expect(sink.to(w.inspector.email).map((m) => m.subject)).toEqual(['Đơn vị đã báo cáo kết quả khắc phục']);
	});
});

test('two processes deliver a pending mail at once: it is sent once', async () => {
	// A CI run of 03/12/2026 sent a reminder twice: a restarted process re-sent a mail whose first send
	// was still under way (docs/deploy.md §10 "Exactly one mail per notification").
	const w = await actionWorld('2026-03-10');
	const clock = manualClock(VN_MORNING('2026-03-04'));
	const down = await services(clock, { port: await freePort() });
	expect(await down.actions.step(as(w.head), w.action.id, { type: 'submit', text: 'Đã khắc phục' })).toEqual({ ok: true });
	await down.notifications.idle();
	expect((await notificationsOf(w.inspector.id, 'action_submitted'))[0]!.email_status).toBe('pending');

	clock.advance(5 * 60_000); // past the retry delay
	const [a, b] = [await services(clock), await services(clock)];
	await Promise.all([a.notifications.deliverDue(clock()), b.notifications.deliverDue(clock())]);
	expect(sink.to(w.inspector.email).map((m) => m.subject)).toEqual(['Đơn vị đã báo cáo kết quả khắc phục']);
	const n = (await notificationsOf(w.inspector.id, 'action_submitted'))[0]!;
	expect([n.email_status, n.email_attempts]).toEqual(['sent', 2]);

	// Sent: a later delivery by either process sends nothing more.
	clock.advance(60 * 60_000);
	await Promise.all([a.notifications.deliverDue(clock()), b.notifications.deliverDue(clock())]);
	expect(sink.to(w.inspector.email)).toHaveLength(1);

	// The claim is the app's service account's alone.
	const res = await fetch(`${(await superPb()).baseURL}/api/congvu/notifications/claim`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ id: n.id, now: '9999-12-31 00:00:00.000Z', lease: '9999-12-31 00:00:00.000Z' })
	});
	expect(res.status).toBe(401);
});

test('a unit head with no SMTP configured still gets in-app notifications (email_status none)', async () => {
	const w = await actionWorld('2026-03-10');
	const s = await testServices(manualClock(VN_MORNING('2026-03-04')));
	await s.actions.step(as(w.head), w.action.id, { type: 'submit', text: 'Đã khắc phục' });
	await s.actions.step(as(w.inspector), w.action.id, { type: 'return', reason: 'Chưa đạt' });
	const n = (await notificationsOf(w.head.id, 'action_returned'))[0]!;
	expect(n.email_status).toBe('none');
	expect(n.link).toBe(`/actions/${w.action.id}`);
});
