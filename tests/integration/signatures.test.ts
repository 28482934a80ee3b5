// Signing the biên bản against a real PocketBase (issue #17 §3): the lead, the secretary when the team
// has one and the unit's representative each sign (a PNG stored with its SHA-256) or are recorded as
// refusing with a reason; completion needs one or the other of each, or the record signed on paper.
import { afterAll, describe, expect, test } from 'vitest';
import { createHash } from 'node:crypto';
import { manualClock, superPb, testServices } from '../support/services';
import { makeCheck, removeSeededCatalogue } from '../support/onsite';
import { toActor } from '../../src/lib/domain/user';
import { t } from '../../src/lib/i18n/t';

afterAll(removeSeededCatalogue, 60_000);
const clock = manualClock(new Date('2026-03-02T01:00:00Z'));
const NO_LOC = { lat: null, lon: null, accuracy: null };
// A 1×1 PNG, and another one (a different pixel) so the two hashes differ.
const PNG_A = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
const PNG_B = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==', 'base64');
const url = (b: Buffer) => `data:image/png;base64,${b.toString('base64')}`;
const DETAILS = {
	representative_name: 'Võ Thành Nhân',
	representative_position: 'Phó Chủ tịch',
	unit_explanation: '',
	conclusions: 'Cơ bản chấp hành.'
};

async function started() {
	const s = await testServices(clock);
	const fx = await makeCheck();
	const lead = toActor(fx.lead);
	const member = toActor(fx.member);
	expect(await s.onsite.start(lead, fx.check.id, NO_LOC)).toEqual({ ok: true });
	expect(await s.onsite.saveDetails(member, fx.check.id, DETAILS)).toEqual({ ok: true });
	return { s, fx, lead, member };
}

describe('signatures and refusals', () => {
	test('the lead signs, the representative refuses with a reason: the record completes and says so', async () => {
		const { s, fx, lead, member } = await started();
		expect(await s.onsite.saveSignature(lead, fx.check.id, 'lead', url(PNG_A))).toEqual({ ok: true });
		// Not yet: the representative neither signed nor refused.
		expect(await s.onsite.complete(lead, fx.check.id, { signedOnPaper: false, grouping: 'per_finding' })).toMatchObject({
			ok: false,
			status: 409,
			code: 'sign.error.signers_required'
		});
		expect(await s.onsite.refuseSignature(member, fx.check.id, 'representative', '  Không đồng ý với kết luận  ')).toEqual({ ok: true });
		const page = await s.onsite.completion(lead, fx.check.id);
		expect(page.signers).toMatchObject({
			lead: { state: 'signed' },
			representative: { state: 'refused', name: 'Võ Thành Nhân', reason: 'Không đồng ý với kết luận' }
		});
		expect(await s.onsite.complete(lead, fx.check.id, { signedOnPaper: false, grouping: 'per_finding' })).toEqual({ ok: true });

		const { doc, input } = await s.onsite.record(lead, fx.check.id);
		expect(doc.closing).toContain('Đại diện đơn vị được kiểm tra không ký biên bản, lý do: Không đồng ý với kết luận.');
		const rep = input.signers.find((x) => x.role === 'representative')!;
		expect(rep).toMatchObject({ name: 'Võ Thành Nhân', refusedReason: 'Không đồng ý với kết luận' });
		expect(rep.image).toBeUndefined();
		expect(Buffer.from(input.signers.find((x) => x.role === 'lead')!.image!)).toEqual(PNG_A);
	});

	test('a refusal without a reason is refused, in Vietnamese, on the reason field; nothing is written', async () => {
		const { s, fx, member } = await started();
		const r = await s.onsite.refuseSignature(member, fx.check.id, 'representative', ' \n ');
		expect(r).toMatchObject({
			ok: false,
			status: 400,
			code: 'sign.error.reason_required',
			fields: { reason: 'sign.error.reason_required' }
		});
		expect(t('vi', 'sign.error.reason_required')).toBe('Nhập lý do người ký từ chối ký.');
		expect((await s.onsite.completion(member, fx.check.id)).signers.representative).toEqual({ state: 'missing' });
		// The lead's refusal is the lead's to record.
		expect(await s.onsite.refuseSignature(member, fx.check.id, 'lead', 'Vắng')).toMatchObject({ ok: false, status: 403 });
	});

	test('the stored PNG is the one drawn and its SHA-256 is kept; signing after a refusal replaces it', async () => {
		const { s, fx, lead, member } = await started();
		expect(await s.onsite.refuseSignature(member, fx.check.id, 'representative', 'Chưa đọc')).toEqual({ ok: true });
		expect(await s.onsite.saveSignature(member, fx.check.id, 'representative', url(PNG_B))).toEqual({ ok: true });
		const c = (await s.onsite.completion(lead, fx.check.id)).check;
		expect(c.signers.representative).toMatchObject({ sha256: createHash('sha256').update(PNG_B).digest('hex') });
		const stored = await s.onsite.signatureBytes(c.id, c.signatures.representative!);
		expect(Buffer.from(stored!)).toEqual(PNG_B);
		expect(createHash('sha256').update(stored!).digest('hex')).toBe((c.signers.representative as { sha256: string }).sha256);
		expect((await s.onsite.completion(lead, fx.check.id)).signers.representative).toEqual({ state: 'signed' });
		// Refusing after signing removes the drawn file.
		expect(await s.onsite.refuseSignature(member, fx.check.id, 'representative', 'Đổi ý')).toEqual({ ok: true });
		const after = (await s.onsite.completion(lead, fx.check.id)).check;
		expect(after.signatures.representative).toBeUndefined();
		const raw = await (await superPb()).collection('inspections').getOne(c.id);
		expect((raw.signatures as string[]).some((f) => f.startsWith('representative'))).toBe(false);
	});

	test('with a secretary, the secretary signs or refuses too; the record names the secretary', async () => {
		const { s, fx, lead, member } = await started();
		// Only a member other than the lead can be the secretary.
		expect(await s.onsite.saveDetails(member, fx.check.id, { ...DETAILS, secretary: fx.lead.id })).toMatchObject({
			ok: false,
			code: 'sign.error.secretary',
			fields: { secretary: 'sign.error.secretary' }
		});
		expect(await s.onsite.saveSignature(member, fx.check.id, 'secretary', url(PNG_A))).toMatchObject({
			ok: false,
			code: 'sign.error.secretary'
		});
		expect(await s.onsite.saveDetails(member, fx.check.id, { ...DETAILS, secretary: fx.member.id })).toEqual({ ok: true });
		expect((await s.onsite.completion(lead, fx.check.id)).secretaryId).toBe(fx.member.id);

		expect(await s.onsite.saveSignature(lead, fx.check.id, 'lead', url(PNG_A))).toEqual({ ok: true });
		expect(await s.onsite.saveSignature(member, fx.check.id, 'representative', url(PNG_B))).toEqual({ ok: true });
		expect(await s.onsite.complete(lead, fx.check.id, { signedOnPaper: false, grouping: 'per_finding' })).toMatchObject({
			ok: false,
			code: 'sign.error.signers_required'
		});
		expect(await s.onsite.saveSignature(member, fx.check.id, 'secretary', url(PNG_B))).toEqual({ ok: true });
		// Another secretary (none): the previous one's signature goes with them.
		expect(await s.onsite.saveDetails(member, fx.check.id, { ...DETAILS, secretary: '' })).toEqual({ ok: true });
		let c = (await s.onsite.completion(lead, fx.check.id)).check;
		expect(c.signatures.secretary).toBeUndefined();
		expect(c.signers.secretary).toBeUndefined();
		// Back: the secretary refuses this time.
		expect(await s.onsite.saveDetails(member, fx.check.id, { ...DETAILS, secretary: fx.member.id })).toEqual({ ok: true });
		expect(await s.onsite.refuseSignature(member, fx.check.id, 'secretary', 'Không có mặt khi kết thúc')).toEqual({ ok: true });
		expect(await s.onsite.complete(lead, fx.check.id, { signedOnPaper: false, grouping: 'per_finding' })).toEqual({ ok: true });

		c = (await s.onsite.completion(lead, fx.check.id)).check;
		expect(c.status).toBe('completed');
		const { doc, input } = await s.onsite.record(lead, fx.check.id);
		expect(input.secretary).toEqual({ name: 'Đặng Minh Khoa', position: expect.any(String) });
		expect(input.signers.map((x) => x.role)).toEqual(['representative', 'secretary', 'lead']);
		expect(input.signers[1]).toMatchObject({ name: 'Đặng Minh Khoa', refusedReason: 'Không có mặt khi kết thúc' });
		expect(doc.sections[0]!.lines.map((l) => l.text).join('\n')).toContain('Đặng Minh Khoa');
		expect(doc.sections[0]!.lines.map((l) => l.text).join('\n')).toContain('Thành viên kiêm Thư ký');
		expect(doc.closing).toContain('Thư ký đoàn kiểm tra không ký biên bản, lý do: Không có mặt khi kết thúc.');
		// Locked now: no more signing or refusing.
		expect(await s.onsite.refuseSignature(lead, fx.check.id, 'lead', 'x')).toMatchObject({ ok: false, status: 409 });
	});
});
