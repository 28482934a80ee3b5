// Issue #11 on a real PocketBase (no mocks): point 4 — the verifying side of a corrective action is the
// policy's (the originating check's team or a leader; an inspector off the team is refused 403, and the
// page offers them no button); point 6 — 20 parallel requests on one action's workflow give exactly one
// winner, the losers a 409 (errors.stale when they read the state the winner replaced), one history row
// and a consistent final state; the scheduler's overdue write neither loses its flag nor clobbers a step.
import { describe, expect, test } from 'vitest';
import { toActor, type User } from '../../src/lib/domain/user';
import { actionsRepo } from '../../src/lib/server/repos/actions';
import type { StepResult } from '../../src/lib/server/services/actions';
import type { ActionInput } from '../../src/lib/domain/corrective-action';
import { manualClock, makeUser, superPb, testServices } from '../support/services';
import { actionWorld, historyOf } from '../support/actions';

const as = (u: User) => toActor(u);
const VN_MORNING = (day: string) => new Date(`${day}T01:00:00Z`); // 08:00 in Vietnam
const N = 20;

async function stored(id: string) {
	return (await superPb()).collection('corrective_actions').getOne(id);
}

/** Every result is either the one success or a 409 whose code is one of `codes`. */
function tally(results: StepResult[], codes: string[]) {
	const wins = results.filter((r) => r.ok);
	const losses = results.filter((r): r is Extract<StepResult, { ok: false }> => !r.ok);
	for (const l of losses) {
		expect(l.status).toBe(409);
		expect(codes).toContain(l.code);
	}
	return { wins: wins.length, stale: losses.filter((l) => l.code === 'errors.stale').length };
}

describe('issue #11 point 4: verification is the policy’s (originating check’s team or a leader)', () => {
	test('an inspector off the check’s team cannot verify, return or decide → 403, nothing written, no button', async () => {
		const w = await actionWorld('2026-03-10');
		const offTeam = await makeUser('inspector', { name: 'Kiểm tra viên khác đoàn' });
		const s = await testServices(manualClock(VN_MORNING('2026-03-04')));
		expect(await s.actions.step(as(w.head), w.action.id, { type: 'request_extension', reason: 'Chờ kinh phí', newDueDate: '2026-03-20' })).toEqual({ ok: true });
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
		expect((await s.actions.detail(as(w.inspector), w.action.id)).steps).toEqual(['return', 'verify', 'approve_extension', 'refuse_extension', 'comment']);
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

		const results = await Promise.all(
			Array.from({ length: N }, (_, i) =>
				i % 2 === 0
					? s.actions.step(as(w.inspector), w.action.id, { type: 'verify' })
					: s.actions.step(as(w.leader), w.action.id, { type: 'return', reason: `Chưa đạt ${i}` })
			)
		);
		const t = tally(results, ['errors.stale', 'action.error.not_submitted', 'action.error.already_verified']);
		expect(t.wins).toBe(1);
		expect(t.stale).toBeGreaterThan(0);

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
		expect(await s.actions.step(as(w.head), w.action.id, { type: 'request_extension', reason: 'Chờ sửa bảng', newDueDate: '2026-03-20' })).toEqual({ ok: true });
		const rows = (await historyOf(w.action.id)).length;

		const results = await Promise.all(
			Array.from({ length: N }, (_, i) =>
				i % 2 === 0
					? s.actions.step(as(i % 4 === 0 ? w.inspector : w.leader), w.action.id, { type: 'approve_extension' })
					: s.actions.step(as(w.leader), w.action.id, { type: 'refuse_extension', reason: `Không đồng ý ${i}` })
			)
		);
		const t = tally(results, ['errors.stale', 'action.error.no_pending_extension']);
		expect(t.wins).toBe(1);
		expect(t.stale).toBeGreaterThan(0);

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
			Array.from({ length: N }, (_, i) => s.actions.step(as(w.head), w.action.id, { type: 'submit', text: `Báo cáo ${i}` }))
		);
		const t = tally(results, ['errors.stale', 'action.error.awaiting_verification']);
		expect(t.wins).toBe(1);
		expect(t.stale).toBeGreaterThan(0);
		const submits = (await historyOf(w.action.id)).filter((h) => h.kind === 'submit');
		expect(submits).toHaveLength(1);
		const rec = await stored(w.action.id);
		expect(rec.status).toBe('submitted');
		expect(rec.version).toBe(1);
	});

	test('a write decided on a version someone else has since replaced is refused, in the batch as a whole', async () => {
		const w = await actionWorld('2026-03-10');
		const repo = actionsRepo(await superPb());
		const read = (await repo.get(w.action.id))!;
		// N writers that all read the same version: exactly one batch (state + history row) lands.
		const step = (i: number) =>
			repo.applyStep(read.id, read.version, { status: 'in_progress' }, { actorId: w.head.id, kind: 'start', fromStatus: 'open', toStatus: 'in_progress', text: `${i}` });
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
