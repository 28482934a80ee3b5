// Issue #13 §1 and §2 on a real PocketBase: the head of the checked unit reads the completed record (the
// biên bản, its PDF, the roll call, every finding with its photo and legal basis, the actions each
// produced) and nothing of it before completion, nor another unit's, nor the team's internal notes; and
// the notifications that start the loop are stored and mailed, once, with dd/MM/yyyy dates.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { makeUnit, makeUser, manualClock, superPb, testServices } from '../support/services';
import { makeCheck, photo, removeSeededCatalogue, typeId } from '../support/onsite';
import { startSmtpSink, type SmtpSink } from '../support/smtp';
import { notificationsOf } from '../support/actions';
import { toActor } from '../../src/lib/domain/user';
import { notificationText } from '../../src/lib/server/services/notifications';
import { planSchema } from '../../src/lib/domain/schemas/planning';

afterAll(removeSeededCatalogue, 60_000);
let sink: SmtpSink;
beforeAll(async () => {
	sink = await startSmtpSink();
});
afterAll(async () => {
	await sink.stop();
});

const clock = manualClock(new Date('2026-03-02T01:00:00Z')); // Mon 02/03/2026 08:00 in Hà Nội time
const NO_LOC = { lat: null, lon: null, accuracy: null };
/** Where the team stood when it started: kept for the team, never shown to the unit. */
const TEAM_GPS = { lat: 10.771234, lon: 106.698765, accuracy: 8 };

/** A check of a fresh unit, started, with a late person (and the team's note), a finding with a photo. */
async function conducted(opts: { kind?: 'scheduled' | 'surprise'; mail?: boolean } = {}) {
	const s = await testServices(clock, { mail: opts.mail === false ? null : sink.settings });
	const fx = await makeCheck({ kind: opts.kind ?? 'surprise', unitName: 'phường Hồ Sơ' });
	const head = await makeUser('unit_head', { unitId: fx.unit.id, name: 'Thủ trưởng Hồ Sơ' });
	const lead = toActor(fx.lead);
	expect(await s.onsite.start(lead, fx.check.id, TEAM_GPS)).toEqual({ ok: true });
	const late = { staffId: fx.staff[0]!.id, status: 'late' as const, lateMinutes: 15, arrivalTime: '07:45', note: 'kẹt xe' };
	expect(await s.onsite.saveRollCall(lead, fx.check.id, [late])).toEqual({ ok: true });
	const add = await s.onsite.addFinding(
		lead,
		fx.check.id,
		{
			clientKey: `unit-record-${fx.check.id}`,
			staffId: '',
			typeId: await typeId('OC-SMOKING'),
			description: 'Gạt tàn trong phòng họp',
			observedTime: '08:20',
			keepLocation: false,
			photoMeta: '[]'
		},
		[photo()]
	);
	if (!add.ok) throw new Error(add.code);
	const f = (await (await superPb()).collection('findings').getOne(add.value.findingId)) as unknown as { id: string; photos: string[] };
	const complete = () => s.onsite.complete(lead, fx.check.id, { signedOnPaper: true, grouping: 'per_finding' });
	return { s, fx, head, lead, findingId: f.id, photoName: f.photos[0]!, complete };
}

const status = (p: Promise<unknown>) =>
	p.then(
		() => 200,
		(e: { status?: number }) => e.status ?? 500
	);

describe('issue #13 §1: the unit sees its own record once the check is completed', () => {
	test('before completion the unit head gets no record: 403 on the record and the PDF, 403 on the photo', async () => {
		const { s, fx, head, findingId, photoName } = await conducted();
		const me = toActor(head);
		const d = await s.unitRecord.check(me, fx.check.id);
		expect(d.check.status).toBe('in_progress');
		expect(d.record).toBeNull();
		expect(await status(s.unitRecord.document(me, fx.check.id))).toBe(403);
		expect(await status(s.unitRecord.pdf(me, fx.check.id))).toBe(403);
		expect(await status(s.onsite.openFile(me, 'photo', findingId, photoName))).toBe(403);
		// Nor the signatures on it (part of the record).
		const png = `data:image/png;base64,${Buffer.concat([Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64'), Buffer.alloc(40)]).toString('base64')}`;
		expect(await s.onsite.saveSignature(toActor(fx.lead), fx.check.id, 'lead', png)).toEqual({ ok: true });
		const sig = ((await (await superPb()).collection('inspections').getOne(fx.check.id)).signatures as string[])[0]!;
		expect(await status(s.onsite.openFile(me, 'signature', fx.check.id, sig))).toBe(403);
		expect((await s.onsite.openFile(toActor(fx.lead), 'signature', fx.check.id, sig))?.type).toBe('image/png');
	});

	test('a surprise check not yet started is not found for the unit head, record and all', async () => {
		const s = await testServices(clock, { mail: null });
		const fx = await makeCheck({ kind: 'surprise' });
		const me = toActor(await makeUser('unit_head', { unitId: fx.unit.id }));
		expect(await status(s.unitRecord.check(me, fx.check.id))).toBe(404);
		expect(await status(s.unitRecord.document(me, fx.check.id))).toBe(404);
		expect(await status(s.unitRecord.pdf(me, fx.check.id))).toBe(404);
	});

	test('after completion: the roll call, the finding with its photo and legal basis, its action, the biên bản and its PDF — no internal note', async () => {
		const { s, fx, head, findingId, photoName, complete } = await conducted();
		expect(await complete()).toEqual({ ok: true });
		const me = toActor(head);
		const d = await s.unitRecord.check(me, fx.check.id);
		const rec = d.record!;
		expect(rec.tally).toMatchObject({ total: 6, present: 6, onTime: 5 });
		expect(rec.notPresent).toEqual([
			{ name: fx.staff[0]!.full_name, position: 'Công chức', status: 'late', lateMinutes: 15, arrivalTime: '07:45' }
		]);
		const smoking = rec.findings.find((f) => f.id === findingId)!;
		expect(smoking.typeName).toBe('Hút thuốc lá trong phòng làm việc, phòng họp, hội trường');
		expect(smoking.legalBasis).toContain('QĐ 129/2007/QĐ-TTg');
		expect(smoking.photos).toEqual([photoName]);
		// Every finding (the late arrival's too) produced an action, due Mon 09/03/2026 or later, linked both ways.
		expect(rec.findings).toHaveLength(2);
		for (const f of rec.findings) {
			expect(f.actionIds).toHaveLength(1);
			expect(rec.actions.find((a) => a.id === f.actionIds[0])!.findingIds).toContain(f.id);
		}
		expect(rec.actions.find((a) => a.id === smoking.actionIds[0])!.dueDate).toBe('2026-03-09');
		// The roll-call note is the reason the record gives (domain/onsite.ts); the team's internal notes —
		// the catalogue's guidance for inspectors, where the team stood — never reach the unit.
		expect(rec.findings.find((f) => f.typeCode === 'ATT-LATE')!.description).toContain('kẹt xe');
		const shown = JSON.stringify(d);
		expect(shown).not.toContain('Ashtrays or butts');
		expect(shown).not.toContain('10.771234');
		expect(shown).not.toMatch(/"lat"|"lon"|"location"/);

		const file = await s.onsite.openFile(me, 'photo', findingId, photoName);
		expect(file?.type).toBe('image/jpeg');
		const { doc } = await s.unitRecord.document(me, fx.check.id);
		expect(JSON.stringify(doc)).toContain('Gạt tàn trong phòng họp');
		const pdf = await s.unitRecord.pdf(me, fx.check.id);
		expect(Buffer.from(pdf.bytes).subarray(0, 5).toString()).toBe('%PDF-');
		expect(pdf.filename).toBe('bien-ban-kiem-tra-02-3-2026');

		// The action page leads back to the check it came from.
		const action = await s.actions.detail(me, smoking.actionIds[0]!);
		expect(action.action.inspectionId).toBe(fx.check.id);
		expect(action.findings.map((f) => f.id)).toEqual([findingId]);

		// The unit's calendar lists it among the finished checks.
		expect((await s.unitRecord.unitChecks(me)).finished.map((c) => c.id)).toContain(fx.check.id);
	});

	test('the head of another unit sees nothing of it: 404 for the check and the record, 403 for the photo', async () => {
		const { s, fx, findingId, photoName, complete } = await conducted({ mail: false });
		expect(await complete()).toEqual({ ok: true });
		const other = toActor(await makeUser('unit_head', { unitId: (await makeUnit('phường Bên Cạnh')).id }));
		expect(await status(s.unitRecord.check(other, fx.check.id))).toBe(404);
		expect(await status(s.unitRecord.document(other, fx.check.id))).toBe(404);
		expect(await status(s.unitRecord.pdf(other, fx.check.id))).toBe(404);
		expect(await status(s.onsite.openFile(other, 'photo', findingId, photoName))).toBe(403);
		expect((await s.unitRecord.unitChecks(other)).finished.map((c) => c.id)).not.toContain(fx.check.id);
	});
});

describe('issue #13 §2: notifications that start the loop', () => {
	test('completion tells the unit head once, in the inbox and by mail, with the record link and the actions due dd/MM/yyyy', async () => {
		const { s, fx, head, complete } = await conducted();
		expect(await complete()).toEqual({ ok: true });
		expect(await complete()).toEqual({ ok: true }); // a double submit tells nobody twice
		await s.notifications.idle();
		const rows = await notificationsOf(head.id, 'check_completed');
		expect(rows).toHaveLength(1);
		expect(rows[0]!.link).toBe(`/unit/checks/${fx.check.id}`);
		const [n] = await s.notifications.inbox(toActor(head));
		const text = notificationText(n!, 'vi');
		expect(text.subject).toBe('Kết quả kiểm tra công vụ tại phường Hồ Sơ');
		expect(text.body).toContain('Cuộc kiểm tra tại phường Hồ Sơ ngày 02/03/2026 đã hoàn thành.');
		expect(text.body).toContain('Việc khắc phục và hạn hoàn thành (2):');
		expect(text.body).toMatch(/– .*Hút thuốc lá.*: 09\/03\/2026/);
		const mails = sink.to(head.email).filter((m) => m.text.includes(`/unit/checks/${fx.check.id}`));
		expect(mails).toHaveLength(1);
		expect(mails[0]!.subject).toBe('Kết quả kiểm tra công vụ tại phường Hồ Sơ');
		expect(mails[0]!.text).toContain('09/03/2026');
		expect(mails[0]!.text).not.toMatch(/\d{4}-\d{2}-\d{2}/);
	});

	test('a mail server that is down never blocks the completion; the notice is stored for a retry', async () => {
		const s = await testServices(clock, { mail: { ...sink.settings, port: 1 } });
		const fx = await makeCheck({ kind: 'scheduled' });
		const head = await makeUser('unit_head', { unitId: fx.unit.id });
		const lead = toActor(fx.lead);
		await s.onsite.start(lead, fx.check.id, NO_LOC);
		expect(await s.onsite.complete(lead, fx.check.id, { signedOnPaper: true, grouping: 'per_finding' })).toEqual({ ok: true });
		await s.notifications.idle();
		const [row] = await notificationsOf(head.id, 'check_completed');
		expect(row?.email_status).toBe('pending');
		expect(Number(row?.email_attempts)).toBe(1);
	});

	test('with mail switched off in the account preferences, the notice is in the inbox and no mail is sent', async () => {
		const { s, head, complete } = await conducted();
		await s.notifications.setEmailPrefs(toActor(head), []);
		expect(await complete()).toEqual({ ok: true });
		await s.notifications.idle();
		const [row] = await notificationsOf(head.id, 'check_completed');
		expect(row?.email_status).toBe('none');
		expect(sink.to(head.email)).toHaveLength(0);
	});

	test('a plan waiting for approval is told to every leader, not to the inspector who submitted it', async () => {
		const s = await testServices(clock, { mail: sink.settings });
		const leaderA = await makeUser('leader', { name: 'Lãnh đạo Một' });
		const other = await makeUser('leader', { name: 'Lãnh đạo Hai' });
		const inspector = await makeUser('inspector', { name: 'Kiểm tra viên Soạn' });
		const plan = await s.plans.create(toActor(inspector), planSchema.parse({ title: 'Kế hoạch quý II', periodKind: 'year', year: '2026' }));
		if (!plan.ok) throw new Error(plan.code);
		const fx = await makeCheck();
		await (await superPb()).collection('inspections').update(fx.check.id, { plan: plan.value });
		expect(await s.plans.submit(toActor(inspector), plan.value)).toEqual({ ok: true });
		await s.notifications.idle();
		for (const leader of [leaderA, other]) {
			const rows = await notificationsOf(leader.id, 'plan_submitted');
			expect(rows).toHaveLength(1);
			expect(rows[0]!.link).toBe(`/plans/${plan.value}`);
		}
		const [n] = (await s.notifications.inbox(toActor(other))).filter((x) => x.kind === 'plan_submitted');
		expect(notificationText(n!, 'vi').body).toBe('Kiểm tra viên Soạn đã trình kế hoạch “Kế hoạch quý II”, chờ lãnh đạo phê duyệt.');
		expect(sink.to(other.email).map((m) => m.subject)).toContain('Kế hoạch kiểm tra chờ phê duyệt');
		expect(await notificationsOf(inspector.id, 'plan_submitted')).toHaveLength(0);
	});
});
