/**
 * Issue #16 §3–§4 on a real PocketBase, through the services as the routes call them: plan tasks
 * (progress counted apart from checks, bad input by field, stale writes, who may) and the dossiers
 * sampled on site (entry, edits, import all or nothing, the automatic findings created once, withdrawn
 * when the rule no longer holds, in the record and as corrective actions at completion).
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { makeUnit, makeUser, manualClock, superPb, testServices } from '../support/services';
import { makeCheck, removeSeededCatalogue } from '../support/onsite';
import { toActor, type User } from '../../src/lib/domain/user';
import { findingsRepo } from '../../src/lib/server/repos/findings';
import { parseBoardFilter } from '../../src/lib/domain/schemas/actions';
import type { DossierFacts } from '../../src/lib/domain/dossier-rules';

afterAll(removeSeededCatalogue, 60_000);
const clock = manualClock(new Date('2026-03-02T02:00:00Z')); // check day 02/03/2026 (Monday)
const NO_LOC = { lat: null, lon: null, accuracy: null };
const a = (u: User) => toActor(u);

describe('plan tasks', () => {
	let s: Awaited<ReturnType<typeof testServices>>;
	let inspector: User;
	let unitId: string;
	let planId: string;
	beforeAll(async () => {
		s = await testServices(clock);
		inspector = await makeUser('inspector');
		unitId = (await makeUnit('Văn phòng Sở')).id;
		const r = await s.plans.create(a(inspector), {
			title: 'Kế hoạch kiểm tra công vụ năm 2026',
			periodKind: 'year',
			year: 2026,
			quarter: 0,
			reference: '',
			legalBasis: '',
			scope: '',
			reason: ''
		});
		if (!r.ok) throw new Error(r.code);
		planId = r.value;
	});
	const task = (title: string, due_on = '2026-06-30') => ({ title, unit: unitId, due_on, status: 'not_started' as const, done_on: '' });

	test('tasks count apart from checks: 2 of 3 done is "2/3, đạt 66,7%"; completion keeps the day', async () => {
		const ids: string[] = [];
		for (const t of ['Ban hành kế hoạch', 'Tổ chức tập huấn', 'Báo cáo quý I']) {
			const r = await s.plans.addTask(a(inspector), planId, task(t));
			if (!r.ok) throw new Error(r.code);
			ids.push(r.value);
		}
		for (const id of ids.slice(0, 2))
			expect(await s.plans.completeTask(a(inspector), planId, id, 0)).toEqual({ ok: true, value: undefined });
		const d = (await s.plans.detail(a(inspector), planId))!;
		expect(d.taskProgress.tasks.label).toBe('2/3, đạt 66,7%');
		expect(d.taskProgress.checks.label).toBe('0/0, đạt -');
		expect(d.tasks.filter((t) => t.status === 'done').map((t) => t.doneOn)).toEqual(['2026-03-02', '2026-03-02']);
		// Completing from a version someone else already moved on is stale, and writes nothing.
		expect(await s.plans.editTask(a(inspector), planId, ids[0]!, 0, task('Sửa muộn'))).toMatchObject({
			ok: false,
			status: 409,
			code: 'errors.stale'
		});
		expect((await s.plans.detail(a(inspector), planId))!.tasks.find((t) => t.id === ids[0])!.title).toBe('Ban hành kế hoạch');
	});

	test("a due date outside the plan's year and an inactive unit are refused beside their fields", async () => {
		const pb = await superPb();
		const closed = await pb
			.collection('units')
			.create({ code: `X.${Date.now()}`, name: 'Đơn vị đã giải thể', kind: 'ward', active: false });
		const r = await s.plans.addTask(a(inspector), planId, { ...task('Báo cáo năm', '2027-01-15'), unit: closed.id });
		expect(r).toMatchObject({
			ok: false,
			status: 400,
			fields: { due_on: 'plan_task.error.due_outside_year', unit: 'plan_task.error.unit_unknown' }
		});
		expect((await s.plans.detail(a(inspector), planId))!.tasks.some((t) => t.title === 'Báo cáo năm')).toBe(false);
	});

	test('an admin or a unit head may not touch tasks', async () => {
		const admin = await makeUser('admin');
		const head = await makeUser('unit_head', { unitId });
		await expect(s.plans.addTask(a(admin), planId, task('Không được'))).rejects.toMatchObject({ status: 403 });
		await expect(s.plans.addTask(a(head), planId, task('Không được'))).rejects.toMatchObject({ status: 403 });
	});
});

const dossier = (over: Partial<DossierFacts> = {}): DossierFacts => ({
	code: 'MH-2602-00001',
	procedure: 'Chứng thực bản sao từ bản chính',
	field: 'certification',
	receivedOn: '2026-02-09',
	dueOn: '2026-02-11',
	returnedOn: '2026-02-12',
	softwareStatus: 'returned',
	paperStatus: 'returned',
	apologyIssued: false,
	apologyOn: '',
	resetCount: 0,
	...over
});

async function started() {
	const s = await testServices(clock);
	const fx = await makeCheck({ staff: 2 });
	const lead = toActor(fx.lead);
	expect(await s.onsite.start(lead, fx.check.id, NO_LOC)).toEqual({ ok: true });
	return { s, fx, lead };
}
const autoFindings = async (checkId: string) => (await findingsRepo(await superPb()).list(checkId)).filter((f) => f.source === 'dossier');
const csv = (rows: string[]) => ({
	name: 'mot-cua.csv',
	bytes: new TextEncoder().encode(
		[
			'Số hồ sơ,Tên thủ tục,Lĩnh vực,Ngày tiếp nhận,Ngày hẹn trả,Ngày trả kết quả,Trạng thái trên phần mềm,Phiếu xin lỗi,Ngày Phiếu xin lỗi',
			...rows
		].join('\n')
	)
});

describe('dossiers sampled on site', () => {
	test('an overdue dossier without an apology slip gives its two findings once; fixing it withdraws them', async () => {
		const { s, fx, lead } = await started();
		const saved = await s.onsite.saveDossier(lead, fx.check.id, dossier());
		if (!saved.ok) throw new Error(saved.code);
		let list = await autoFindings(fx.check.id);
		expect(list.map((f) => f.typeCode).sort()).toEqual(['TTHC-OVERDUE', 'TTHC-OVERDUE-NO-APOLOGY']);
		expect(list.every((f) => f.description.startsWith('Hồ sơ số MH-2602-00001') && !f.superseded)).toBe(true);
		// Saving it again (same facts) does not double anything.
		const [row] = (await s.onsite.dossiers(lead, fx.check.id)).dossiers;
		expect((await s.onsite.saveDossier(lead, fx.check.id, dossier(), { dossierId: row!.id, version: row!.version })).ok).toBe(true);
		expect(await autoFindings(fx.check.id)).toHaveLength(2);
		expect((await s.onsite.dossiers(lead, fx.check.id)).counts).toEqual({ sampled: 1, overdue: 1, no_apology: 1 });
		expect((await s.onsite.checklist(lead, fx.check.id)).check.procedures).toMatchObject({ sampled: 1, overdue: 1, no_apology: 1 });
		// Returned on time after all: both findings are withdrawn (kept, superseded), none counted.
		const again = (await s.onsite.dossiers(lead, fx.check.id)).dossiers[0]!;
		expect(
			(
				await s.onsite.saveDossier(lead, fx.check.id, dossier({ returnedOn: '2026-02-11' }), {
					dossierId: again.id,
					version: again.version
				})
			).ok
		).toBe(true);
		list = await autoFindings(fx.check.id);
		expect(list).toHaveLength(2);
		expect(list.every((f) => f.superseded)).toBe(true);
		expect((await s.onsite.dossiers(lead, fx.check.id)).findings).toEqual([]);
		// An edit from a version already moved on is stale.
		expect(await s.onsite.saveDossier(lead, fx.check.id, dossier(), { dossierId: again.id, version: again.version })).toMatchObject({
			status: 409,
			code: 'errors.stale'
		});
	});

	test('bad input names the field: dates out of order, a code twice; nothing stored', async () => {
		const { s, fx, lead } = await started();
		expect(await s.onsite.saveDossier(lead, fx.check.id, dossier({ dueOn: '2026-02-01' }))).toMatchObject({
			status: 400,
			fields: { due_on: 'dossier.error.due_before_received' }
		});
		expect(await s.onsite.saveDossier(lead, fx.check.id, dossier({ returnedOn: '2026-02-01' }))).toMatchObject({
			status: 400,
			fields: { returned_on: 'dossier.error.returned_before_received' }
		});
		expect((await s.onsite.saveDossier(lead, fx.check.id, dossier({ returnedOn: '2026-02-10' }))).ok).toBe(true);
		expect(await s.onsite.saveDossier(lead, fx.check.id, dossier())).toMatchObject({
			status: 400,
			fields: { code: 'dossier.error.duplicate_code' },
			params: { code: 'MH-2602-00001' }
		});
		expect((await s.onsite.dossiers(lead, fx.check.id)).dossiers).toHaveLength(1);
	});

	test('an import with one bad row stores nothing; a good one stores all, each finding once, in the record and as actions', async () => {
		const { s, fx, lead } = await started();
		const bad = await s.onsite.importDossiers(
			lead,
			fx.check.id,
			csv([
				'HS-01,Đăng ký khai sinh,Hộ tịch,02/02/2026,04/02/2026,04/02/2026,Đã trả kết quả,Không,',
				'HS-02,Đăng ký khai tử,Thiên văn,02/02/2026,04/02/2026,,Đang giải quyết,Không,'
			])
		);
		expect(bad).toMatchObject({
			ok: true,
			value: { count: 0, errors: [{ row: 3, column: 'Lĩnh vực', code: 'dossier.error.field_unknown' }] }
		});
		expect((await s.onsite.dossiers(lead, fx.check.id)).dossiers).toHaveLength(0);

		const good = csv([
			'HS-01,Đăng ký khai sinh,Hộ tịch,02/02/2026,04/02/2026,04/02/2026,Đã trả kết quả,Không,',
			'HS-02,Đăng ký khai tử,Hộ tịch,02/02/2026,04/02/2026,,Đang giải quyết,Không,', // pending past due → 2 findings
			'HS-03,Chứng thực chữ ký,Chứng thực,02/02/2026,04/02/2026,05/02/2026,Đã trả kết quả,Có,03/02/2026' // overdue, slip in time
		]);
		expect(await s.onsite.importDossiers(lead, fx.check.id, good)).toMatchObject({ ok: true, value: { count: 3, errors: [] } });
		const view = await s.onsite.dossiers(lead, fx.check.id);
		expect(view.dossiers.map((d) => d.code)).toEqual(['HS-01', 'HS-02', 'HS-03']);
		expect(view.findings.map((f) => `${f.typeCode} ${f.description.slice(0, 15)}`).sort()).toEqual([
			'TTHC-OVERDUE Hồ sơ số HS-02 ',
			'TTHC-OVERDUE Hồ sơ số HS-03 ',
			'TTHC-OVERDUE-NO-APOLOGY Hồ sơ số HS-02 '
		]);
		// The same file again: every code is already there, nothing stored, nothing doubled.
		const twice = await s.onsite.importDossiers(lead, fx.check.id, good);
		expect(twice).toMatchObject({ ok: true, value: { count: 0 } });
		if (twice.ok) expect(twice.value.errors.map((e) => e.code)).toEqual(Array(3).fill('dossier.error.duplicate_code'));
		expect(await autoFindings(fx.check.id)).toHaveLength(3);

		expect(await s.onsite.complete(lead, fx.check.id, { signedOnPaper: true, grouping: 'per_finding' })).toEqual({ ok: true });
		const { doc } = await s.onsite.record(lead, fx.check.id);
		const text = JSON.stringify(doc);
		expect(text).toContain('Hồ sơ số HS-02');
		expect(text).toContain('Hồ sơ số HS-03');
		const head = toActor(await makeUser('unit_head', { unitId: fx.unit.id }));
		const board = await s.actions.board(head, parseBoardFilter(new URLSearchParams()));
		expect(board.items.filter((i) => i.category === 'procedures')).toHaveLength(3);
		// Completed: the dossiers are read-only.
		expect(await s.onsite.saveDossier(lead, fx.check.id, dossier({ code: 'HS-99' }))).toMatchObject({ ok: false, status: 409 });
	});

	test('only the team records dossiers; others on the check may read them', async () => {
		const { s, fx } = await started();
		const outsider = toActor(await makeUser('inspector'));
		await expect(s.onsite.saveDossier(outsider, fx.check.id, dossier())).rejects.toMatchObject({ status: 403 });
		expect((await s.onsite.saveDossier(toActor(fx.member), fx.check.id, dossier())).ok).toBe(true);
		expect((await s.onsite.dossiers(outsider, fx.check.id)).dossiers).toHaveLength(1);
	});
});
