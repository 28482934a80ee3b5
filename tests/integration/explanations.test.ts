// Issue #13 §3–§4 on a real PocketBase: written explanations requested after a check and submitted by
// the unit (text and a scan; late; reminded once), and objections (filed, accepted — the finding
// withdrawn beside the original, its action cancelled, the figures recounted — or rejected with a
// reason; two decisions at once give one; another unit's head refused).
import { describe, expect, test } from 'vitest';
import { isHttpError } from '@sveltejs/kit';
import { toActor, type User } from '../../src/lib/domain/user';
import { manualClock, makeUnit, makeUser, superPb, testServices } from '../support/services';
import { makeCheck, typeId } from '../support/onsite';
import { notificationsOf, pdfFile } from '../support/actions';

const as = (u: User) => toActor(u);
// Monday 02/03/2026, 09:00 in Vietnam (the check's day in tests/support/onsite.ts).
const START = new Date('2026-03-02T02:00:00Z');

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
 * A completed check of its own unit with two findings against people, and the people around it;
 * `onSite` runs before completion (with the first finding's id).
 */
async function completedCheck(
	onSite?: (s: Awaited<ReturnType<typeof testServices>>, lead: ReturnType<typeof as>, f1: string) => Promise<void>
) {
	const clock = manualClock(START);
	const s = await testServices(clock, { mail: null });
	const w = await makeCheck({ staff: 3 });
	const lead = as(w.lead);
	const member = as(w.member);
	const head = await makeUser('unit_head', { unitId: w.unit.id, name: 'Thủ Trưởng Đơn Vị' });
	const other = await makeUnit('phường Khác');
	const otherHead = await makeUser('unit_head', { unitId: other.id });
	const leader = await makeUser('leader');
	expect((await s.onsite.start(lead, w.check.id, { lat: null, lon: null, accuracy: null })).ok).toBe(true);
	const type = await typeId('OC-BADGE');
	const add = async (staffId: string, key: string, description: string) => {
		const r = await s.onsite.addFinding(
			lead,
			w.check.id,
			{ clientKey: key, staffId, typeId: type, description, observedTime: '', keepLocation: false, photoMeta: '[]' },
			[]
		);
		if (!r.ok) throw new Error(JSON.stringify(r));
		return r.value.findingId;
	};
	const f1 = await add(w.staff[0]!.id, `k1-${w.check.id}`, 'Không đeo thẻ công chức');
	const f2 = await add(w.staff[1]!.id, `k2-${w.check.id}`, 'Hút thuốc trong phòng làm việc');
	await onSite?.(s, lead, f1);
	const done = await s.onsite.complete(lead, w.check.id, { signedOnPaper: true, grouping: 'per_finding' });
	if (!done.ok) throw new Error(JSON.stringify(done));
	return { s, clock, w, lead, member, head, otherHead, leader, f1, f2 };
}

async function requestRow(id: string) {
	return (await superPb()).collection('explanation_requests').getOne(id);
}

describe('written explanations', () => {
	test('the team requests one with a due date; the unit head submits text and a scan; the team is told; the biên bản is unchanged', async () => {
		const { s, w, lead, head, f1 } = await completedCheck();
		const before = (await s.onsite.record(lead, w.check.id)).doc;
		const view = await s.explanations.forTeam(lead, w.check.id);
		expect(view.defaultDue).toBe('2026-03-05'); // 3 working days after Mon 02/03/2026
		const r = await s.explanations.request(lead, f1, { addressee: 'person', dueDate: view.defaultDue });
		if (!r.ok) throw new Error(JSON.stringify(r));
		expect(await notificationsOf(head.id, 'explanation_requested')).toHaveLength(1);

		// Nothing typed and no file: refused beside the text field, nothing saved.
		const empty = await s.explanations.submit(as(head), r.value.id, '  ', null);
		expect(empty).toMatchObject({ ok: false, status: 400, fields: { text: 'explain.error.empty' } });
		// Not a PDF/JPEG/PNG by its bytes: refused beside the file field.
		const fake = new File([Buffer.from('not a pdf at all')], 'x.pdf', { type: 'application/pdf' });
		expect(await s.explanations.submit(as(head), r.value.id, 'Nội dung', fake)).toMatchObject({
			ok: false,
			fields: { file: 'explain.error.file' }
		});
		expect((await requestRow(r.value.id)).status).toBe('requested');

		const sent = await s.explanations.submit(as(head), r.value.id, 'Tôi quên đeo thẻ, đã rút kinh nghiệm.', pdfFile('tuong-trinh.pdf'));
		expect(sent).toEqual({ ok: true, value: { late: false } });
		const row = await requestRow(r.value.id);
		expect(row.status).toBe('submitted');
		expect(row.late).toBe(false);
		expect(String(row.file)).toMatch(/\.pdf$/);
		expect(row.text).toBe('Tôi quên đeo thẻ, đã rút kinh nghiệm.');
		expect(await notificationsOf(lead.id, 'explanation_submitted')).toHaveLength(1);
		// Submitting twice is refused.
		expect(await s.explanations.submit(as(head), r.value.id, 'Lần hai', null)).toMatchObject({
			ok: false,
			code: 'explain.error.already_submitted'
		});

		// The signed record keeps what was said on site: the written explanation is not in it.
		const after = (await s.onsite.record(lead, w.check.id)).doc;
		expect(after).toEqual(before);
		const unitView = await s.explanations.forUnit(as(head), f1);
		expect(unitView.requests[0]).toMatchObject({ status: 'submitted', text: 'Tôi quên đeo thẻ, đã rút kinh nghiệm.' });
	});

	test('reminded the day before and once overdue (repeated runs send nothing more); a late one is accepted and marked late', async () => {
		const { s, clock, lead, head, f1, f2 } = await completedCheck();
		const r1 = await s.explanations.request(lead, f1, { addressee: 'person', dueDate: '2026-03-04' });
		const r2 = await s.explanations.request(lead, f2, { addressee: 'unit', dueDate: '2026-03-04' });
		if (!r1.ok || !r2.ok) throw new Error('request');
		// A due date in the past is refused beside its field.
		expect(await s.explanations.request(lead, f2, { addressee: 'person', dueDate: '2026-03-01' })).toMatchObject({
			ok: false,
			fields: { due_date: 'explain.error.due_past' }
		});
		// Once per finding and addressee.
		expect(await s.explanations.request(lead, f1, { addressee: 'person', dueDate: '2026-03-06' })).toMatchObject({
			ok: false,
			code: 'explain.error.already_requested'
		});

		clock.set(new Date('2026-03-03T02:00:00Z')); // D-1
		await s.scheduler.runDueChecks();
		await s.scheduler.runDueChecks();
		expect(await notificationsOf(head.id, 'explanation_due_in_1_day')).toHaveLength(2); // one per request

		clock.set(new Date('2026-03-05T02:00:00Z')); // overdue
		await s.scheduler.runDueChecks();
		await s.scheduler.runDueChecks();
		clock.set(new Date('2026-03-06T02:00:00Z'));
		await s.scheduler.runDueChecks();
		expect(await notificationsOf(head.id, 'explanation_overdue')).toHaveLength(2);

		const late = await s.explanations.submit(as(head), r1.value.id, 'Nộp muộn vì ốm.', null);
		expect(late).toEqual({ ok: true, value: { late: true } });
		expect((await requestRow(r1.value.id)).late).toBe(true);
		// Submitted: no more reminders for it.
		clock.set(new Date('2026-03-09T02:00:00Z'));
		await s.scheduler.runDueChecks();
		expect(await notificationsOf(head.id, 'explanation_overdue')).toHaveLength(2);
	});

	test('a request made on site reaches the unit once the check is completed, once', async () => {
		let unitId = '';
		const { s } = await completedCheck(async (s, lead, f1) => {
			const r = await s.explanations.request(lead, f1, { addressee: 'unit', dueDate: '2026-03-06' });
			if (!r.ok) throw new Error(JSON.stringify(r));
			unitId = String((await (await superPb()).collection('findings').getOne(f1)).unit);
		});
		const pb = await superPb();
		const [head] = await pb.collection('users').getFullList({ filter: pb.filter("role = 'unit_head' && unit = {:u}", { u: unitId }) });
		expect(await notificationsOf(head!.id, 'explanation_requested')).toHaveLength(0);
		await s.scheduler.runDueChecks();
		await s.scheduler.runDueChecks();
		expect(await notificationsOf(head!.id, 'explanation_requested')).toHaveLength(1);
	});

	test('the head of another unit can neither read nor submit nor object', async () => {
		const { s, lead, otherHead, f1 } = await completedCheck();
		const r = await s.explanations.request(lead, f1, { addressee: 'person', dueDate: '2026-03-05' });
		if (!r.ok) throw new Error('request');
		await expectHttp(s.explanations.forUnit(as(otherHead), f1), 403);
		await expectHttp(s.explanations.submit(as(otherHead), r.value.id, 'Không phải đơn vị tôi', null), 403);
		await expectHttp(s.objections.file(as(otherHead), f1, 'Không đồng ý', null), 403);
		expect((await requestRow(r.value.id)).status).toBe('requested');
	});
});

describe('objections', () => {
	const figures = async (s: Awaited<ReturnType<typeof testServices>>, head: User) =>
		(await s.dashboard.load(as(head), new URLSearchParams({ period: 'year', year: '2026' }))).figures;

	test('filed with a reason and evidence; accepted: the finding withdrawn beside the original, its action cancelled, the figures recounted', async () => {
		const { s, w, lead, head, f1 } = await completedCheck();
		const pb = await superPb();
		const before = await figures(s, head);
		expect(before.findingsTotal).toBe(2);
		expect(before.actions.total).toBe(2);

		expect(await s.objections.file(as(head), f1, '   ', null)).toMatchObject({
			ok: false,
			fields: { reason: 'objection.error.reason_required' }
		});
		const o = await s.objections.file(as(head), f1, 'Cán bộ đeo thẻ, ảnh chụp lúc đang thay áo.', pdfFile('bang-chung.pdf'));
		if (!o.ok) throw new Error(JSON.stringify(o));
		expect(await notificationsOf(lead.id, 'objection_filed')).toHaveLength(1);
		// One open objection per finding.
		expect(await s.objections.file(as(head), f1, 'Lần nữa', null)).toMatchObject({ ok: false, code: 'objection.error.already_open' });
		// The unit cannot decide its own objection.
		await expectHttp(s.objections.decide(as(head), o.value.id, true, ''), 403);

		expect(await s.objections.decide(lead, o.value.id, true, 'Đồng ý, ảnh không rõ.')).toEqual({ ok: true });
		const orig = await pb.collection('findings').getOne(f1);
		expect(orig.superseded).toBe(true);
		const withdrawal = await pb.collection('findings').getFirstListItem(pb.filter('amends = {:f}', { f: f1 }));
		expect(withdrawal.withdrawn).toBe(true);
		expect(String(withdrawal.amend_reason)).toContain('Cán bộ đeo thẻ');
		const action = await pb.collection('corrective_actions').getFirstListItem(pb.filter('findings ~ {:f}', { f: f1 }));
		expect(action.status).toBe('cancelled');
		const objection = await pb.collection('finding_objections').getOne(o.value.id);
		expect(objection).toMatchObject({ status: 'accepted', decided_by: lead.id, amendment: withdrawal.id });
		expect(await notificationsOf(head.id, 'objection_decided')).toHaveLength(1);

		const after = await figures(s, head);
		expect(after.findingsTotal).toBe(1);
		expect(after.actions.total).toBe(1);
		// The record no longer lists it; the other finding stays.
		const doc = (await s.onsite.record(lead, w.check.id)).doc;
		expect(JSON.stringify(doc)).not.toContain('Không đeo thẻ công chức');
		expect(JSON.stringify(doc)).toContain('Hút thuốc trong phòng làm việc');
		// Both sides see the history.
		const unitView = await s.explanations.forUnit(as(head), f1);
		expect(unitView.objections[0]).toMatchObject({ status: 'accepted', decisionReason: 'Đồng ý, ảnh không rõ.' });
		expect(unitView.canObject).toBe(false);
	});

	test('rejected with a required reason; the finding and its action stay', async () => {
		const { s, lead, head, leader, f2 } = await completedCheck();
		const pb = await superPb();
		const o = await s.objections.file(as(head), f2, 'Không hút thuốc trong phòng.', null);
		if (!o.ok) throw new Error(JSON.stringify(o));
		expect(await s.objections.decide(as(leader), o.value.id, false, ' ')).toMatchObject({
			ok: false,
			fields: { reason: 'objection.error.reason_required' }
		});
		expect(await s.objections.decide(as(leader), o.value.id, false, 'Có ảnh và người làm chứng.')).toEqual({ ok: true });
		expect((await pb.collection('findings').getOne(f2)).superseded).toBe(false);
		const action = await pb.collection('corrective_actions').getFirstListItem(pb.filter('findings ~ {:f}', { f: f2 }));
		expect(action.status).toBe('open');
		expect(await s.objections.decide(lead, o.value.id, true, '')).toMatchObject({ ok: false, code: 'objection.error.decided' });
		const team = await s.explanations.forTeam(lead, (await pb.collection('findings').getOne(f2)).inspection);
		expect(team.objections.find((x) => x.id === o.value.id)).toMatchObject({
			status: 'rejected',
			decisionReason: 'Có ảnh và người làm chứng.'
		});
	});

	test('two decisions at once give one decision', async () => {
		const { s, lead, head, leader, f1 } = await completedCheck();
		const o = await s.objections.file(as(head), f1, 'Không đúng.', null);
		if (!o.ok) throw new Error(JSON.stringify(o));
		const [a, b] = await Promise.all([
			s.objections.decide(lead, o.value.id, true, 'Đồng ý'),
			s.objections.decide(as(leader), o.value.id, false, 'Không đồng ý')
		]);
		expect([a.ok, b.ok].filter(Boolean)).toHaveLength(1);
		const pb = await superPb();
		const row = await pb.collection('finding_objections').getOne(o.value.id);
		const amendments = await pb.collection('findings').getFullList({ filter: pb.filter('amends = {:f}', { f: f1 }) });
		expect(amendments).toHaveLength(row.status === 'accepted' ? 1 : 0);
		expect(await notificationsOf(head.id, 'objection_decided')).toHaveLength(1);
	});

	test('past the window (5 working days after completion) an objection is refused', async () => {
		const { s, clock, head, f1 } = await completedCheck();
		clock.set(new Date('2026-03-10T02:00:00Z')); // Tue: 6th working day after Mon 02/03
		expect(await s.objections.file(as(head), f1, 'Muộn', null)).toMatchObject({ ok: false, code: 'objection.error.window_closed' });
		clock.set(new Date('2026-03-09T02:00:00Z')); // Mon: the 5th
		expect((await s.objections.file(as(head), f1, 'Đúng hạn', null)).ok).toBe(true);
	});
});
