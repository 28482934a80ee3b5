// Issue #11 on a real PocketBase (no mocks): point 4 — the verifying side of a corrective action is the
// policy's (the originating check's team or a leader; an inspector off the team is refused 403, and the
// page offers them no button); point 6 — 20 parallel requests on one action's workflow, each sent from
// the same page (the version it showed), give exactly one winner, every loser 409 errors.stale, one
// history row and a consistent final state; without the page's version the write itself is still
// guarded; the scheduler's overdue write neither loses its flag nor clobbers a step.
import { describe, expect, test } from 'vitest';
import { toActor, type User } from '../../src/lib/domain/user';
import { actionsRepo } from '../../src/lib/server/repos/actions';
import type { Result } from '../../src/lib/domain/result';
import type { ActionInput } from '../../src/lib/domain/corrective-action';
import { manualClock, makeUser, superPb, testServices } from '../support/services';
import { actionWorld, historyOf } from '../support/actions';

const as = (u: User) => toActor(u);
const VN_MORNING = (day: string) => new Date(`${day}T01:00:00Z`); // 08:00 in Vietnam
const N = 20;

async function stored(id: string) {
	return (await superPb()).collection('corrective_actions').getOne(id);
}

/** Exactly one success; every other result a 409 whose code is one of `codes`. */
function expectOneWinner(results: Result[], codes: string[] = ['errors.stale']) {
	expect(results.filter((r) => r.ok)).toHaveLength(1);
	const losses = results.filter((r) => !r.ok);
	expect(losses).toHaveLength(results.length - 1);
	for (const l of losses) expect(l).toMatchObject({ ok: false, status: 409, code: expect.toBeOneOf(codes) });
}

describe('issue #11 point 4: verification is the policy’s (originating check’s team or a leader)', () => {
	test('an inspector off the check’s team cannot verify, return or decide → 403, nothing written, no button', async () => {
		const w = await actionWorld('2026-03-10');
		const offTeam = await makeUser('inspector', { name: 'Kiểm tra viên khác đoàn' });
		const s = await testServices(manualClock(VN_MORNING('2026-03-04')));
		expect(
			await s.actions.step(as(w.head), w.action.id, { type: 'request_extension', reason: 'Chờ kinh phí', newDueDate: '2026-03-20' })
		).toEqual({ ok: true });
		expect(await s.actions.step(as(w.head), w.action.id, { type: 'submit', text: 'Đã khắc phục' })).toEqual({ ok: true });
		const before = await historyOf(w.action.id);
		const refused = { ok: false, status: 403, code: 'action.error.not_verifier' };
		for (const input of [
			{ type: 'verify' },
			{ type: 'return', reason: 'Chưa đạt' },
			{ type: 'approve_extension' },
			{ type: 'refuse_extension', reason: 'Không cần' }
		] satisfies ActionInput[]) {
			expect(await s.actions.step(as(offTeam), w.action.id, input)).toMatchObject(refused);
		}
		// The page offers the off-team inspector nothing but reading; the lead gets the verifier's steps.
		expect((await s.actions.detail(as(offTeam), w.action.id)).steps).toEqual([]);
		expect((await s.actions.detail(as(w.inspector), w.action.id)).steps).toEqual([
			'return',
			'verify',
			'approve_extension',
			'refuse_extension',
			'comment'
		]);
		const rec = await stored(w.action.id);
		expect(rec.status).toBe('submitted');
		expect(rec.pending_extension).toMatchObject({ newDueDate: '2026-03-20' });
		expect(rec.due_date).toBe('2026-03-10');
		expect(await historyOf(w.action.id)).toHaveLength(before.length);
		// A member of the team (not the lead) and any leader may.
		const member = await makeUser('inspector', { name: 'Thành viên đoàn' });
		await (await superPb()).collection('inspections').update(w.check.id, { team: [w.inspector.id, member.id] });
		expect(await s.actions.step(as(member), w.action.id, { type: 'return', reason: 'Ảnh chưa rõ' })).toEqual({ ok: true });
		expect(await s.actions.step(as(w.head), w.action.id, { type: 'submit', text: 'Bổ sung ảnh' })).toEqual({ ok: true });
		expect(await s.actions.step(as(w.leader), w.action.id, { type: 'verify' })).toEqual({ ok: true });
		expect(await s.actions.step(as(offTeam), w.action.id, { type: 'close' })).toMatchObject(refused);
		expect(await s.actions.step(as(w.inspector), w.action.id, { type: 'close' })).toEqual({ ok: true });
	});
});

describe('issue #11 point 6: parallel workflow requests on one corrective action', () => {
	test(`${N} parallel verify / return on a submitted action → one winner, one history row, a consistent state`, async () => {
		const w = await actionWorld('2026-03-10');
		const s = await testServices(manualClock(VN_MORNING('2026-03-04')));
		expect(await s.actions.step(as(w.head), w.action.id, { type: 'submit', text: 'Đã khắc phục' })).toEqual({ ok: true });
		const before = await stored(w.action.id);
		const rows = (await historyOf(w.action.id)).length;
		const seen = { version: before.version }; // both pages show the submitted answer

		const results = await Promise.all(
			Array.from({ length: N }, (_, i) =>
				i % 2 === 0
					? s.actions.step(as(w.inspector), w.action.id, { type: 'verify' }, [], seen)
					: s.actions.step(as(w.leader), w.action.id, { type: 'return', reason: `Chưa đạt ${i}` }, [], seen)
			)
		);
		expectOneWinner(results);

		const history = await historyOf(w.action.id);
		expect(history).toHaveLength(rows + 1);
		const winner = history.at(-1)!;
		const rec = await stored(w.action.id);
		expect(rec.version).toBe(before.version + 1);
		if (winner.kind === 'verify') {
			expect(rec.status).toBe('verified');
			expect(rec.return_count).toBe(0);
		} else {
			expect(winner.kind).toBe('return');
			expect(rec.status).toBe('in_progress');
			expect(rec.return_count).toBe(1);
		}
		expect(winner.to_status).toBe(rec.status);
	});

	test(`${N} parallel approve / refuse of one extension request → one decision, the due date moved at most once`, async () => {
		const w = await actionWorld('2026-03-10');
		const s = await testServices(manualClock(VN_MORNING('2026-03-04')));
		expect(
			await s.actions.step(as(w.head), w.action.id, { type: 'request_extension', reason: 'Chờ sửa bảng', newDueDate: '2026-03-20' })
		).toEqual({ ok: true });
		const rows = (await historyOf(w.action.id)).length;
		const seen = { version: (await stored(w.action.id)).version };

		const results = await Promise.all(
			Array.from({ length: N }, (_, i) =>
				i % 2 === 0
					? s.actions.step(as(i % 4 === 0 ? w.inspector : w.leader), w.action.id, { type: 'approve_extension' }, [], seen)
					: s.actions.step(as(w.leader), w.action.id, { type: 'refuse_extension', reason: `Không đồng ý ${i}` }, [], seen)
			)
		);
		expectOneWinner(results);

		const history = await historyOf(w.action.id);
		expect(history).toHaveLength(rows + 1);
		const decision = history.at(-1)!;
		const rec = await stored(w.action.id);
		expect(rec.pending_extension).toBeNull();
		if (decision.kind === 'approve_extension') {
			expect(rec.due_date).toBe('2026-03-20');
			expect(rec.extension_count).toBe(1);
		} else {
			expect(decision.kind).toBe('refuse_extension');
			expect(rec.due_date).toBe('2026-03-10');
			expect(rec.extension_count).toBe(0);
		}
		expect(rec.original_due_date).toBe('2026-03-10');
	});

	test(`${N} parallel submits of one answer → one submission`, async () => {
		const w = await actionWorld('2026-03-10');
		const s = await testServices(manualClock(VN_MORNING('2026-03-04')));
		const results = await Promise.all(
			Array.from({ length: N }, (_, i) =>
				s.actions.step(as(w.head), w.action.id, { type: 'submit', text: `Báo cáo ${i}` }, [], { version: 0 })
			)
		);
		expectOneWinner(results);
		const submits = (await historyOf(w.action.id)).filter((h) => h.kind === 'submit');
		expect(submits).toHaveLength(1);
		const rec = await stored(w.action.id);
		expect(rec.status).toBe('submitted');
		expect(rec.version).toBe(1);
	});

	test(`${N} parallel verify / return without the page's version → still one winner (the write's own guard)`, async () => {
		const w = await actionWorld('2026-03-10');
		const s = await testServices(manualClock(VN_MORNING('2026-03-04')));
		expect(await s.actions.step(as(w.head), w.action.id, { type: 'submit', text: 'Đã khắc phục' })).toEqual({ ok: true });
		const rows = (await historyOf(w.action.id)).length;
		const results = await Promise.all(
			Array.from({ length: N }, (_, i) =>
				i % 2 === 0
					? s.actions.step(as(w.inspector), w.action.id, { type: 'verify' })
					: s.actions.step(as(w.leader), w.action.id, { type: 'return', reason: `Chưa đạt ${i}` })
			)
		);
		// A loser that read before the winner wrote is stale; one that read after is told the new state.
		expectOneWinner(results, ['errors.stale', 'action.error.not_submitted', 'action.error.already_verified']);
		expect(await historyOf(w.action.id)).toHaveLength(rows + 1);
	});

	test('a page showing an older version is refused as stale, even when the step would still fit', async () => {
		const w = await actionWorld('2026-03-10');
		const s = await testServices(manualClock(VN_MORNING('2026-03-04')));
		expect(await s.actions.explain(as(w.head), w.action.id, 'Giải trình lần 1', { version: 0 })).toEqual({ ok: true });
		// Someone else's page, opened before the explanation was saved, starts the work: refused, nothing written.
		expect(await s.actions.step(as(w.head), w.action.id, { type: 'start' }, [], { version: 0 })).toEqual({
			ok: false,
			status: 409,
			code: 'errors.stale',
			params: {}
		});
		expect(await s.actions.explain(as(w.head), w.action.id, 'Giải trình cũ', { version: 0 })).toMatchObject({
			status: 409,
			code: 'errors.stale'
		});
		// A comment changes no state: it is not refused for an older page.
		expect(
			await s.actions.step(as(w.inspector), w.action.id, { type: 'comment', text: 'Đề nghị bổ sung ảnh' }, [], { version: 0 })
		).toEqual({ ok: true });
		const rec = await stored(w.action.id);
		expect(rec.status).toBe('open');
		expect(rec.unit_explanation).toBe('Giải trình lần 1');
		expect((await historyOf(w.action.id)).map((h) => h.kind)).toEqual(['explain', 'comment']);
		// The page reloaded (its current version) goes through.
		expect(await s.actions.step(as(w.head), w.action.id, { type: 'start' }, [], { version: rec.version })).toEqual({ ok: true });
	});

	test('a write decided on a version someone else has since replaced is refused, in the batch as a whole', async () => {
		const w = await actionWorld('2026-03-10');
		const repo = actionsRepo(await superPb());
		const read = (await repo.get(w.action.id))!;
		// N writers that all read the same version: exactly one batch (state + history row) lands.
		const step = (i: number) =>
			repo.applyStep(
				read.id,
				read.version,
				{ status: 'in_progress' },
				{ actorId: w.head.id, kind: 'start', fromStatus: 'open', toStatus: 'in_progress', text: `${i}` }
			);
		const written = await Promise.all(Array.from({ length: N }, (_, i) => step(i)));
		expect(written.filter(Boolean)).toHaveLength(1);
		expect(await historyOf(w.action.id)).toHaveLength(1);
		expect(await repo.update(read.id, read.version, { overdue: true })).toBe(false);
		expect((await stored(w.action.id)).overdue).toBe(false);
	});

	test('the scheduler’s overdue flag and a unit head’s submit at once: both kept, the flag once', async () => {
		const w = await actionWorld('2026-03-03');
		const clock = manualClock(VN_MORNING('2026-03-04'));
		const s = await testServices(clock);
		const submit = () => s.actions.step(as(w.head), w.action.id, { type: 'submit', text: 'Đã khắc phục (muộn)' });
		const [, first] = await Promise.all([s.scheduler.runDueChecks(clock()), submit()]);
		// A submit that lost to the scheduler was told so (nothing written) and is simply sent again.
		if (!first.ok) {
			expect(first).toMatchObject({ status: 409, code: 'errors.stale' });
			expect(await submit()).toEqual({ ok: true });
		}
		await s.scheduler.runDueChecks(clock());
		const rec = await stored(w.action.id);
		expect(rec.status).toBe('submitted');
		expect(rec.overdue).toBe(true); // submitted after the due date: still overdue until accepted
		expect(Object.keys(rec.reminders)).toEqual(['overdue@2026-03-03']);
		const kinds = (await historyOf(w.action.id)).map((h) => h.kind);
		expect(kinds.filter((k) => k === 'overdue')).toHaveLength(1);
		expect(kinds.filter((k) => k === 'submit')).toHaveLength(1);
	});
});
