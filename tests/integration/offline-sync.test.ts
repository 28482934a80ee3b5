// The offline outbox's sync (issue #14) against a real PocketBase: records applied once whatever the
// retries, in dependency order, refusals with their Vietnamese reason, two devices merged per person and
// per finding, a true roll-call conflict kept for the lead and settled through the one roll-call path.
import { afterAll, describe, expect, test } from 'vitest';
import { makeUser, manualClock, superPb, testServices } from '../support/services';
import { notificationsOf } from '../support/actions';
import { makeCheck, photo, removeSeededCatalogue, typeId } from '../support/onsite';
import { toActor } from '../../src/lib/domain/user';
import { newClientKey, newRecordId, type SyncOutcome } from '../../src/lib/domain/sync';
import { findingsRepo } from '../../src/lib/server/repos/findings';
import { t } from '../../src/lib/i18n/t';

afterAll(removeSeededCatalogue, 60_000);
const clock = manualClock(new Date('2026-03-02T01:00:00Z'));

const rc = (staffId: string, status: string, base: string | null = 'present', extra: Record<string, unknown> = {}) => ({
	kind: 'roll_call',
	key: newClientKey(),
	data: { staffId, status, base, lateMinutes: null, arrivalTime: '', note: '', ...extra }
});
const finding = (typeIdValue: string, staffId = '', description = 'Không đeo thẻ công chức') => ({
	kind: 'finding',
	key: newClientKey(),
	data: { id: newRecordId(), staffId, typeId: typeIdValue, description, observedTime: '' }
});
const photoRec = (findingId: string) => ({
	kind: 'photo',
	key: newClientKey(),
	data: { findingId, lastModified: Date.UTC(2026, 2, 2, 1, 5) }
});
const start = () => ({ kind: 'start', key: newClientKey(), data: { lat: null, lon: null, accuracy: null } });
const checklistRec = (items: Record<string, { result: string; note: string }>, people: Record<string, string> = {}) => ({
	kind: 'checklist',
	key: newClientKey(),
	data: { items, people }
});

async function setup(staff = 6) {
	const s = await testServices(clock);
	const fx = await makeCheck({ staff });
	return { s, fx, lead: toActor(fx.lead), member: toActor(fx.member), badge: await typeId('OC-BADGE') };
}

function states(r: { ok: boolean; value?: SyncOutcome[] }) {
	if (!r.ok || !r.value) throw new Error(`refused: ${JSON.stringify(r)}`);
	return r.value.map((o) => o.state);
}

async function rowsOf(checkId: string) {
	const pb = await superPb();
	return pb.collection('attendance_records').getFullList({ filter: pb.filter('inspection = {:i}', { i: checkId }) });
}

describe('sync applies a queue once, in dependency order', () => {
	test('start, roll call, findings and photos sent out of order are applied in order; a retried request duplicates nothing', async () => {
		const { s, fx, member, badge } = await setup(6);
		const [a, b] = fx.staff;
		const f1 = finding(badge, a!.id);
		const f2 = finding(badge);
		// The device sends them shuffled: photo records before their finding, roll call before the start.
		const queue = [f1, rc(a!.id, 'late', 'present', { lateMinutes: 15, arrivalTime: '07:45' }), f2, rc(b!.id, 'absent_unexcused'), start()];
		const first = await s.onsite.sync(member, fx.check.id, queue, null);
		expect(states(first)).toEqual(['sent', 'sent', 'sent', 'sent', 'sent']);
		for (const f of [f1, f1, f2]) {
			const p = photoRec(f.data.id);
			expect(states(await s.onsite.sync(member, fx.check.id, [p], photo()))).toEqual(['sent']);
			// The same photo record again (its answer was lost): stored once.
			const again = await s.onsite.sync(member, fx.check.id, [p], photo());
			expect(again).toMatchObject({ ok: true, value: [{ state: 'sent', duplicate: true }] });
		}
		// The whole first request again: every record already applied.
		const retry = await s.onsite.sync(member, fx.check.id, queue, null);
		expect(retry.ok && retry.value.every((o) => o.state === 'sent' && 'duplicate' in o && o.duplicate)).toBe(true);

		const pb = await superPb();
		const findings = (await findingsRepo(pb).list(fx.check.id)).filter((f) => f.source === 'manual');
		expect(findings.map((f) => f.id).sort()).toEqual([f1.data.id, f2.data.id].sort());
		expect(findings.find((f) => f.id === f1.data.id)!.photos).toHaveLength(2);
		expect(findings.find((f) => f.id === f1.data.id)!.photoMeta.every((m) => m.name && m.sha256 && m.client_key)).toBe(true);
		expect(findings.find((f) => f.id === f2.data.id)!.photos).toHaveLength(1);
		const rows = await rowsOf(fx.check.id);
		expect(rows.find((r) => r.staff === a!.id)).toMatchObject({ status: 'late', late_minutes: 15, arrival_time: '07:45' });
		expect(rows.find((r) => r.staff === b!.id)).toMatchObject({ status: 'absent_unexcused' });
		// The roll call's automatic findings, one per person, even after the retry.
		const auto = (await findingsRepo(pb).list(fx.check.id)).filter((f) => f.source === 'attendance');
		expect(auto.map((f) => f.staffId).sort()).toEqual([a!.id, b!.id].sort());
	});
});

describe('starting offline', () => {
	test('before the start the roll call lists the roster the start will take (kept for offline use); the queued start then takes it and the roll call is saved', async () => {
		const { s, fx, lead } = await setup(3);
		const before = await s.onsite.rollCall(lead, fx.check.id);
		expect(before.check.status).toBe('planned');
		expect(before.rows.map((r) => [r.staffId, r.status]).sort()).toEqual(fx.staff.map((p) => [p.id, 'present']).sort());
		expect(await rowsOf(fx.check.id)).toHaveLength(0); // nothing written by reading it
		const [a] = fx.staff;
		expect(states(await s.onsite.sync(lead, fx.check.id, [rc(a!.id, 'absent_excused'), start()], null))).toEqual(['sent', 'sent']);
		const rows = await rowsOf(fx.check.id);
		expect(rows).toHaveLength(3);
		expect(rows.find((r) => r.staff === a!.id)?.status).toBe('absent_excused');
	});
});

describe('photos and explanations from the outbox', () => {
	test('a queued photo keeps the position the device sent ("keep location"); one sent without it has none', async () => {
		const { s, fx, member, badge } = await setup(2);
		const f = finding(badge, fx.staff[0]!.id);
		expect(states(await s.onsite.sync(member, fx.check.id, [start(), f], null))).toEqual(['sent', 'sent']);
		const located = { ...photoRec(f.data.id), data: { ...photoRec(f.data.id).data, lat: 21.0285, lon: 105.8542 } };
		expect(states(await s.onsite.sync(member, fx.check.id, [located], photo()))).toEqual(['sent']);
		expect(states(await s.onsite.sync(member, fx.check.id, [photoRec(f.data.id)], photo()))).toEqual(['sent']);
		const meta = (await findingsRepo(await superPb()).get(f.data.id))!.photoMeta;
		expect(meta.map((m) => [m.has_location, m.lat, m.lon])).toEqual([
			[true, 21.0285, 105.8542],
			[false, undefined, undefined]
		]);
	});
});

describe('sampled TTHC dossiers from the outbox', () => {
	const fields = (code: string, extra: Record<string, string> = {}) => ({
		code,
		procedure: 'Đăng ký khai sinh',
		field: 'civil_status',
		received_on: '2026-02-20',
		due_on: '2026-02-24',
		returned_on: '2026-02-26',
		software_status: 'returned',
		paper_status: 'returned',
		reset_count: '0',
		...extra
	});
	const dossierRec = (f: Record<string, string>) => ({ kind: 'dossier', key: newClientKey(), data: { id: newRecordId(), fields: f } });

	test("saved once with the device's id through the dossier path, whatever the retries; bad dates refused with the reason, the others saved", async () => {
		const { s, fx, member } = await setup(2);
		const good = dossierRec(fields('MH-2602-0001'));
		const bad = dossierRec(fields('MH-2602-0002', { due_on: '2026-02-10' }));
		const malformed = dossierRec(fields('MH-2602-0003', { received_on: '20/02/2026' }));
		const r = await s.onsite.sync(member, fx.check.id, [good, bad, malformed, start()], null);
		expect(states(r)).toEqual(['sent', 'refused', 'refused', 'sent']);
		expect(r.ok && r.value[1]).toMatchObject({ status: 400, message: 'Ngày hẹn trả không được trước ngày tiếp nhận.' });
		expect(r.ok && r.value[2]).toMatchObject({ status: 400, code: 'dossier.error.date_invalid' });
		expect(r.ok && (r.value[2] as { message: string }).message).toMatch(/^Ngày tiếp nhận/);
		// The same record again under a new key (its receipt lost): the device's id finds it saved.
		expect(states(await s.onsite.sync(member, fx.check.id, [{ ...good, key: newClientKey() }], null))).toEqual(['sent']);
		const view = await s.onsite.dossiers(member, fx.check.id);
		expect(view.dossiers.map((d) => [d.id, d.code])).toEqual([[good.data.id, 'MH-2602-0001']]);
		// Returned late without an apology slip: its automatic findings, each once.
		expect(view.findings.length).toBeGreaterThan(0);
		expect(new Set(view.findings.map((f) => f.description)).size).toBe(view.findings.length);
	});
});

describe('checklist answers from the outbox', () => {
	test('applied through the checklist path after the findings: an item marked "Vi phạm" records its finding once, whatever the retries', async () => {
		const { s, fx, member, badge } = await setup(3);
		const [a] = fx.staff;
		const answers = checklistRec(
			{ 'OC-BADGE': { result: 'violation', note: 'Không đeo thẻ khi tiếp dân' }, 'OC-DRESS': { result: 'compliant', note: '' } },
			{ 'OC-BADGE': a!.id }
		);
		// Queued on the device after a finding; sent before the start: applied in dependency order.
		const f = finding(badge, '', 'Ghi riêng');
		expect(states(await s.onsite.sync(member, fx.check.id, [answers, f, start()], null))).toEqual(['sent', 'sent', 'sent']);
		const view = await s.onsite.checklist(member, fx.check.id);
		expect(view.check.checklist['OC-BADGE']).toMatchObject({ result: 'violation', note: 'Không đeo thẻ khi tiếp dân' });
		expect(view.check.checklist['OC-DRESS']).toMatchObject({ result: 'compliant' });
		// The same record again, and the same answers under a new key (a second tap): one finding for the item.
		expect(await s.onsite.sync(member, fx.check.id, [answers], null)).toMatchObject({
			ok: true,
			value: [{ state: 'sent', duplicate: true }]
		});
		expect(states(await s.onsite.sync(member, fx.check.id, [{ ...answers, key: newClientKey() }], null))).toEqual(['sent']);
		const pb = await superPb();
		const fromChecklist = (await findingsRepo(pb).list(fx.check.id)).filter((x) => x.source === 'checklist');
		expect(fromChecklist).toHaveLength(1);
		expect(fromChecklist[0]).toMatchObject({ staffId: a!.id, description: 'Không đeo thẻ khi tiếp dân' });
	});

	test('"Tất cả đạt" and an item\'s evidence photo from the outbox: the photo goes to the item\'s finding, once; without that finding it is refused', async () => {
		const { s, fx, member } = await setup(2);
		const answers = {
			...checklistRec({ 'OC-BADGE': { result: 'violation', note: 'Không đeo thẻ khi tiếp dân' } }),
			data: { items: { 'OC-BADGE': { result: 'violation', note: 'Không đeo thẻ khi tiếp dân' } }, people: {}, allPassed: true }
		};
		const itemPhoto = (code: string) => ({
			kind: 'checklist_photo',
			key: newClientKey(),
			data: { code, lastModified: Date.UTC(2026, 2, 2, 1, 5) }
		});
		const badgePhoto = itemPhoto('OC-BADGE');
		// The photo sent alone first would find no finding yet: refused with the reason, the device keeps it.
		expect(states(await s.onsite.sync(member, fx.check.id, [start()], null))).toEqual(['sent']);
		const early = await s.onsite.sync(member, fx.check.id, [itemPhoto('OC-DRESS')], photo());
		expect(early).toMatchObject({ ok: true, value: [{ state: 'refused', status: 409, code: 'offline.error.checklist_finding_missing' }] });
		expect(states(await s.onsite.sync(member, fx.check.id, [answers], null))).toEqual(['sent']);
		for (let i = 0; i < 2; i++) expect(states(await s.onsite.sync(member, fx.check.id, [badgePhoto], photo()))).toEqual(['sent']);
		const view = await s.onsite.checklist(member, fx.check.id);
		// Every other item, not marked before, saved as "Đạt".
		const others = view.items.filter((i) => i.code !== 'OC-BADGE').map((i) => view.check.checklist[i.code]?.result);
		expect(others.length).toBeGreaterThan(0);
		expect(new Set(others)).toEqual(new Set(['compliant']));
		expect(view.findings['OC-BADGE']?.photos).toHaveLength(1);
		expect(await s.onsite.sync(member, fx.check.id, [itemPhoto('OC-BADGE'), itemPhoto('OC-BADGE')], photo())).toMatchObject({
			ok: false,
			code: 'offline.error.one_photo'
		});
	});

	test('answers for a locked check, or malformed, are refused with their reason', async () => {
		const { s, fx, member } = await setup(2);
		await s.onsite.sync(member, fx.check.id, [start()], null);
		const bad = checklistRec({ 'OC-BADGE': { result: 'maybe', note: '' } });
		const r = await s.onsite.sync(member, fx.check.id, [bad], null);
		expect(r).toMatchObject({ ok: true, value: [{ state: 'refused', status: 400 }] });
		const pb = await superPb();
		await pb.collection('inspections').update(fx.check.id, { status: 'completed' });
		const late = await s.onsite.sync(member, fx.check.id, [checklistRec({ 'OC-BADGE': { result: 'compliant', note: '' } })], null);
		expect(late).toMatchObject({ ok: true, value: [{ state: 'refused', status: 409 }] });
		expect(late.ok && late.value[0]!.state === 'refused' && late.value[0]!.message).toBeTruthy();
	});
});

describe('refusals keep their reason', () => {
	test('a locked check, a person who left the unit and a malformed record are refused one by one in Vietnamese', async () => {
		const { s, fx, member, badge } = await setup(3);
		const [a, b, c] = fx.staff;
		expect(states(await s.onsite.sync(member, fx.check.id, [start()], null))).toEqual(['sent']);
		const pb = await superPb();
		await pb.collection('staff').update(a!.id, { active: false });
		const r = await s.onsite.sync(
			member,
			fx.check.id,
			[rc(a!.id, 'late'), rc(b!.id, 'absent_unexcused'), { kind: 'roll_call', key: 'bad', data: {} }],
			null
		);
		expect(r.ok && r.value[0]).toMatchObject({ state: 'refused', status: 409, code: 'onsite.error.left_unit' });
		expect(r.ok && r.value[0] && 'message' in r.value[0] && r.value[0].message).toContain(a!.full_name);
		expect(r.ok && r.value[1]).toMatchObject({ state: 'sent' });
		expect(r.ok && r.value[2]).toMatchObject({ state: 'refused', status: 400 });
		expect((await rowsOf(fx.check.id)).find((x) => x.staff === b!.id)?.status).toBe('absent_unexcused');

		// The lead completed the check meanwhile: it is locked.
		await pb.collection('inspections').update(fx.check.id, { status: 'completed' });
		const late = await s.onsite.sync(member, fx.check.id, [rc(c!.id, 'late'), finding(badge)], null);
		expect(late.ok && late.value.map((o) => o.state === 'refused' && o.message)).toEqual([
			expect.stringMatching(/khoá|hoàn thành/i),
			expect.stringMatching(/khoá|hoàn thành/i)
		]);
		expect((await rowsOf(fx.check.id)).find((x) => x.staff === c!.id)?.status).toBe('present');
	});

	test('a member removed from the team is refused (access lost) and nothing is written', async () => {
		const { s, fx, member, badge } = await setup(2);
		const pb = await superPb();
		await pb.collection('inspections').update(fx.check.id, { status: 'in_progress', team: [fx.lead.id] });
		const f = finding(badge);
		const thrown = await s.onsite.sync(member, fx.check.id, [f], null).then(
			() => null,
			(e: { status?: number }) => e.status
		);
		expect(thrown).toBe(403);
		expect(await findingsRepo(pb).get(f.data.id)).toBeNull();
	});
});

describe('two devices on the same check', () => {
	test('the second sync merges per person and per finding; a true conflict is kept and the lead settles it', async () => {
		const { s, fx, lead, member, badge } = await setup(5);
		const [a, b, c] = fx.staff;
		await s.onsite.sync(lead, fx.check.id, [start()], null);
		// Device 1 (the lead) and device 2 (the member) both opened the roll call with everyone present.
		const one = await s.onsite.sync(
			lead,
			fx.check.id,
			[rc(a!.id, 'late'), rc(b!.id, 'absent_excused'), finding(badge, a!.id, 'Thiết bị 1')],
			null
		);
		expect(states(one)).toEqual(['sent', 'sent', 'sent']);
		const two = await s.onsite.sync(
			member,
			fx.check.id,
			[rc(b!.id, 'absent_excused'), rc(c!.id, 'business_trip'), rc(a!.id, 'absent_unexcused'), finding(badge, '', 'Thiết bị 2')],
			null
		);
		// b: the same status (merge), c: another person (merge), a: a true conflict, the finding: merged.
		expect(states(two)).toEqual(['sent', 'sent', 'conflict', 'sent']);
		const rows = await rowsOf(fx.check.id);
		expect(rows.find((r) => r.staff === a!.id)?.status).toBe('late'); // not overwritten in silence
		expect(rows.find((r) => r.staff === c!.id)?.status).toBe('business_trip');
		const pb = await superPb();
		expect(
			(await findingsRepo(pb).list(fx.check.id))
				.filter((f) => f.source === 'manual')
				.map((f) => f.description)
				.sort()
		).toEqual(['Thiết bị 1', 'Thiết bị 2']);

		const open = await s.onsite.conflicts(lead, fx.check.id);
		expect(open).toHaveLength(1);
		expect(open[0]).toMatchObject({ staffId: a!.id, savedStatus: 'late', deviceStatus: 'absent_unexcused', createdBy: fx.member.id });
		// Only the lead settles it.
		await expect(s.onsite.resolveConflict(member, fx.check.id, { conflict: open[0]!.id, choice: 'device' })).rejects.toMatchObject({
			status: 403
		});
		expect(await s.onsite.resolveConflict(lead, fx.check.id, { conflict: open[0]!.id, choice: 'device' })).toEqual({ ok: true });
		expect((await rowsOf(fx.check.id)).find((r) => r.staff === a!.id)?.status).toBe('absent_unexcused');
		expect(await s.onsite.conflicts(lead, fx.check.id)).toHaveLength(0);
		expect(await s.onsite.resolveConflict(lead, fx.check.id, { conflict: open[0]!.id, choice: 'saved' })).toMatchObject({
			ok: false,
			status: 409
		});
		// The audit trail names the conflict.
		const trail = await pb
			.collection('audit_trail')
			.getFullList({ filter: pb.filter('target_collection = {:c}', { c: 'roll_call_conflicts' }) });
		expect(trail.length).toBeGreaterThanOrEqual(2);
	});

	test('the lead settling one conflict on two devices at once: one settlement wins, the other is stale and writes nothing', async () => {
		const { s, fx, lead, member } = await setup(3);
		const [a] = fx.staff;
		await s.onsite.sync(lead, fx.check.id, [start()], null);
		await s.onsite.sync(lead, fx.check.id, [rc(a!.id, 'late')], null);
		expect(states(await s.onsite.sync(member, fx.check.id, [rc(a!.id, 'absent_unexcused')], null))).toEqual(['conflict']);
		const [k] = await s.onsite.conflicts(lead, fx.check.id);
		// Both devices read the conflict open and send their choice together.
		const [x, y] = await Promise.all([
			s.onsite.resolveConflict(lead, fx.check.id, { conflict: k!.id, choice: 'device' }),
			s.onsite.resolveConflict(lead, fx.check.id, { conflict: k!.id, choice: 'saved' })
		]);
		const results = [x, y];
		expect(results.filter((r) => r.ok)).toHaveLength(1);
		expect(results.filter((r) => !r.ok)).toMatchObject([{ ok: false, status: 409, code: 'errors.stale' }]);
		const won = x.ok ? 'absent_unexcused' : 'late';
		expect((await rowsOf(fx.check.id)).find((r) => r.staff === a!.id)?.status).toBe(won);
		const pb = await superPb();
		const stored = await pb.collection('roll_call_conflicts').getOne(k!.id);
		expect(stored).toMatchObject({ resolution: won, version: 1 });
		const settled = await pb
			.collection('audit_log')
			.getFullList({ filter: pb.filter('target_id = {:k} && action = {:a}', { k: k!.id, a: 'rollcall.conflict.resolve' }) });
		expect(settled).toHaveLength(1);
		expect(await s.onsite.conflicts(lead, fx.check.id)).toHaveLength(0);
	});
});

describe('signatures and the completion from the outbox', () => {
	// A 1×1 PNG and another (a different pixel): two drawings with different hashes.
	const PNG_A = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
	const PNG_B = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==';
	const sign = (party: string, png = PNG_A) => ({
		kind: 'signature',
		key: newClientKey(),
		data: { mode: 'sign', party, png: `data:image/png;base64,${png}` }
	});
	const refusal = (party: string, reason: string) => ({ kind: 'signature', key: newClientKey(), data: { mode: 'refuse', party, reason } });
	const complete = (signedOnPaper = false) => ({ kind: 'complete', key: newClientKey(), data: { signedOnPaper, grouping: 'per_finding' } });
	async function audit(checkId: string, action: string) {
		const pb = await superPb();
		return pb.collection('audit_log').getFullList({ filter: pb.filter('target_id = {:i} && action = {:a}', { i: checkId, a: action }) });
	}

	test('sent out of order, they are applied after what they depend on; a refused completion gives its reason; retries write nothing', async () => {
		const { s, fx, lead, member, badge } = await setup(3);
		const [a] = fx.staff;
		// The completion first in the queue, then the start, a finding and a roll-call change: the server
		// applies the completion last, and refuses it (nobody signed yet) with the reason the page shows.
		const early = complete();
		const r1 = await s.onsite.sync(lead, fx.check.id, [early, start(), finding(badge, a!.id), rc(a!.id, 'late')], null);
		expect(states(r1)).toEqual(['refused', 'sent', 'sent', 'sent']);
		expect(r1.ok && r1.value[0]).toMatchObject({
			status: 409,
			code: 'sign.error.signers_required',
			message: t('vi', 'sign.error.signers_required')
		});
		// The representative refuses (drawn on the member's device), then the lead signs and completes in one request, completion listed first.
		expect(states(await s.onsite.sync(member, fx.check.id, [refusal('representative', '  Không đồng ý với kết luận ')], null))).toEqual([
			'sent'
		]);
		const done = complete();
		const leadSig = sign('lead');
		expect(states(await s.onsite.sync(lead, fx.check.id, [done, leadSig], null))).toEqual(['sent', 'sent']);
		// The request again (its answer lost): already applied.
		const again = await s.onsite.sync(lead, fx.check.id, [done, leadSig], null);
		expect(again).toMatchObject({
			ok: true,
			value: [
				{ state: 'sent', duplicate: true },
				{ state: 'sent', duplicate: true }
			]
		});
		// A signature queued after the completion is refused: the record is locked.
		const late = await s.onsite.sync(lead, fx.check.id, [sign('lead', PNG_B)], null);
		expect(late).toMatchObject({ ok: true, value: [{ state: 'refused', status: 409, code: 'check.error.locked' }] });

		const check = await (await superPb()).collection('inspections').getOne(fx.check.id);
		expect(check.status).toBe('completed');
		expect(check.record_number).toBeTruthy();
		expect(check.signers.representative).toMatchObject({ refusedReason: 'Không đồng ý với kết luận' });
		expect(check.signers.lead.sha256).toMatch(/^[0-9a-f]{64}$/);
		expect((await audit(fx.check.id, 'check.complete')).length).toBe(1);
		expect((await audit(fx.check.id, 'check.sign')).length).toBe(1);
		expect((await audit(fx.check.id, 'check.sign_refused')).length).toBe(1);
	});

	test('the same signature or refusal under a new key (sent again before its receipt was written) writes nothing the second time', async () => {
		const { s, fx, lead, member } = await setup(2);
		expect(states(await s.onsite.sync(lead, fx.check.id, [start()], null))).toEqual(['sent']);
		for (let i = 0; i < 2; i++) {
			expect(states(await s.onsite.sync(lead, fx.check.id, [sign('lead')], null))).toEqual(['sent']);
			expect(states(await s.onsite.sync(member, fx.check.id, [refusal('representative', 'Vắng mặt')], null))).toEqual(['sent']);
		}
		expect((await audit(fx.check.id, 'check.sign')).length).toBe(1);
		expect((await audit(fx.check.id, 'check.sign_refused')).length).toBe(1);
		// Another drawing replaces the first (the form's own behaviour).
		expect(states(await s.onsite.sync(lead, fx.check.id, [sign('lead', PNG_B)], null))).toEqual(['sent']);
		expect((await audit(fx.check.id, 'check.sign')).length).toBe(2);
	});

	test('refusals: a member cannot sign for the lead nor complete; a refusal without a reason is refused; a request holds one signature', async () => {
		const { s, fx, lead, member } = await setup(2);
		expect(states(await s.onsite.sync(lead, fx.check.id, [start()], null))).toEqual(['sent']);
		const r = await s.onsite.sync(member, fx.check.id, [sign('lead')], null);
		expect(r).toMatchObject({ ok: true, value: [{ state: 'refused', status: 403, code: 'onsite.error.lead_only' }] });
		const blank = await s.onsite.sync(member, fx.check.id, [refusal('representative', '   ')], null);
		expect(blank).toMatchObject({ ok: true, value: [{ state: 'refused', status: 400, code: 'sign.error.reason_required' }] });
		const c = await s.onsite.sync(member, fx.check.id, [complete(true)], null);
		expect(c).toMatchObject({ ok: true, value: [{ state: 'refused', status: 403, code: 'onsite.error.lead_only' }] });
		expect(await s.onsite.sync(lead, fx.check.id, [sign('lead'), sign('representative')], null)).toMatchObject({
			ok: false,
			status: 400,
			code: 'offline.error.one_signature'
		});
		// Signed on paper: the lead completes without drawn signatures.
		expect(states(await s.onsite.sync(lead, fx.check.id, [complete(true)], null))).toEqual(['sent']);
		expect((await (await superPb()).collection('inspections').getOne(fx.check.id)).status).toBe('completed');
	});

	test('a completion from the outbox tells the checked unit, once, as the form does (issue #13 §2)', async () => {
		const { s, fx, lead } = await setup(2);
		const head = await makeUser('unit_head', { unitId: fx.unit.id, name: 'Thủ trưởng Ngoại Tuyến' });
		const done = complete(true);
		expect(states(await s.onsite.sync(lead, fx.check.id, [done, start()], null))).toEqual(['sent', 'sent']);
		expect(states(await s.onsite.sync(lead, fx.check.id, [complete(true)], null))).toEqual(['sent']);
		await s.notifications.idle();
		const rows = await notificationsOf(head.id, 'check_completed');
		expect(rows.map((r) => r.link)).toEqual([`/unit/checks/${fx.check.id}`]);
	});
});
