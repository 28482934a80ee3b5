// Issue #15 §2: the two faults the crash test (crash-durability.test.ts) revealed, each on its own, on a
// real PocketBase (docs/deploy.md "Crash durability"):
// - a finding's photos and their metadata (photo_meta: SHA-256, capture time) were two writes, so a crash
//   between them kept the photos without their hashes; they are now one create;
// - a corrective-action step had no idempotency key, so a step whose answer was lost and that the phone
//   sent again was written twice (a comment) or refused as stale (a state change that had in fact been
//   saved); a step now carries the form's client key and a resend is answered as done;
// - a step's notifications are written after the step, so a crash between lost them; a resend now sends
//   them again under keys of the step's client key, adding only the missing ones.
import { afterAll, describe, expect, test } from 'vitest';
import { createHash } from 'node:crypto';
import { manualClock, superPb, testServices } from '../support/services';
import { makeCheck, photo, removeSeededCatalogue, TINY_JPEG, typeId } from '../support/onsite';
import { actionWorld, historyOf, notificationsOf, pngFile } from '../support/actions';
import { toActor } from '../../src/lib/domain/user';
import { findingsRepo } from '../../src/lib/server/repos/findings';

afterAll(removeSeededCatalogue, 60_000);
const clock = manualClock(new Date('2026-03-02T01:00:00Z'));

async function auditOf(collection: string, id: string) {
	const pb = await superPb();
	const rows = await pb
		.collection('audit_trail')
		.getFullList({ filter: pb.filter('target_collection = {:c} && target_id = {:id}', { c: collection, id }), sort: 'seq' });
	return rows.map((r) => ({
		action: String(r.action),
		changes: JSON.parse(String(r.content)).changes as Record<string, { after?: unknown }>
	}));
}

describe('a finding with photos', () => {
	test('is one write: its audit history is a single create holding the photos and their metadata', async () => {
		const s = await testServices(clock);
		const fx = await makeCheck();
		const lead = toActor(fx.lead);
		expect((await s.onsite.start(lead, fx.check.id, { lat: null, lon: null, accuracy: null })).ok).toBe(true);
		const r = await s.onsite.addFinding(
			lead,
			fx.check.id,
			{
				clientKey: 'one-write-0001',
				staffId: '',
				typeId: await typeId('OC-BADGE'),
				description: 'Không đeo thẻ công chức',
				observedTime: '',
				keepLocation: false,
				photoMeta: '[]'
			},
			[photo(), photo(TINY_JPEG, 'vi-pham-2.jpg')]
		);
		if (!r.ok) throw new Error(`refused: ${r.code}`);
		const trail = await auditOf('findings', r.value.findingId);
		expect(trail.map((e) => e.action)).toEqual(['create']);
		expect(trail[0]!.changes.photos?.after).toHaveLength(2);
		expect(trail[0]!.changes.photo_meta?.after).toHaveLength(2);
		const f = (await findingsRepo(await superPb()).get(r.value.findingId))!;
		expect(f.photoMeta.map((m) => m.name)).toEqual(f.photos);
		const sha = createHash('sha256').update(TINY_JPEG).digest('hex');
		expect(f.photoMeta.map((m) => m.sha256)).toEqual([sha, sha]);
		expect(f.photoMeta[0]!.captured_at).toBe('2026-03-02 00:40:00.000Z');
	});
});

describe('a corrective-action step sent again with its client key', () => {
	test('a comment whose answer was lost, sent again, is one history row; another key is another comment', async () => {
		const s = await testServices(clock);
		const w = await actionWorld();
		const head = toActor(w.head);
		const comment = { type: 'comment' as const, text: 'Đã nhắc nhở công chức đi muộn' };
		expect((await s.actions.step(head, w.action.id, comment, [pngFile()], { clientKey: 'resend-comment-01' })).ok).toBe(true);
		expect((await s.actions.step(head, w.action.id, comment, [pngFile()], { clientKey: 'resend-comment-01' })).ok).toBe(true);
		let comments = (await historyOf(w.action.id)).filter((h) => h.kind === 'comment');
		expect(comments).toHaveLength(1);
		expect(comments[0]!.files).toHaveLength(1);
		expect((await s.actions.step(head, w.action.id, comment, [], { clientKey: 'resend-comment-02' })).ok).toBe(true);
		comments = (await historyOf(w.action.id)).filter((h) => h.kind === 'comment');
		expect(comments).toHaveLength(2);
	});

	test('a start sent again from the same page (same version and key) is answered as done, not refused as stale', async () => {
		const s = await testServices(clock);
		const w = await actionWorld();
		const head = toActor(w.head);
		const start = { type: 'start' as const, note: 'Bắt đầu khắc phục' };
		const first = await s.actions.step(head, w.action.id, start, [], { version: 0, clientKey: 'resend-start-001' });
		expect(first.ok).toBe(true);
		const again = await s.actions.step(head, w.action.id, start, [], { version: 0, clientKey: 'resend-start-001' });
		expect(again).toEqual({ ok: true, value: undefined });
		expect((await historyOf(w.action.id)).filter((h) => h.kind === 'start')).toHaveLength(1);
		const rec = await (await superPb()).collection('corrective_actions').getOne(w.action.id);
		expect(rec.status).toBe('in_progress');
		expect(rec.version).toBe(1);
		// Without its key the same resend is what it always was: a stale page, refused, nothing written.
		const keyless = await s.actions.step(head, w.action.id, start, [], { version: 0 });
		expect(keyless).toMatchObject({ ok: false, status: 409, code: 'errors.stale' });
	});

	test('the same step sent twice at once is written once and both sends are answered as done', async () => {
		const s = await testServices(clock);
		const w = await actionWorld();
		const head = toActor(w.head);
		const comment = { type: 'comment' as const, text: 'Gửi hai lần cùng lúc' };
		const both = await Promise.all([
			s.actions.step(head, w.action.id, comment, [], { clientKey: 'twice-comment-01' }),
			s.actions.step(head, w.action.id, comment, [], { clientKey: 'twice-comment-01' })
		]);
		expect(both.map((r) => r.ok)).toEqual([true, true]);
		expect((await historyOf(w.action.id)).filter((h) => h.kind === 'comment')).toHaveLength(1);
		const start = { type: 'start' as const, note: '' };
		const starts = await Promise.all([
			s.actions.step(head, w.action.id, start, [], { version: 1, clientKey: 'twice-start-0001' }),
			s.actions.step(head, w.action.id, start, [], { version: 1, clientKey: 'twice-start-0001' })
		]);
		expect(starts.map((r) => r.ok)).toEqual([true, true]);
		expect((await historyOf(w.action.id)).filter((h) => h.kind === 'start')).toHaveLength(1);
	});

	test('a step whose notifications a crash lost after the write sends them when sent again, and only once', async () => {
		const s = await testServices(clock);
		const w = await actionWorld();
		const head = toActor(w.head);
		const start = { type: 'start' as const, note: '' };
		expect((await s.actions.step(head, w.action.id, start, [], { version: 0, clientKey: 'lost-note-start1' })).ok).toBe(true);
		const submit = { type: 'submit' as const, text: 'Đã khắc phục, gửi ảnh minh chứng' };
		const key = { version: 1, clientKey: 'lost-note-submit' };
		expect((await s.actions.step(head, w.action.id, submit, [pngFile()], key)).ok).toBe(true);
		const told = await notificationsOf(w.inspector.id, 'action_submitted');
		expect(told).toHaveLength(1);
		// The crash: the step is stored, its notification is not (as if the process died between the two).
		const pb = await superPb();
		await pb.collection('notifications').delete(told[0]!.id);
		expect((await s.actions.step(head, w.action.id, submit, [pngFile()], key)).ok).toBe(true);
		expect(await notificationsOf(w.inspector.id, 'action_submitted')).toHaveLength(1);
		// Sent a third time: nothing more.
		expect((await s.actions.step(head, w.action.id, submit, [pngFile()], key)).ok).toBe(true);
		expect(await notificationsOf(w.inspector.id, 'action_submitted')).toHaveLength(1);
		expect((await historyOf(w.action.id)).filter((h) => h.kind === 'submit')).toHaveLength(1);
	});
});
