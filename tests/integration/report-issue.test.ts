// The periodic report's drafts and issuing (issue #17 §2) on a real PocketBase: a draft saved, read back
// after a reload and a stale save refused; two issues at once never share a number; numbers restart
// each year and are never given again (the record is frozen, even for a superuser); an issued report's
// stored file is the bytes rendered when it was issued, whatever happened to the data since and a week
// later (clock moved); who may draft, issue and download. Each test works in its own year, so numbers
// and drafts never mix with another test's.
import { describe, expect, test } from 'vitest';
import { isHttpError } from '@sveltejs/kit';
import { createHash } from 'node:crypto';
import { createServices, ISSUE_FORMATS, renderIssued } from '../../src/lib/server/app';
import { reportIssueService, type RenderReport } from '../../src/lib/server/services/report-issue';
import { DEFAULT_DOCUMENT_SETTINGS, EMPTY_REPORT_PROSE } from '../../src/lib/domain/official-document';
import { toActor } from '../../src/lib/domain/user';
import { manualClock, makeUser, superPb, valueOf } from '../support/services';
import { check, finding, unit, violationTypes } from '../support/dashboard';

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

async function expectHttp(p: Promise<unknown>, status: number) {
	try {
		await p;
	} catch (e) {
		expect(isHttpError(e) ? e.status : e).toBe(status);
		return;
	}
	throw new Error(`expected HTTP ${status}`);
}

/** A unit subtree with one completed check and finding in quarter I of `year`; the clock in quarter II. */
async function world(year: number) {
	const pb = await superPb();
	const root = await unit(`Tỉnh ${year}`);
	const a = await unit(`Phường A ${year}`, root.id);
	const T = await violationTypes();
	const c = await check(a.id, 'scheduled', 'completed', `${year}-02-10T01:00:00Z`);
	await finding({ inspection: c.id, unit: a.id, type: T.attendance!, category: 'attendance', at: `${year}-02-10T01:30:00Z` });
	const clock = manualClock(new Date(`${year}-04-02T03:00:00Z`));
	const leader = toActor(await makeUser('leader', { name: `Lãnh đạo ${year}` }));
	const leader2 = toActor(await makeUser('leader', { name: `Phó lãnh đạo ${year}` }));
	const admin = toActor(await makeUser('admin'));
	const inspector = toActor(await makeUser('inspector'));
	const head = toActor(await makeUser('unit_head', { unitId: a.id }));
	const q = () => new URLSearchParams({ period: 'quarter', year: String(year), quarter: '1', unit: root.id });
	const s = createServices(pb, clock, { mail: null });
	return { pb, root, a, T, check: c, clock, leader, leader2, admin, inspector, head, q, s };
}

const issueInput = { signerName: 'Nguyễn Văn Trưởng', recipients: ['UBND tỉnh', 'Bộ Nội vụ'] };

describe('report drafts', () => {
	test('a draft is saved, read back after a reload, and a save over a newer one is refused as stale', async () => {
		const w = await world(2041);
		const period = { kind: 'quarter' as const, key: '2041-Q1' };
		const empty = await w.s.reportIssue.draft(w.leader, period);
		expect(empty.version).toBe(0);
		expect(empty.prose).toEqual(EMPTY_REPORT_PROSE);

		const mine = { ...EMPTY_REPORT_PROSE, strengths: 'Các đơn vị chấp hành tốt giờ giấc.', causes: 'Ý thức còn hạn chế.' };
		const saved = await valueOf(w.s.reportIssue.saveDraft(w.leader, w.q(), mine, 0));
		expect(saved.version).toBe(1);

		// A reload: new services on the same data, another leader reading.
		const again = createServices(w.pb, w.clock, { mail: null });
		const read = await again.reportIssue.draft(w.leader2, period);
		expect(read.prose).toEqual(mine);
		expect(read.version).toBe(1);
		expect(read.updatedByName).toBe('Lãnh đạo 2041');

		// The second leader saves on top; the first, still at version 1 in an old page, is refused.
		const theirs = { ...mine, weaknesses: 'Còn cán bộ đi muộn.' };
		await valueOf(again.reportIssue.saveDraft(w.leader2, w.q(), theirs, 1));
		const refused = await w.s.reportIssue.saveDraft(w.leader, w.q(), { ...mine, nextSteps: 'Mất nếu ghi đè' }, 1);
		expect(refused).toMatchObject({ ok: false, status: 409, code: 'report.draft.error.stale' });
		expect((await w.s.reportIssue.draft(w.leader, period)).prose).toEqual(theirs);

		// Two saves at once from the same version: exactly one is written.
		const both = await Promise.all([
			w.s.reportIssue.saveDraft(w.leader, w.q(), { ...theirs, direction: 'Một' }, 2),
			again.reportIssue.saveDraft(w.leader2, w.q(), { ...theirs, direction: 'Hai' }, 2)
		]);
		expect(both.filter((r) => r.ok)).toHaveLength(1);
		expect(both.filter((r) => !r.ok && r.code === 'report.draft.error.stale')).toHaveLength(1);
		expect((await w.s.reportIssue.draft(w.leader, period)).version).toBe(3);

		// Drafts are per period: the year's draft is another one.
		expect((await w.s.reportIssue.draft(w.leader, { kind: 'year', key: '2041' })).version).toBe(0);
	});

	test('two first saves of a period at once: one is written, the other refused as stale', async () => {
		const w = await world(2046);
		const r = await Promise.all([
			w.s.reportIssue.saveDraft(w.leader, w.q(), { ...EMPTY_REPORT_PROSE, direction: 'A' }, 0),
			w.s.reportIssue.saveDraft(w.leader2, w.q(), { ...EMPTY_REPORT_PROSE, direction: 'B' }, 0)
		]);
		expect(r.filter((x) => x.ok)).toHaveLength(1);
		expect(r.filter((x) => !x.ok && x.code === 'report.draft.error.stale')).toHaveLength(1);
	});

	test('only a leader writes the draft; admins read it; others neither', async () => {
		const w = await world(2047);
		const period = { kind: 'quarter' as const, key: '2047-Q1' };
		await expectHttp(w.s.reportIssue.saveDraft(w.admin, w.q(), EMPTY_REPORT_PROSE, 0), 403);
		await expectHttp(w.s.reportIssue.saveDraft(w.inspector, w.q(), EMPTY_REPORT_PROSE, 0), 403);
		await expectHttp(w.s.reportIssue.saveDraft(w.head, w.q(), EMPTY_REPORT_PROSE, 0), 403);
		expect((await w.s.reportIssue.draft(w.admin, period)).version).toBe(0);
		await expectHttp(w.s.reportIssue.draft(w.inspector, period), 403);
		await expectHttp(w.s.reportIssue.draft(w.head, period), 403);
	});
});

describe('issuing a report', () => {
	test('two issues at once get two different numbers (or one refusal), never the same', async () => {
		const w = await world(2042);
		const other = createServices(w.pb, w.clock, { mail: null });
		const r = await Promise.all([
			w.s.reportIssue.issue(w.leader, w.q(), issueInput, 'vi'),
			other.reportIssue.issue(w.leader2, w.q(), issueInput, 'vi'),
			w.s.reportIssue.issue(w.leader, w.q(), issueInput, 'vi')
		]);
		const numbers = r.flatMap((x) => (x.ok ? [x.value.number] : []));
		for (const x of r) if (!x.ok) expect(x).toMatchObject({ status: 409, code: 'report.issue.error.busy' });
		expect(numbers.length).toBeGreaterThanOrEqual(1);
		expect(new Set(numbers).size).toBe(numbers.length);
		const stored = (await w.s.reportIssue.list(w.leader)).filter((x) => x.year === 2042).map((x) => x.number);
		expect(new Set(stored).size).toBe(stored.length);
		expect(stored.sort()).toEqual([...numbers].sort());
		// Gap-free: the numbers given are 1…n.
		expect([...numbers].sort((x, y) => x - y)).toEqual(numbers.map((_, i) => i + 1));
	});

	test('a report query with unknown fields and long Vietnamese text is stored as its filter alone (fuzz, docs/fuzzing.md item 7)', async () => {
		const w = await world(2049);
		// The fuzz's payload: the filter plus unknown fields whose percent-encoded text ran past the
		// stored query's 2,000 characters, so storing the issued report failed with a 500.
		const q = w.q();
		q.set('ghi_chú', 'Ủy ban nhân dân phường '.repeat(40));
		q.append('year', '1999');
		q.set('x', '\u0000'.repeat(50));
		const r = await valueOf(w.s.reportIssue.issue(w.leader, q, issueInput, 'vi'));
		const stored = await w.pb.collection('issued_reports').getOne(r.id);
		expect(Object.fromEntries(new URLSearchParams(String(stored.query)))).toEqual(Object.fromEntries(w.q()));
		expect(r.period).toEqual({ kind: 'quarter', key: '2049-Q1' });
	});

	test('numbers restart each year and are never given again; an issued report cannot be changed or removed', async () => {
		const w = await world(2043);
		const first = await valueOf(w.s.reportIssue.issue(w.leader, w.q(), issueInput, 'vi'));
		expect(first).toMatchObject({ year: 2043, number: 1, day: '2043-04-02', numberLabel: '1/BC-ĐKTCV' });
		w.clock.set(new Date('2044-01-05T03:00:00Z'));
		const nextYear = await valueOf(w.s.reportIssue.issue(w.leader, w.q(), issueInput, 'vi'));
		expect(nextYear).toMatchObject({ year: 2044, number: 1, day: '2044-01-05' });
		w.clock.set(new Date('2043-12-30T03:00:00Z'));
		const second = await valueOf(w.s.reportIssue.issue(w.leader, w.q(), issueInput, 'vi'));
		expect(second).toMatchObject({ year: 2043, number: 2 });

		// Not even a superuser can take a number again, change an issued report or remove it.
		const col = w.pb.collection('issued_reports');
		const base = { year: 2043, day: '2043-12-30', period_kind: 'quarter', period_key: '2043-Q1', signer_name: 'X' };
		await expect(col.create({ ...base, number: 1 })).rejects.toMatchObject({ status: 409 });
		await expect(col.create({ ...base, number: 5 })).rejects.toMatchObject({ status: 409 }); // no skipping ahead
		await expect(col.update(first.id, { signer_name: 'Người khác' })).rejects.toBeTruthy();
		await expect(col.delete(first.id)).rejects.toBeTruthy();
		expect((await col.getOne(first.id)).signer_name).toBe(issueInput.signerName);
		const third = await valueOf(w.s.reportIssue.issue(w.leader, w.q(), issueInput, 'vi'));
		expect(third.number).toBe(3);
	});

	test('the stored file is the bytes rendered at issue, after the data changed and a week later', async () => {
		const w = await world(2045);
		await valueOf(w.s.reportIssue.saveDraft(w.leader, w.q(), { ...EMPTY_REPORT_PROSE, strengths: 'Ưu điểm đã viết' }, 0));
		const rendered: Uint8Array[] = [];
		const capture: RenderReport = async (f, r, o) => {
			const b = await renderIssued(f, r, o);
			rendered.push(b);
			return b;
		};
		const svc = reportIssueService(w.pb, {
			clock: w.clock,
			report: w.s.reports.report,
			render: capture,
			formats: ISSUE_FORMATS,
			settings: async () => DEFAULT_DOCUMENT_SETTINGS
		});
		const before = await valueOf(w.s.reports.report(w.leader, w.q()));
		const issued = await valueOf(svc.issue(w.leader, w.q(), issueInput, 'vi'));
		expect(rendered).toHaveLength(ISSUE_FORMATS.length);
		const atIssue = rendered[0]!;
		expect(issued.hashes.pdf).toBe(sha(atIssue));
		expect(issued.prose.strengths).toBe('Ưu điểm đã viết');
		expect(issued.recipients).toEqual(issueInput.recipients);
		expect(issued.report).toEqual(before.report);

		// The data changes: a finding after issuing, and the draft is rewritten.
		await finding({
			inspection: w.check.id,
			unit: w.a.id,
			type: w.T.office_culture!,
			category: 'office_culture',
			at: '2045-02-10T02:00:00Z'
		});
		await valueOf(w.s.reportIssue.saveDraft(w.leader, w.q(), { ...EMPTY_REPORT_PROSE, strengths: 'Viết lại' }, 1));
		const now = await valueOf(w.s.reports.report(w.leader, w.q()));
		expect(now.report.findingsTotal).toBe(before.report.findingsTotal + 1);

		// A week later, from a fresh process.
		w.clock.advance(7 * 24 * 3600_000);
		const later = createServices(w.pb, w.clock, { mail: null });
		const f = await valueOf(later.reportIssue.file(w.leader, issued.id, 'pdf'));
		expect(Buffer.from(f.bytes).equals(Buffer.from(atIssue))).toBe(true);
		expect(f.sha256).toBe(sha(f.bytes));
		expect(f.sha256).toBe(issued.hashes.pdf);
		expect(f.type).toBe('application/pdf');
		const kept = (await later.reportIssue.list(w.leader)).find((x) => x.id === issued.id)!;
		expect(kept).toMatchObject({ number: issued.number, day: '2045-04-02', signerName: issueInput.signerName });
		// What a new rendering would give today differs: the stored file is not one.
		const today = await renderIssued('pdf', now.report, {
			locale: 'vi',
			prose: EMPTY_REPORT_PROSE,
			issue: { number: issued.number, day: '2045-04-09', ...issueInput },
			settings: DEFAULT_DOCUMENT_SETTINGS
		});
		expect(sha(today)).not.toBe(issued.hashes.pdf);
	});

	test('only a leader issues; leaders and admins list and download; others do not; bad ids are not found', async () => {
		const w = await world(2048);
		await expectHttp(w.s.reportIssue.issue(w.admin, w.q(), issueInput, 'vi'), 403);
		await expectHttp(w.s.reportIssue.issue(w.inspector, w.q(), issueInput, 'vi'), 403);
		await expectHttp(w.s.reportIssue.issue(w.head, w.q(), issueInput, 'vi'), 403);
		const issued = await valueOf(w.s.reportIssue.issue(w.leader, w.q(), issueInput, 'vi'));
		expect((await valueOf(w.s.reportIssue.file(w.admin, issued.id, 'pdf'))).sha256).toBe(issued.hashes.pdf);
		expect((await w.s.reportIssue.list(w.admin)).some((x) => x.id === issued.id)).toBe(true);
		await expectHttp(w.s.reportIssue.file(w.inspector, issued.id, 'pdf'), 403);
		await expectHttp(w.s.reportIssue.file(w.head, issued.id, 'pdf'), 403);
		await expectHttp(w.s.reportIssue.list(w.inspector), 403);
		expect(await w.s.reportIssue.file(w.leader, 'zzzzzzzzzzzzzzz', 'pdf')).toMatchObject({ ok: false, status: 404 });
		// The Word copy is frozen beside the PDF (the document layer renders both at issue).
		const docx = await valueOf(w.s.reportIssue.file(w.leader, issued.id, 'docx'));
		expect(docx.sha256).toBe(issued.hashes.docx);
		expect(Buffer.from(docx.bytes.subarray(0, 2)).toString('latin1')).toBe('PK');
		expect(docx.name).toMatch(/\.docx$/);
		// A month's filter is not a report period: refused, nothing issued.
		const month = new URLSearchParams({ period: 'month', year: '2048', month: '2', unit: w.root.id });
		expect(await w.s.reportIssue.issue(w.leader, month, issueInput, 'vi')).toMatchObject({ ok: false, status: 400 });
		expect((await w.s.reportIssue.list(w.leader)).filter((x) => x.year === 2048)).toHaveLength(1);
	});
});
