import { describe, expect, test } from 'vitest';
import { recordInput, recordPlace, type RecordSource } from '../../src/lib/domain/record-input';
import type { Finding } from '../../src/lib/domain/finding';
import { buildRecord, recordText } from '../../src/lib/domain/record';
import { DEFAULT_DOCUMENT_SETTINGS } from '../../src/lib/domain/official-document';

const finding = (over: Partial<Finding>): Finding => ({
	id: 'f1',
	inspectionId: 'c1',
	unitId: 'u1',
	staffId: null,
	staffName: '',
	typeId: 't1',
	typeCode: 'OC-BADGE',
	typeName: 'Không đeo thẻ công chức',
	defaultFixDays: 10,
	category: 'office_culture',
	description: 'Không đeo thẻ',
	observedAt: '2026-03-02 02:15:00.000Z',
	source: 'manual',
	attendanceId: null,
	photos: [],
	photoMeta: [],
	explanationStatus: 'none',
	explanationText: '',
	explanationFile: '',
	amendsId: null,
	amendReason: '',
	superseded: false,
	withdrawn: false,
	created: '',
	version: 0,
	...over
});

const TYPES = [
	{ code: 'OC-BADGE', name: 'Không đeo thẻ công chức' },
	{ code: 'OC-DRESS', name: 'Trang phục không gọn gàng' },
	{ code: 'OC-SMOKING', name: 'Hút thuốc lá trong phòng làm việc' }
];

const source = (over: Partial<RecordSource['check']> = {}, rest: Partial<RecordSource> = {}): RecordSource => ({
	check: {
		unitName: 'UBND phường Tân Định',
		kind: 'scheduled',
		recordNumber: 3,
		scheduledStart: '2026-03-02 01:00:00.000Z',
		startedAt: '2026-03-02 01:30:00.000Z',
		completedAt: '2026-03-02 04:05:00.000Z',
		lead: { name: 'Trần Thị Lan', position: 'Trưởng đoàn' },
		leadId: 'lead',
		team: [
			{ id: 'lead', name: 'Trần Thị Lan', position: 'Trưởng đoàn' },
			{ id: 'm1', name: 'Lê Văn Minh', position: 'Thành viên' }
		],
		focus: [],
		checklist: {},
		procedures: null,
		representativeName: 'Nguyễn Văn A',
		representativePosition: 'Chủ tịch',
		unitExplanation: '',
		conclusions: 'Kết luận ban đầu',
		amendments: [],
		signedOnPaper: false,
		...over
	},
	rollCall: ['present', 'present', 'late'],
	findings: [],
	actions: [],
	checklistTypes: TYPES,
	now: new Date('2026-03-02T05:00:00Z'),
	...rest
});

describe('the record place line', () => {
	test.each([
		['UBND phường Tân Định', 'Tân Định'],
		['Ủy ban nhân dân xã Bình Mỹ', 'Bình Mỹ'],
		['UBND thị trấn Cần Thạnh', 'Cần Thạnh'],
		['UBND đặc khu Côn Đảo', 'Côn Đảo'],
		['Sở Nội vụ', 'Sở Nội vụ'],
		['Phường Bến Thành', 'Bến Thành']
	])('%s → %s', (name, place) => {
		expect(recordPlace(name)).toBe(place);
	});
});

describe('the record from the facts of a check', () => {
	test('times are Vietnamese local; members exclude the lead; the roll call is tallied', () => {
		const r = recordInput(source());
		expect(r.place).toBe('Tân Định');
		expect(r.day).toBe('2026-03-02');
		expect(r.startTime).toBe('08:30');
		expect(r.endTime).toBe('11:05');
		expect(r.members.map((m) => m.name)).toEqual(['Lê Văn Minh']);
		expect(r.tally.total).toBe(3);
		expect(r.scope).toEqual(['attendance', 'office_culture', 'procedures']);
		expect(r.issuer.abbr).toBe('ĐKTCV');
	});

	test('an unfinished check ends now; no start yet means the scheduled start', () => {
		const r = recordInput(source({ startedAt: null, completedAt: null }));
		expect(r.startTime).toBe('08:00');
		expect(r.endTime).toBe('12:00');
	});

	test('the last amendment of a detail stands', () => {
		const r = recordInput(
			source({
				amendments: [
					{ field: 'conclusions', after: 'Lần 1' },
					{ field: 'representative_name', after: 'Phạm Thị B' },
					{ field: 'conclusions', after: 'Lần 2' }
				]
			})
		);
		expect(r.conclusions).toBe('Lần 2');
		expect(r.representative.name).toBe('Phạm Thị B');
		expect(r.representative.position).toBe('Chủ tịch');
	});

	test('superseded findings are left out; an amendment cites the text it replaced', () => {
		const r = recordInput(
			source(
				{},
				{
					findings: [
						finding({ id: 'old', description: 'Văn bản cũ', superseded: true }),
						finding({ id: 'new', description: 'Văn bản mới', amendsId: 'old', amendReason: 'Ghi nhầm' })
					]
				}
			)
		);
		expect(r.findings).toHaveLength(1);
		expect(r.findings[0]!.amendment).toEqual({ reason: 'Ghi nhầm', original: 'Văn bản cũ' });
		expect(r.findings[0]!.time).toBe('09:15');
	});

	test('checklist: a violation no finding records still reaches the record; met criteria are worded as criteria', () => {
		const checklist = {
			'OC-BADGE': { result: 'violation', note: 'hai người' },
			'OC-DRESS': { result: 'violation', note: 'dép lê' },
			'OC-SMOKING': { result: 'compliant', note: '' }
		};
		const r = recordInput(source({ checklist }, { findings: [finding({ typeCode: 'OC-BADGE' })] }));
		expect(r.checklistViolations).toEqual([{ code: 'OC-DRESS', name: 'Trang phục không gọn gàng', note: 'dép lê' }]);
		expect(r.checklistCompliant).toEqual(['Không hút thuốc lá trong phòng làm việc, phòng họp, hội trường']);
	});

	test('procedures only when a sample was recorded', () => {
		expect(recordInput(source({ procedures: { notes: 'x' } })).procedures).toBeNull();
		const p = { sampled: 10, overdue: 1, no_receipt: 0, no_apology: 1, online_share: null, notes: '' };
		expect(recordInput(source({ procedures: p })).procedures).toEqual(p);
	});
});

describe('the signers of the record', () => {
	const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]);
	const team = [
		{ id: 'lead', name: 'Trần Thị Lan', position: 'Trưởng đoàn' },
		{ id: 'm1', name: 'Lê Văn Minh', position: 'Chuyên viên' },
		{ id: 'm2', name: 'Phạm Thu Hà', position: 'Chuyên viên' }
	];

	test('representative, secretary, lead, then the other members; a drawn signature carries its bytes', () => {
		const r = recordInput(
			source(
				{
					team,
					secretaryId: 'm2',
					signatures: { lead: 'lead_a.png', secretary: 'secretary_b.png' },
					signers: {
						lead: { sha256: 'aa', at: '' },
						secretary: { sha256: 'bb', at: '' },
						representative: { name: 'Nguyễn Văn A', refusedReason: 'Không đồng ý kết luận', at: '' }
					}
				},
				{ images: { lead: PNG, secretary: PNG } }
			)
		);
		expect(r.secretary).toEqual({ name: 'Phạm Thu Hà', position: 'Chuyên viên' });
		expect(r.signers).toEqual([
			{ role: 'representative', title: 'ĐẠI DIỆN ĐƠN VỊ ĐƯỢC KIỂM TRA', name: 'Nguyễn Văn A', refusedReason: 'Không đồng ý kết luận' },
			{ role: 'secretary', title: 'THƯ KÝ', name: 'Phạm Thu Hà', image: PNG },
			{ role: 'lead', title: 'TRƯỞNG ĐOÀN KIỂM TRA', name: 'Trần Thị Lan', image: PNG },
			{ role: 'member', title: 'THÀNH VIÊN ĐOÀN KIỂM TRA', name: 'Lê Văn Minh' }
		]);
		// The record: the secretary's role in section I, the refusal after the closing sentence, the
		// secretary's name in its column and not again among the members.
		const doc = buildRecord(r);
		const text = recordText(doc).join('\n');
		expect(text).toContain('- Phạm Thu Hà, Chuyên viên, Thành viên kiêm Thư ký;');
		expect(text).toContain('- Lê Văn Minh, Chuyên viên, Thành viên;');
		expect(doc.closing).toContain('Đại diện đơn vị được kiểm tra không ký biên bản, lý do: Không đồng ý kết luận.');
		expect(doc.signatures.find((s) => s.party === 'secretary')).toMatchObject({ name: 'Phạm Thu Hà' });
		expect(doc.signatures.find((s) => s.party === 'representative')).toMatchObject({
			refusedReason: 'Không đồng ý kết luận',
			refusal: 'Từ chối ký. Lý do: Không đồng ý kết luận'
		});
		expect(doc.memberNames).toEqual(['Lê Văn Minh']);
	});

	test('no secretary: no secretary slot; nothing drawn on a record signed on paper', () => {
		const r = recordInput(
			source(
				{ team, signedOnPaper: true, signatures: { lead: 'lead_a.png' }, signers: { lead: { sha256: 'aa', at: '' } } },
				{ images: { lead: PNG } }
			)
		);
		expect(r.secretary).toBeNull();
		expect(r.signers.map((s) => s.role)).toEqual(['representative', 'lead', 'member', 'member']);
		expect(r.signers.every((s) => !s.image && !s.refusedReason)).toBe(true);
		expect(buildRecord(r).closing.some((l) => l.includes('không ký biên bản'))).toBe(false);
	});

	test('a secretary who left the team, or is the lead, is no secretary', () => {
		expect(recordInput(source({ team, secretaryId: 'gone' })).secretary).toBeNull();
		expect(recordInput(source({ team, secretaryId: 'lead' })).signers.map((s) => s.role)).not.toContain('secretary');
	});
});

describe('the record head from the document settings (issue #17 point 4)', () => {
	test('the admin’s issuing body, abbreviation and number symbol print in the head and the archive line', () => {
		const settings = {
			...DEFAULT_DOCUMENT_SETTINGS,
			parentBody: 'UBND tỉnh Cửu An',
			issuingBody: 'Thanh tra tỉnh',
			issuingAbbr: 'TTr',
			recordPrefix: 'BBKT'
		};
		const doc = buildRecord(recordInput(source({ recordNumber: 7 }, { settings })));
		expect(doc.headerLeft).toEqual(['UBND TỈNH CỬU AN', 'THANH TRA TỈNH']);
		expect(doc.number).toBe('Số: 07/BBKT-TTr');
		expect(JSON.stringify(doc)).not.toContain('ĐKTCV');
	});

	test('without settings the defaults print: Sở Nội vụ, Đoàn kiểm tra công vụ, BB-ĐKTCV', () => {
		const doc = buildRecord(recordInput(source({ recordNumber: null })));
		expect(doc.headerLeft).toEqual(['SỞ NỘI VỤ', 'ĐOÀN KIỂM TRA CÔNG VỤ']);
		expect(doc.number).toBe('Số:       /BB-ĐKTCV');
	});
});
