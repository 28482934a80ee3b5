/**
 * On-site items reach the unit (issue #13 §6): a checklist item marked "Vi phạm" is recorded as a
 * finding of its catalogue type (note, photo, person), and becomes a corrective action of the unit at
 * completion; un-marking it removes that finding (refused once an explanation was asked for); "Tất cả
 * đạt" marks only what is not marked yet. Real PocketBase, the services as the routes call them.
 */
import { afterAll, describe, expect, test } from 'vitest';
import { makeUser, manualClock, superPb, testServices } from '../support/services';
import { makeCheck, photo, removeSeededCatalogue } from '../support/onsite';
import { toActor } from '../../src/lib/domain/user';
import { findingsRepo } from '../../src/lib/server/repos/findings';
import { parseBoardFilter } from '../../src/lib/domain/schemas/actions';

afterAll(removeSeededCatalogue, 60_000);
const clock = manualClock(new Date('2026-03-02T01:00:00Z'));
const NO_LOC = { lat: null, lon: null, accuracy: null };

async function started() {
	const s = await testServices(clock);
	const fx = await makeCheck({ staff: 4 });
	const lead = toActor(fx.lead);
	expect(await s.onsite.start(lead, fx.check.id, NO_LOC)).toEqual({ ok: true });
	const view = await s.onsite.checklist(lead, fx.check.id);
	const item = (code: string) => view.items.find((i) => i.code === code)!;
	return { s, fx, lead, item };
}
const findingsOf = async (checkId: string) => findingsRepo(await superPb()).list(checkId);

describe('a checklist item marked "Vi phạm"', () => {
	test('becomes a finding of its type with note, photo and person, and after completion a corrective action of the unit', async () => {
		const { s, fx, lead, item } = await started();
		const badge = item('OC-BADGE');
		const person = fx.staff[1]!;
		const save = () =>
			s.onsite.saveChecklist(
				lead,
				fx.check.id,
				{ 'OC-BADGE': { result: 'violation', note: 'Không đeo thẻ khi tiếp dân' }, 'OC-DRESS': { result: 'compliant', note: '' } },
				{ 'OC-BADGE': { staffId: person.id, files: [photo()] } }
			);
		expect(await save()).toEqual({ ok: true });
		expect(await save()).toEqual({ ok: true }); // a double submit records it once
		const list = await findingsOf(fx.check.id);
		expect(list).toHaveLength(1);
		expect(list[0]).toMatchObject({
			source: 'checklist',
			typeId: badge.id,
			typeCode: 'OC-BADGE',
			category: 'office_culture',
			staffId: person.id,
			description: 'Không đeo thẻ khi tiếp dân'
		});
		expect(list[0]!.photos).toHaveLength(1);
		expect(list[0]!.photoMeta[0]!.sha256).toMatch(/^[0-9a-f]{64}$/);
		// The checklist view links the item to its finding; the findings page lists it like any other.
		expect((await s.onsite.checklist(lead, fx.check.id)).findings['OC-BADGE']?.id).toBe(list[0]!.id);
		expect((await s.onsite.findings(lead, fx.check.id)).findings.map((f) => f.id)).toEqual([list[0]!.id]);

		expect(await s.onsite.complete(lead, fx.check.id, { signedOnPaper: true, grouping: 'per_finding' })).toEqual({ ok: true });
		const head = toActor(await makeUser('unit_head', { unitId: fx.unit.id }));
		const board = await s.actions.board(head, parseBoardFilter(new URLSearchParams()));
		expect(board.items).toHaveLength(1);
		expect(board.items[0]).toMatchObject({ unitId: fx.unit.id, findingIds: [list[0]!.id], status: 'open', category: 'office_culture' });
		// The record reports it as a finding and in the action's title, not a third time as an unrecorded checklist item.
		const { doc } = await s.onsite.record(lead, fx.check.id);
		expect(JSON.stringify(doc).match(/Không đeo thẻ khi tiếp dân/g)).toHaveLength(2);
	});

	test('needs a note; a bad photo or a person off the roster is refused beside the item, nothing saved', async () => {
		const { s, fx, lead } = await started();
		const mark = (note: string, ev: { staffId: string; files: File[] }) =>
			s.onsite.saveChecklist(lead, fx.check.id, { 'OC-SMOKING': { result: 'violation', note } }, { 'OC-SMOKING': ev });
		expect(await mark('', { staffId: '', files: [] })).toMatchObject({
			ok: false,
			status: 400,
			fields: { 'n.OC-SMOKING': 'onsite.error.checklist_note' }
		});
		expect(
			await mark('Gạt tàn trong phòng họp', {
				staffId: '',
				files: [photo(new TextEncoder().encode('không phải ảnh'), 'a.txt', 'text/plain')]
			})
		).toMatchObject({
			ok: false,
			status: 400,
			fields: { 'p.OC-SMOKING': 'onsite.error.not_image' },
			params: { name: 'a.txt' }
		});
		const stranger = (await makeCheck({ staff: 1 })).staff[0]!;
		expect(await mark('Gạt tàn trong phòng họp', { staffId: stranger.id, files: [] })).toMatchObject({
			ok: false,
			fields: { 's.OC-SMOKING': 'onsite.error.left_unit' }
		});
		expect(await findingsOf(fx.check.id)).toHaveLength(0);
		expect((await s.onsite.checklist(lead, fx.check.id)).check.checklist['OC-SMOKING']).toBeUndefined();
	});

	test('un-marking removes its finding; once an explanation was requested it is refused and the item stays', async () => {
		const { s, fx, lead } = await started();
		const set = (result: 'violation' | 'compliant' | 'not_checked', ev = {}) =>
			s.onsite.saveChecklist(lead, fx.check.id, { 'OC-DRESS': { result, note: 'Đi dép lê' } }, ev);
		expect(await set('violation')).toEqual({ ok: true });
		expect(await findingsOf(fx.check.id)).toHaveLength(1);
		expect(await set('compliant')).toEqual({ ok: true });
		expect(await findingsOf(fx.check.id)).toHaveLength(0);
		expect((await s.onsite.checklist(lead, fx.check.id)).check.checklist['OC-DRESS']?.result).toBe('compliant');

		// Marked again, with a person, and an explanation asked of them: now it cannot be dropped.
		expect(await set('violation', { 'OC-DRESS': { staffId: fx.staff[0]!.id, files: [] } })).toEqual({ ok: true });
		const [f] = await findingsOf(fx.check.id);
		expect(await s.onsite.requestExplanation(lead, f!.id)).toEqual({ ok: true });
		expect(await set('not_checked')).toMatchObject({
			ok: false,
			status: 409,
			fields: { 'r.OC-DRESS': 'onsite.error.checklist_explained' }
		});
		expect((await findingsOf(fx.check.id)).map((x) => x.id)).toEqual([f!.id]);
		expect((await s.onsite.checklist(lead, fx.check.id)).check.checklist['OC-DRESS']?.result).toBe('violation');
	});

	test('"Tất cả đạt" marks only the items not marked yet', async () => {
		const { s, fx, lead } = await started();
		expect(await s.onsite.saveChecklist(lead, fx.check.id, { 'OC-BADGE': { result: 'violation', note: 'Không đeo thẻ' } })).toEqual({
			ok: true
		});
		const view = await s.onsite.checklist(lead, fx.check.id);
		// The form sends every item; unmarked ones as "not_checked".
		const form = Object.fromEntries(
			view.items.map((i) => [
				i.code,
				view.check.checklist[i.code] ?? { result: 'not_checked' as const, note: i.code === 'OC-DRESS' ? 'ghi chú' : '' }
			])
		);
		expect(await s.onsite.saveChecklist(lead, fx.check.id, form, {}, { allPassed: true })).toEqual({ ok: true });
		const after = (await s.onsite.checklist(lead, fx.check.id)).check.checklist;
		expect(after['OC-BADGE']?.result).toBe('violation');
		expect(after['OC-DRESS']).toEqual({ result: 'compliant', note: 'ghi chú' });
		expect(view.items.every((i) => after[i.code]?.result === (i.code === 'OC-BADGE' ? 'violation' : 'compliant'))).toBe(true);
		expect(await findingsOf(fx.check.id)).toHaveLength(1);
	});
});
