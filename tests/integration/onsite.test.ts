// On-site inspection against a real PocketBase: roll call with automatic findings, the left-the-unit
// refusal, photos (type, size, hash, double submit), completion by the lead only, the lock and
// amendments, corrective actions, the PDF's text, and protected photo URLs over HTTP.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { makeUnit, manualClock, pbInfo, superPb, TEST_PASSWORD, testServices } from '../support/services';
import { makeCheck, photo, removeSeededCatalogue, TINY_JPEG, typeId } from '../support/onsite';
import { toActor } from '../../src/lib/domain/user';
import { renderRecord } from '../../src/lib/server/documents';
import { startStack, type Stack } from '../support/stack';
import { createPb } from '../../src/lib/server/pb/create';
import { usersRepo } from '../../src/lib/server/repos/users';
import { findingsRepo } from '../../src/lib/server/repos/findings';
import { seedCatalogue } from '../../src/lib/server/seed/index';

const NO_LOC = { lat: null, lon: null, accuracy: null };

// Leave the shared PocketBase's catalogue as found (seed.test.ts counts what it creates).
afterAll(removeSeededCatalogue, 60_000);
const clock = manualClock(new Date('2026-03-02T01:00:00Z')); // Mon 02/03/2026 08:00 in Hà Nội time
const entry = (staffId: string, status: string, extra: Partial<{ lateMinutes: number; arrivalTime: string; note: string }> = {}) => ({
	staffId,
	status: status as 'present',
	lateMinutes: extra.lateMinutes ?? null,
	arrivalTime: extra.arrivalTime ?? '',
	note: extra.note ?? ''
});

async function findingsOf(checkId: string) {
	const pb = await superPb();
	return findingsRepo(pb).list(checkId);
}

async function started(opts: Parameters<typeof makeCheck>[0] = {}) {
	const s = await testServices(clock);
	const fx = await makeCheck(opts);
	const lead = toActor(fx.lead);
	expect(await s.onsite.start(lead, fx.check.id, NO_LOC)).toEqual({ ok: true });
	return { s, fx, lead, member: toActor(fx.member) };
}

describe('start and roll call', () => {
	test('starting loads the active roster as present, twice is harmless; violations become one finding each', async () => {
		const { s, fx, lead } = await started({ staff: 6 });
		expect(await s.onsite.start(lead, fx.check.id, NO_LOC)).toEqual({ ok: true });
		const rc = await s.onsite.rollCall(lead, fx.check.id);
		expect(rc.rows).toHaveLength(6);
		expect(rc.rows.every((r) => r.status === 'present')).toBe(true);
		expect(rc.check.status).toBe('in_progress');
		expect(rc.check.startedAt).toContain('2026-03-02 01:00:00');

		const [a, b, c, d] = fx.staff;
		const save = () =>
			s.onsite.saveRollCall(lead, fx.check.id, [
				entry(a!.id, 'late', { lateMinutes: 22, arrivalTime: '07:52' }),
				entry(b!.id, 'absent_unexcused'),
				entry(c!.id, 'absent_excused', { note: 'Nghỉ phép' }),
				entry(d!.id, 'present')
			]);
		expect(await save()).toEqual({ ok: true });
		expect(await save()).toEqual({ ok: true }); // double submit
		const auto = (await findingsOf(fx.check.id)).filter((f) => f.source === 'attendance');
		expect(auto.map((f) => [f.staffId, f.typeCode]).sort()).toEqual(
			[
				[a!.id, 'ATT-LATE'],
				[b!.id, 'ATT-ABSENT-UNEXCUSED']
			].sort()
		);
		expect(auto.find((f) => f.staffId === a!.id)!.description).toBe('Đi muộn 22 phút (có mặt lúc 07:52)');

		// Marked present again: the automatic finding goes away.
		expect(await s.onsite.saveRollCall(lead, fx.check.id, [entry(a!.id, 'present')])).toEqual({ ok: true });
		expect((await findingsOf(fx.check.id)).filter((f) => f.source === 'attendance').map((f) => f.staffId)).toEqual([b!.id]);
	});

	test('a status and its automatic finding are one write: when the finding cannot be stored, the status is not saved either', async () => {
		const { s, fx, lead } = await started({ staff: 2 });
		const [a] = fx.staff;
		// Make the database refuse this check's automatic findings (as a crash between two writes would
		// leave it): the status must not be kept without its finding.
		const db = new Database(join(pbInfo().dataDir, 'data.db'));
		const trigger = `refuse_att_${fx.check.id}`;
		db.exec(`CREATE TRIGGER ${trigger} BEFORE INSERT ON findings WHEN NEW.inspection = '${fx.check.id}' AND NEW.source = 'attendance'
			BEGIN SELECT RAISE(ABORT, 'refused by the test'); END`);
		try {
			await expect(s.onsite.saveRollCall(lead, fx.check.id, [entry(a!.id, 'absent_unexcused')])).rejects.toBeTruthy();
			expect((await s.onsite.rollCall(lead, fx.check.id)).rows.map((r) => r.status)).toEqual(['present', 'present']);
		} finally {
			db.exec(`DROP TRIGGER ${trigger}`);
			db.close();
		}
		expect(await s.onsite.saveRollCall(lead, fx.check.id, [entry(a!.id, 'absent_unexcused')])).toEqual({ ok: true });
		expect((await findingsOf(fx.check.id)).map((f) => [f.staffId, f.typeCode])).toEqual([[a!.id, 'ATT-ABSENT-UNEXCUSED']]);
	});

	test('twelve members marking twelve different people late at once: each person has exactly one automatic finding', async () => {
		const { s, fx, lead } = await started({ staff: 12 });
		const results = await Promise.all(
			fx.staff.map((p) => s.onsite.saveRollCall(lead, fx.check.id, [entry(p.id, 'late', { lateMinutes: 15, arrivalTime: '07:45' })]))
		);
		expect(results.every((r) => r.ok)).toBe(true);
		const auto = (await findingsOf(fx.check.id)).filter((f) => f.source === 'attendance');
		expect(auto.map((f) => f.staffId).sort()).toEqual(fx.staff.map((p) => p.id).sort());
		expect((await s.onsite.rollCall(lead, fx.check.id)).rows.every((r) => r.status === 'late')).toBe(true);
	});

	test('marking a person who left the unit is refused with their name, and nothing is saved', async () => {
		const { s, fx, lead } = await started({ staff: 3 });
		const pb = await superPb();
		const [a, b] = fx.staff;
		await pb.collection('staff').update(a!.id, { active: false });
		const r = await s.onsite.saveRollCall(lead, fx.check.id, [entry(a!.id, 'late'), entry(b!.id, 'absent_unexcused')]);
		expect(r).toEqual({ ok: false, status: 409, code: 'onsite.error.left_unit', params: { person: a!.full_name } });
		const rows = (await s.onsite.rollCall(lead, fx.check.id)).rows;
		expect(rows.every((x) => x.status === 'present')).toBe(true);
		expect(await findingsOf(fx.check.id)).toHaveLength(0);

		// Someone of another unit, never on the roster.
		const other = await makeUnit('xã Khác');
		const [stranger] = await (await import('../support/onsite')).makeRoster(other.id, 1);
		const r2 = await s.onsite.saveRollCall(lead, fx.check.id, [entry(stranger!.id, 'late')]);
		expect(r2).toMatchObject({ ok: false, code: 'onsite.error.left_unit' });
		// A finding naming the person who left is refused too.
		const f = await s.onsite.addFinding(
			lead,
			fx.check.id,
			{
				clientKey: 'left-unit-0001',
				staffId: a!.id,
				typeId: await typeId('OC-BADGE'),
				description: 'Không đeo thẻ',
				observedTime: '',
				keepLocation: false,
				photoMeta: '[]'
			},
			[]
		);
		expect(f).toMatchObject({ ok: false, code: 'onsite.error.left_unit' });
	});
});

describe('the day of the check', () => {
	test('a weekend or a public holiday is flagged; an ordinary Monday is not', async () => {
		const s = await testServices(clock);
		const pb = await superPb();
		const fx = await makeCheck();
		const lead = toActor(fx.lead);
		expect((await s.onsite.hub(lead, fx.check.id)).dayOff).toBeNull();
		await pb.collection('inspections').update(fx.check.id, { scheduled_start: '2026-03-07 00:30:00.000Z' });
		expect((await s.onsite.hub(lead, fx.check.id)).dayOff).toMatchObject({ day: '2026-03-07', weekend: true });
		await pb.collection('inspections').update(fx.check.id, { scheduled_start: '2026-04-30 00:30:00.000Z' });
		const holiday = (await s.onsite.hub(lead, fx.check.id)).dayOff;
		expect(holiday).toMatchObject({ day: '2026-04-30', weekend: false });
		expect(holiday!.label).toContain('Giải phóng miền Nam');
	});
});

describe('violations with photos', () => {
	test('a photo is stored with the SHA-256 of its stored bytes and its capture time; a double submit creates one row', async () => {
		const { s, fx, lead } = await started();
		const input = {
			clientKey: 'dbl-submit-0001',
			staffId: fx.staff[0]!.id,
			typeId: await typeId('OC-BADGE'),
			description: 'Không đeo thẻ công chức',
			observedTime: '08:10',
			keepLocation: false,
			photoMeta: '[]'
		};
		const [r1, r2] = await Promise.all([
			s.onsite.addFinding(lead, fx.check.id, input, [photo()]),
			s.onsite.addFinding(lead, fx.check.id, input, [photo()])
		]);
		expect(r1.ok && r2.ok).toBe(true);
		if (!r1.ok || !r2.ok) return;
		expect(r2.value.findingId).toBe(r1.value.findingId);
		const list = await findingsOf(fx.check.id);
		expect(list).toHaveLength(1);
		const f = list[0]!;
		expect(f.photos).toHaveLength(1);
		expect(f.photoMeta[0]!.sha256).toBe(createHash('sha256').update(TINY_JPEG).digest('hex'));
		expect(f.photoMeta[0]!.captured_at).toBe('2026-03-02 00:40:00.000Z');
		expect(f.photoMeta[0]!.has_location).toBe(false);
		expect(f.observedAt).toBe('2026-03-02 01:10:00.000Z');
		const file = await s.onsite.openFile(lead, 'photo', f.id, f.photos[0]!);
		const bytes = Buffer.from(await new Response(file!.body).arrayBuffer());
		expect(createHash('sha256').update(bytes).digest('hex')).toBe(f.photoMeta[0]!.sha256);
	});

	test('not an image, too large, too many: clear refusals, nothing saved', async () => {
		const { s, fx, lead } = await started();
		const base = {
			staffId: '',
			typeId: await typeId('OC-UNTIDY-OFFICE'),
			description: 'Hồ sơ để trên sàn',
			observedTime: '',
			keepLocation: false,
			photoMeta: '[]'
		};
		const pdf = new File([new TextEncoder().encode('%PDF-1.4 giả ảnh')], 'anh.jpg', { type: 'image/jpeg' });
		expect(await s.onsite.addFinding(lead, fx.check.id, { ...base, clientKey: 'bad-input-0001' }, [pdf])).toEqual({
			ok: false,
			status: 400,
			code: 'onsite.error.not_image',
			params: { name: 'anh.jpg' }
		});
		const big = new Uint8Array(5 * 1024 * 1024 + 1);
		big.set(TINY_JPEG);
		expect(await s.onsite.addFinding(lead, fx.check.id, { ...base, clientKey: 'bad-input-0002' }, [photo(big, 'to.jpg')])).toEqual({
			ok: false,
			status: 400,
			code: 'onsite.error.too_large',
			params: { name: 'to.jpg', mb: 5 }
		});
		const six = Array.from({ length: 6 }, () => photo());
		expect(await s.onsite.addFinding(lead, fx.check.id, { ...base, clientKey: 'bad-input-0003' }, six)).toMatchObject({
			ok: false,
			code: 'onsite.error.too_many_photos'
		});
		expect(await findingsOf(fx.check.id)).toHaveLength(0);
	});

	test('a written explanation goes from requested to received with its text', async () => {
		const { s, fx, lead } = await started();
		const r = await s.onsite.addFinding(
			lead,
			fx.check.id,
			{
				clientKey: 'explain-00001',
				staffId: fx.staff[1]!.id,
				typeId: await typeId('OC-DRESS'),
				description: 'Mặc quần jean',
				observedTime: '',
				keepLocation: false,
				photoMeta: '[]'
			},
			[]
		);
		if (!r.ok) throw new Error(r.code);
		expect(await s.onsite.receiveExplanation(lead, r.value.findingId, '', null)).toMatchObject({
			ok: false,
			code: 'onsite.error.explanation_empty'
		});
		expect(await s.onsite.requestExplanation(lead, r.value.findingId)).toEqual({ ok: true });
		expect(await s.onsite.receiveExplanation(lead, r.value.findingId, 'Hôm nay trực kho nên mặc đồ bảo hộ.', null)).toEqual({ ok: true });
		let f = (await findingsOf(fx.check.id))[0]!;
		expect([f.explanationStatus, f.explanationText]).toEqual(['received', 'Hôm nay trực kho nên mặc đồ bảo hộ.']);
		// A scan: a PDF is kept (served through the app), anything else is refused with the rule.
		const txt = new File([new TextEncoder().encode('không phải bản quét')], 'a.txt', { type: 'text/plain' });
		expect(await s.onsite.receiveExplanation(lead, r.value.findingId, '', txt)).toMatchObject({
			ok: false,
			code: 'onsite.error.scan_type'
		});
		const scan = new File([new TextEncoder().encode('%PDF-1.4\n%bản tường trình\n')], 'scan.pdf', { type: 'application/pdf' });
		expect(await s.onsite.receiveExplanation(lead, r.value.findingId, 'Bản quét kèm theo.', scan)).toEqual({ ok: true });
		f = (await findingsOf(fx.check.id))[0]!;
		expect(f.explanationFile).toMatch(/\.pdf$/);
		const file = await s.onsite.openFile(lead, 'explanation', f.id, f.explanationFile);
		expect(file?.type).toBe('application/pdf');
	});
});

describe('completion, lock and amendments', () => {
	test('completing without a lead is refused; a member who is not the lead is refused', async () => {
		const s = await testServices(clock);
		const fx = await makeCheck({ withLead: false });
		const pb = await superPb();
		await pb.collection('inspections').update(fx.check.id, { status: 'in_progress', started_at: '2026-03-02 00:30:00.000Z' });
		expect(await s.onsite.complete(toActor(fx.member), fx.check.id, { signedOnPaper: true, grouping: 'per_finding' })).toMatchObject({
			ok: false,
			code: 'check.error.lead_required'
		});
		const { s: s2, fx: fx2, member } = await started();
		expect(await s2.onsite.complete(member, fx2.check.id, { signedOnPaper: true, grouping: 'per_finding' })).toMatchObject({
			ok: false,
			status: 403,
			code: 'onsite.error.lead_only'
		});
		expect((await s2.onsite.hub(member, fx2.check.id)).check.status).toBe('in_progress');
	});

	test('a locked check rejects edits; an amendment keeps the original beside it; actions are proposed once', async () => {
		const { s, fx, lead } = await started();
		const type = await typeId('OC-SMOKING');
		const add = await s.onsite.addFinding(
			lead,
			fx.check.id,
			{
				clientKey: 'lock-test-0001',
				staffId: '',
				typeId: type,
				description: 'Gạt tàn trong phòng họp',
				observedTime: '08:20',
				keepLocation: false,
				photoMeta: '[]'
			},
			[photo()]
		);
		if (!add.ok) throw new Error(add.code);
		await s.onsite.saveRollCall(lead, fx.check.id, [entry(fx.staff[0]!.id, 'absent_unexcused')]);
		expect(
			await s.onsite.saveDetails(lead, fx.check.id, {
				representative_name: 'Võ Thành Nhân',
				representative_position: 'Phó Chủ tịch',
				unit_explanation: '',
				conclusions: 'Cơ bản chấp hành.'
			})
		).toEqual({ ok: true });
		// Signatures needed unless signed on paper.
		expect(await s.onsite.complete(lead, fx.check.id, { signedOnPaper: false, grouping: 'per_finding' })).toMatchObject({
			ok: false,
			code: 'sign.error.signers_required'
		});
		expect(await s.onsite.complete(lead, fx.check.id, { signedOnPaper: true, grouping: 'per_finding' })).toEqual({ ok: true });
		expect(await s.onsite.complete(lead, fx.check.id, { signedOnPaper: true, grouping: 'per_finding' })).toEqual({ ok: true }); // double submit

		const done = await s.onsite.completion(lead, fx.check.id);
		expect(done.check.status).toBe('completed');
		// Mon 02/03/2026 + default_fix_days working days: OC-SMOKING 5 → Mon 09/03; ATT-ABSENT-UNEXCUSED 5 → 09/03.
		expect(done.actions).toHaveLength(2);
		expect(done.actions.map((a) => [a.status, a.dueDate])).toEqual([
			['open', '2026-03-09'],
			['open', '2026-03-09']
		]);

		const locked = { ok: false, status: 409, code: 'check.error.locked' };
		expect(await s.onsite.saveRollCall(lead, fx.check.id, [entry(fx.staff[1]!.id, 'late')])).toMatchObject(locked);
		expect(
			await s.onsite.addFinding(
				lead,
				fx.check.id,
				{
					clientKey: 'lock-test-0002',
					staffId: '',
					typeId: type,
					description: 'x',
					observedTime: '',
					keepLocation: false,
					photoMeta: '[]'
				},
				[]
			)
		).toMatchObject(locked);
		expect(
			await s.onsite.saveDetails(lead, fx.check.id, {
				representative_name: 'Khác',
				representative_position: '',
				unit_explanation: '',
				conclusions: ''
			})
		).toMatchObject(locked);
		expect(await s.onsite.saveChecklist(lead, fx.check.id, {})).toMatchObject(locked);
		expect(await s.onsite.requestExplanation(lead, add.value.findingId)).toMatchObject(locked);

		// Amendment without a reason is refused; with one, a new row amends the untouched original.
		expect(
			await s.onsite.amendFinding(lead, {
				clientKey: 'amend-000001',
				findingId: add.value.findingId,
				description: 'Gạt tàn và đầu mẩu thuốc lá',
				reason: ' '
			})
		).toMatchObject({ ok: false, code: 'check.error.reason_required' });
		const am = await s.onsite.amendFinding(lead, {
			clientKey: 'amend-000002',
			findingId: add.value.findingId,
			description: 'Gạt tàn và đầu mẩu thuốc lá trong phòng họp',
			reason: 'Ghi thiếu chi tiết'
		});
		const again = await s.onsite.amendFinding(lead, {
			clientKey: 'amend-000002',
			findingId: add.value.findingId,
			description: 'Gạt tàn và đầu mẩu thuốc lá trong phòng họp',
			reason: 'Ghi thiếu chi tiết'
		});
		expect(am.ok && again.ok && again.value.findingId === am.value.findingId).toBe(true);
		const all = await findingsOf(fx.check.id);
		const original = all.find((f) => f.id === add.value.findingId)!;
		const amendment = all.find((f) => f.amendsId === add.value.findingId)!;
		expect(all.filter((f) => f.amendsId === add.value.findingId)).toHaveLength(1);
		expect([original.description, original.superseded]).toEqual(['Gạt tàn trong phòng họp', true]);
		expect([amendment.description, amendment.amendReason, amendment.superseded]).toEqual([
			'Gạt tàn và đầu mẩu thuốc lá trong phòng họp',
			'Ghi thiếu chi tiết',
			false
		]);
		expect(amendment.photoMeta[0]!.sha256).toBe(original.photoMeta[0]!.sha256);

		expect(
			await s.onsite.amendCheck(
				lead,
				fx.check.id,
				{ field: 'conclusions', after: 'Còn tồn tại về hút thuốc lá.', reason: 'Bổ sung kết luận' },
				'Lâm Quốc Thịnh'
			)
		).toEqual({ ok: true });
		const after = await s.onsite.completion(lead, fx.check.id);
		expect(after.check.conclusions).toBe('Cơ bản chấp hành.');
		expect(after.check.amendments).toMatchObject([
			{ field: 'conclusions', before: 'Cơ bản chấp hành.', after: 'Còn tồn tại về hút thuốc lá.', reason: 'Bổ sung kết luận' }
		]);
		const { doc } = await s.onsite.record(lead, fx.check.id);
		expect(doc.sections.at(-1)!.lines[0]!.text).toContain('Còn tồn tại về hút thuốc lá.');
	});
});

describe('signatures', () => {
	// A 1×1 PNG.
	const PNG = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
	// Another drawing (a different pixel).
	const PNG_2 = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==';
	test('both parties sign; signing again replaces only that party; a non-PNG is refused', async () => {
		const { s, fx, lead } = await started();
		expect(await s.onsite.saveSignature(lead, fx.check.id, 'lead', PNG)).toEqual({ ok: true });
		expect(await s.onsite.saveSignature(lead, fx.check.id, 'representative', PNG)).toEqual({ ok: true });
		const first = (await s.onsite.completion(lead, fx.check.id)).check.signatures;
		expect(Object.keys(first).sort()).toEqual(['lead', 'representative']);
		// The same drawing again (a retry after a lost answer, e.g. from the offline outbox) keeps the file.
		expect(await s.onsite.saveSignature(lead, fx.check.id, 'lead', PNG)).toEqual({ ok: true });
		expect((await s.onsite.completion(lead, fx.check.id)).check.signatures.lead).toBe(first.lead);
		expect(await s.onsite.saveSignature(lead, fx.check.id, 'lead', PNG_2)).toEqual({ ok: true });
		const second = (await s.onsite.completion(lead, fx.check.id)).check.signatures;
		expect(second.representative).toBe(first.representative);
		expect(second.lead).not.toBe(first.lead);
		expect(
			await s.onsite.saveSignature(lead, fx.check.id, 'lead', 'data:image/png;base64,' + Buffer.from('GIF89a').toString('base64'))
		).toMatchObject({ ok: false, code: 'onsite.error.signature' });
	});
});

describe('record numbers', () => {
	test('completed checks take the next number of the year, once; two completed at the same moment get two numbers', async () => {
		const one = await started();
		const two = await started();
		const three = await started();
		const numberOf = async (x: typeof one) => {
			const { doc } = await x.s.onsite.record(x.lead, x.fx.check.id);
			return doc.number;
		};
		// Not completed yet: the number is left blank to fill in.
		expect(await numberOf(one)).toBe('Số:       /BB-ĐKTCV');
		expect(await one.s.onsite.complete(one.lead, one.fx.check.id, { signedOnPaper: true, grouping: 'per_type' })).toEqual({ ok: true });
		const first = Number(/^Số: (\d+)\/BB-ĐKTCV$/.exec(await numberOf(one))![1]);
		// Completing again (a double submit) keeps it.
		await one.s.onsite.complete(one.lead, one.fx.check.id, { signedOnPaper: true, grouping: 'per_type' });
		expect(await numberOf(one)).toBe(`Số: ${String(first).padStart(2, '0')}/BB-ĐKTCV`);
		await Promise.all([two, three].map((x) => x.s.onsite.complete(x.lead, x.fx.check.id, { signedOnPaper: true, grouping: 'per_type' })));
		const both = (await Promise.all([numberOf(two), numberOf(three)])).map((n) => Number(/^Số: (\d+)\//.exec(n)![1])).sort((a, b) => a - b);
		expect(both).toEqual([first + 1, first + 2]);
	});
});

describe('the record as a PDF', () => {
	test('its extracted text has the unit, the date dd/MM/yyyy, every finding and the headings with diacritics', async () => {
		const { s, fx, lead } = await started({ unitName: 'phường Mỹ Hưng Thử' });
		await s.onsite.saveRollCall(lead, fx.check.id, [
			entry(fx.staff[0]!.id, 'late', { lateMinutes: 15, arrivalTime: '07:45' }),
			entry(fx.staff[1]!.id, 'absent_unexcused')
		]);
		await s.onsite.addFinding(
			lead,
			fx.check.id,
			{
				clientKey: 'pdf-test-00001',
				staffId: '',
				typeId: await typeId('OC-AGENCY-SIGN'),
				description: 'Biển tên ghi tên đơn vị cũ',
				observedTime: '08:30',
				keepLocation: false,
				photoMeta: '[]'
			},
			[photo()]
		);
		await s.onsite.complete(lead, fx.check.id, { signedOnPaper: true, grouping: 'per_type' });
		const { doc } = await s.onsite.record(lead, fx.check.id);
		const pdf = await renderRecord('pdf', doc);
		expect(Buffer.from(pdf.subarray(0, 5)).toString()).toBe('%PDF-');
		const dir = mkdtempSync(join(tmpdir(), 'congvu-pdf-'));
		try {
			writeFileSync(join(dir, 'r.pdf'), pdf);
			expect(existsSync('/usr/bin/pdftotext')).toBe(true);
			const text = execFileSync('/usr/bin/pdftotext', ['-enc', 'UTF-8', join(dir, 'r.pdf'), '-'], { encoding: 'utf8' })
				.normalize('NFC')
				.replace(/\s+/g, ' ');
			const findings = await findingsOf(fx.check.id);
			expect(findings).toHaveLength(3);
			for (const s of [
				'phường Mỹ Hưng Thử',
				'02/03/2026',
				'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
				'Độc lập - Tự do - Hạnh phúc',
				'BIÊN BẢN',
				'I. THÀNH PHẦN',
				'II. THỜI GIAN, ĐỊA ĐIỂM, HÌNH THỨC KIỂM TRA',
				'III. NỘI DUNG KIỂM TRA',
				'IV. KẾT QUẢ KIỂM TRA',
				'V. Ý KIẾN GIẢI TRÌNH CỦA ĐƠN VỊ ĐƯỢC KIỂM TRA',
				'VI. KẾT LUẬN VÀ KIẾN NGHỊ',
				'Lâm Quốc Thịnh',
				...findings.map((f) => f.description)
			]) {
				expect(text).toContain(s);
			}
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});
});

describe('protected photo URLs over HTTP (built app)', () => {
	let stack: Stack;
	let photoUrl = '';
	let otherHead = '';
	let ownHead = '';

	beforeAll(async () => {
		stack = await startStack({ seed: false });
		const su = stack.superuser();
		const pb = await createPb(stack.pbUrl, su.email, su.password);
		await seedCatalogue(pb);
		const unit = await pb.collection('units').create({ code: 'HTTP.U1', name: 'phường Một', kind: 'ward', active: true });
		const other = await pb.collection('units').create({ code: 'HTTP.U2', name: 'phường Hai', kind: 'ward', active: true });
		const users = usersRepo(pb);
		const insp = await users.create({ email: 'insp@http.test', password: TEST_PASSWORD, name: 'Kiểm tra', role: 'inspector' });
		otherHead = (
			await users.create({ email: 'head2@http.test', password: TEST_PASSWORD, name: 'Thủ trưởng Hai', role: 'unit_head', unitId: other.id })
		).email;
		ownHead = (
			await users.create({ email: 'head1@http.test', password: TEST_PASSWORD, name: 'Thủ trưởng Một', role: 'unit_head', unitId: unit.id })
		).email;
		const check = await pb.collection('inspections').create({
			kind: 'scheduled',
			unit: unit.id,
			scheduled_start: '2026-03-02 00:30:00.000Z',
			scheduled_end: '2026-03-02 04:00:00.000Z',
			lead: insp.id,
			team: [insp.id],
			// Completed: the unit sees the photos with the final record only (issue #13 §1, tests/integration/unit-record.test.ts).
			status: 'completed',
			started_at: '2026-03-02 00:30:00.000Z',
			completed_at: '2026-03-02 03:30:00.000Z'
		});
		const type = (await pb.collection('violation_types').getFirstListItem("code = 'OC-BADGE'")).id;
		const f = await findingsRepo(pb).create({
			inspectionId: check.id,
			unitId: unit.id,
			staffId: null,
			typeId: type,
			category: 'office_culture',
			description: 'Không đeo thẻ',
			observedAt: new Date(),
			source: 'manual',
			clientKey: 'http-0000001',
			createdBy: insp.id,
			photos: [{ bytes: TINY_JPEG, type: 'image/jpeg', name: 'a.jpg' }],
			photoMeta: [{ sha256: 'x', captured_at: null, has_location: false }]
		});
		photoUrl = `${stack.url}/files/photo/${f.id}/${f.photos[0]}`;
	}, 150_000);

	afterAll(async () => {
		await stack?.stop();
	});

	async function loginCookie(email: string) {
		const r = await fetch(`${stack.url}/login`, {
			method: 'POST',
			redirect: 'manual',
			headers: { 'content-type': 'application/x-www-form-urlencoded', origin: stack.url },
			body: new URLSearchParams({ email, password: TEST_PASSWORD })
		});
		const cookie = r.headers.getSetCookie().find((c) => c.startsWith('congvu_session='));
		expect(cookie, `login of ${email}`).toBeTruthy();
		return cookie!.split(';')[0]!;
	}

	test('signed out: sent to sign in, no bytes', async () => {
		const r = await fetch(photoUrl, { redirect: 'manual' });
		expect(r.status).toBe(303);
		expect(r.headers.get('location')).toMatch(/^\/login\?next=/);
	});

	test('the head of another unit is refused; the head of the unit sees it; no PocketBase URL leaks', async () => {
		const refused = await fetch(photoUrl, { redirect: 'manual', headers: { cookie: await loginCookie(otherHead) } });
		expect([403, 404]).toContain(refused.status);
		expect(refused.headers.get('content-type')).not.toBe('image/jpeg');
		const ok = await fetch(photoUrl, { redirect: 'manual', headers: { cookie: await loginCookie(ownHead) } });
		expect(ok.status).toBe(200);
		expect(ok.headers.get('content-type')).toBe('image/jpeg');
		expect(Buffer.from(await ok.arrayBuffer()).equals(TINY_JPEG)).toBe(true);
		expect(JSON.stringify([...ok.headers])).not.toContain(stack.pbUrl);
	});
});
