// The admin's document settings (issue #17 point 4) on a real PocketBase: the defaults until a save,
// a save every reader sees (the cache is dropped on write, across service instances after a reload),
// the form's messages beside each field with the typed text kept, a save from a stale page refused,
// and nobody but an admin reading or writing them. The tests of this file run in order on one row,
// removed at the end: the other files share this PocketBase and print the defaults.
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, test } from 'vitest';
import { makeUser, superPb, testServices } from '../support/services';
import { makeAdmin } from '../support/org';
import { failure, parseForm } from '../../src/lib/server/forms';
import { documentSettingsSchema } from '../../src/lib/domain/schemas/document-settings';
import { DEFAULT_DOCUMENT_SETTINGS, type DocumentSettings } from '../../src/lib/domain/official-document';
import { toActor } from '../../src/lib/domain/user';
import type { ReportData } from '../../src/lib/domain/report';
import { emptyCounts } from '../../src/lib/domain/tthc';

afterAll(async () => {
	const pb = await superPb();
	for (const r of await pb.collection('document_settings').getFullList()) await pb.collection('document_settings').delete(r.id);
});

const form = (fields: Record<string, string>) => {
	const f = new FormData();
	for (const [k, v] of Object.entries(fields)) f.append(k, v);
	return f;
};

const typed = {
	parent_body: 'UBND tỉnh Cửu An',
	issuing_body: '  Sở   Nội vụ ',
	issuing_abbr: 'SNV',
	place: 'Cửu An',
	record_prefix: 'BB',
	report_prefix: 'BC',
	report_signer_authority: 'KT. GIÁM ĐỐC',
	report_signer_title: 'PHÓ GIÁM ĐỐC',
	version: '0'
};

const saved: DocumentSettings = {
	parentBody: 'UBND tỉnh Cửu An',
	issuingBody: 'Sở Nội vụ',
	issuingAbbr: 'SNV',
	place: 'Cửu An',
	recordPrefix: 'BB',
	reportPrefix: 'BC',
	reportSignerAuthority: 'KT. GIÁM ĐỐC',
	reportSignerTitle: 'PHÓ GIÁM ĐỐC'
};

const emptyReport: ReportData = {
	periodKey: 'report.period.year',
	periodParams: { year: 2025 },
	fromDay: '2025-01-01',
	toDay: '2025-12-31',
	checks: { scheduled: 0, scheduledDone: 0, surprise: 0, surpriseDone: 0, done: 0, unitsChecked: 0, unitsWithFindings: 0 },
	planRatio: '0/0 (-)',
	findingsTotal: 0,
	previousFindingsTotal: 0,
	byCategory: [],
	table01: [],
	table03: [],
	table05: [],
	table02: [],
	table02Total: {
		unitName: '',
		date: '',
		total: 0,
		present: 0,
		excused: 0,
		late: 0,
		leftEarly: 0,
		unexcused: 0,
		away: 0,
		presentRate: '-',
		onTimeRate: '-'
	},
	table04: [],
	table04Total: { unitName: '', sampled: 0, onTime: 0, overdue: 0, withApology: 0, withoutApology: 0, resetMany: 0, rate: '-' },
	tthc: { counts: emptyCounts(), units: 0, byKind: {}, text: '' },
	table06: [],
	actions: { on_time: 0, late: 0, open: 0, overdue: 0, total: 0, rate: '-' },
	topUnits: [],
	remarks: []
};

describe('document settings', () => {
	test('before any save: the defaults, at version 0', async () => {
		const s = await testServices();
		const admin = await makeAdmin();
		expect(await s.documentSettings.get()).toEqual(DEFAULT_DOCUMENT_SETTINGS);
		expect(await s.documentSettings.view(admin)).toEqual({ settings: DEFAULT_DOCUMENT_SETTINGS, version: 0, updated: null });
	});

	test('an admin saves: the text is trimmed and NFC; every reader sees it, the workbook prints it', async () => {
		const s = await testServices();
		const admin = await makeAdmin();
		// A decomposed "ộ" (o + combining dot below + circumflex) as some keyboards type it.
		const input = parseForm(documentSettingsSchema, form({ ...typed, issuing_body: '  Sở   No\u0323\u0302i vụ ' }));
		if (!input.ok) throw new Error(JSON.stringify(input));
		expect(input.value.settings).toEqual(saved);
		// The cache of this instance was filled with the defaults before the save.
		expect((await s.documentSettings.get()).issuingBody).toBe(DEFAULT_DOCUMENT_SETTINGS.issuingBody);
		expect(await s.documentSettings.save(admin, input.value.settings, input.value.version)).toEqual({ ok: true, value: undefined });
		expect(await s.documentSettings.get()).toEqual(saved);
		const other = await testServices();
		const view = await other.documentSettings.view(admin);
		expect(view).toMatchObject({ settings: saved, version: 1 });
		expect(view.updated).not.toBeNull();
		const pb = await superPb();
		const rows = await pb.collection('document_settings').getFullList();
		expect(rows).toHaveLength(1);
		expect(rows[0]!.issuing_body).toBe('Sở Nội vụ');
		expect(rows[0]!.issuing_body.normalize('NFC')).toBe(rows[0]!.issuing_body);

		const wb = new ExcelJS.Workbook();
		await wb.xlsx.load((await other.reports.xlsx(emptyReport, 'vi')) as never);
		const ws = wb.getWorksheet('Biểu 01')!;
		expect([ws.getCell('A1').value, ws.getCell('A2').value, ws.getCell('A3').value]).toEqual([
			'UBND TỈNH CỬU AN',
			'SỞ NỘI VỤ',
			'Số:       /BC-SNV'
		]);
	});

	test('a save from a page read before someone else saved is refused, and changes nothing', async () => {
		const s = await testServices();
		const admin = await makeAdmin();
		const first = await s.documentSettings.view(admin);
		expect(await s.documentSettings.save(admin, { ...first.settings, place: 'Mỹ Hưng' }, first.version)).toMatchObject({ ok: true });
		// The second admin still has the page of version `first.version` open.
		expect(await s.documentSettings.save(admin, { ...first.settings, place: 'Vĩnh Hòa' }, first.version)).toEqual({
			ok: false,
			status: 409,
			code: 'docsettings.error.stale'
		});
		// A page from before the very first save (version 0) is stale too.
		expect(await s.documentSettings.save(admin, first.settings, 0)).toMatchObject({ ok: false, status: 409 });
		const after = await (await testServices()).documentSettings.view(admin);
		expect(after).toMatchObject({ settings: { place: 'Mỹ Hưng' }, version: first.version + 1 });
	});

	test('two saves of the same version at once: exactly one is written', async () => {
		const s = await testServices();
		const admin = await makeAdmin();
		const v = await s.documentSettings.view(admin);
		const answers = await Promise.all(
			['Cửu An', 'Mỹ Hưng', 'Vĩnh Hòa'].map((place) => s.documentSettings.save(admin, { ...v.settings, place }, v.version))
		);
		expect(answers.filter((a) => a.ok)).toHaveLength(1);
		expect(answers.filter((a) => !a.ok && a.status === 409)).toHaveLength(2);
		expect((await s.documentSettings.view(admin)).version).toBe(v.version + 1);
	});

	test('bad input: a Vietnamese message beside each field, the typed text kept', () => {
		const f = form({
			...typed,
			issuing_body: '   ',
			place: '',
			issuing_abbr: 'S NV',
			record_prefix: 'BB/',
			report_signer_title: 'x'.repeat(101),
			parent_body: ''
		});
		const r = parseForm(documentSettingsSchema, f);
		expect(r.ok).toBe(false);
		if (r.ok) return;
		const out = failure('vi', r, f);
		expect(out.errors).toEqual({
			issuing_body: 'Vui lòng nhập tên cơ quan ban hành.',
			place: 'Vui lòng nhập địa danh.',
			issuing_abbr: 'Chỉ dùng chữ cái, chữ số và dấu gạch ngang, không có khoảng trắng hay dấu "/".',
			record_prefix: 'Chỉ dùng chữ cái, chữ số và dấu gạch ngang, không có khoảng trắng hay dấu "/".',
			report_signer_title: 'Nội dung quá dài (tối đa 100 ký tự).'
		});
		expect(out.values).toMatchObject({ issuing_abbr: 'S NV', record_prefix: 'BB/', report_prefix: 'BC' });
		expect(out.message).toBeUndefined();
	});

	test('only an admin reads or saves them', async () => {
		const s = await testServices();
		const admin = await makeAdmin();
		const before = await s.documentSettings.view(admin);
		for (const role of ['leader', 'inspector', 'unit_head'] as const) {
			const user = toActor(await makeUser(role));
			await expect(s.documentSettings.view(user)).rejects.toMatchObject({ status: 403 });
			await expect(s.documentSettings.save(user, { ...saved, place: 'Bị từ chối' }, before.version)).rejects.toMatchObject({ status: 403 });
		}
		// Nothing changed by the refused attempts.
		expect(await (await testServices()).documentSettings.view(admin)).toEqual(before);
	});
});
