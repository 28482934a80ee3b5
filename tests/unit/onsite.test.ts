import { describe, expect, test } from 'vitest';
import {
	attendanceDescription,
	longVnDate,
	planAttendanceFindings,
	proposeActions,
	signatureParty,
	stripJpegMetadata,
	vnClockWords
} from '../../src/lib/domain/onsite';
import { sniffImage } from '../../src/lib/domain/file-type';
import { buildCalendar, OFFICIAL_ANNOUNCEMENTS_2025_2026 } from '../../src/lib/domain/holidays';
import { parseRollCall, proceduresSchema } from '../../src/lib/domain/schemas/onsite';
import { buildRecord, recordText, type RecordInput } from '../../src/lib/domain/record';
import { tallyRollCall } from '../../src/lib/domain/roll-call';

const label = (s: string) =>
	({ late: 'Đi muộn', absent_unexcused: 'Vắng không lý do', left_early: 'Về sớm', away_from_post: 'Bỏ vị trí' })[s] ?? s;
const cal = buildCalendar({ fromYear: 2025, toYear: 2026, announcements: OFFICIAL_ANNOUNCEMENTS_2025_2026 });

describe('photos', () => {
	const jpegWithExif = new Uint8Array([
		0xff,
		0xd8, // SOI
		0xff,
		0xe0,
		0x00,
		0x04,
		0x4a,
		0x46, // APP0 (kept)
		0xff,
		0xe1,
		0x00,
		0x08,
		0x45,
		0x78,
		0x69,
		0x66,
		0x00,
		0x00, // APP1 "Exif" (GPS lives here)
		0xff,
		0xda,
		0x00,
		0x02,
		0x11,
		0x22,
		0xff,
		0xd9 // SOS + data + EOI
	]);

	test('the type comes from the bytes, not the name', () => {
		expect(sniffImage(jpegWithExif)).toBe('image/jpeg');
		expect(sniffImage(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe('image/png');
		expect(sniffImage(new TextEncoder().encode('%PDF-1.7 not a photo'))).toBeNull();
	});

	test('stripping removes the EXIF segment and keeps the image data', () => {
		const out = stripJpegMetadata(jpegWithExif);
		expect(out.length).toBe(jpegWithExif.length - 10);
		expect([...out]).not.toContain(0xe1);
		expect([...out.slice(-8)]).toEqual([...jpegWithExif.slice(-8)]);
		expect([...out.slice(0, 8)]).toEqual([...jpegWithExif.slice(0, 8)]);
	});
});

describe('roll call → findings', () => {
	const rec = (id: string, status: 'present' | 'late' | 'absent_unexcused' | 'absent_excused', note = '') => ({
		attendanceId: `a${id}`,
		staffId: `s${id}`,
		status,
		lateMinutes: status === 'late' ? 22 : null,
		arrivalTime: status === 'late' ? '07:22' : '',
		note
	});

	test('each violating person gets one finding; saving again plans nothing', () => {
		const rows = [rec('1', 'late'), rec('2', 'present'), rec('3', 'absent_unexcused'), rec('4', 'absent_excused')];
		const first = planAttendanceFindings(rows, [], label);
		expect(first.create.map((c) => [c.staffId, c.code])).toEqual([
			['s1', 'ATT-LATE'],
			['s3', 'ATT-ABSENT-UNEXCUSED']
		]);
		expect(first.create[0]!.description).toBe('Đi muộn 22 phút (có mặt lúc 07:22)');
		const existing = first.create.map((c, i) => ({ id: `f${i}`, attendanceId: c.attendanceId, code: c.code, description: c.description }));
		expect(planAttendanceFindings(rows, existing, label)).toEqual({ create: [], update: [], remove: [] });
	});

	test('a person marked present again loses the finding; a changed status updates it', () => {
		const existing = [
			{ id: 'f1', attendanceId: 'a1', code: 'ATT-LATE', description: 'Đi muộn 22 phút (có mặt lúc 07:22)' },
			{ id: 'f3', attendanceId: 'a3', code: 'ATT-ABSENT-UNEXCUSED', description: 'Vắng không lý do' }
		];
		const plan = planAttendanceFindings([rec('1', 'present'), rec('3', 'late')], existing, label);
		expect(plan.remove).toEqual(['f1']);
		expect(plan.update).toEqual([{ id: 'f3', code: 'ATT-LATE', description: 'Đi muộn 22 phút (có mặt lúc 07:22)' }]);
	});

	test('a note is added to the finding text', () => {
		expect(attendanceDescription({ status: 'away_from_post', lateMinutes: null, arrivalTime: '', note: ' uống cà phê ' }, label)).toBe(
			'Bỏ vị trí (uống cà phê)'
		);
	});

	test('the roll-call form refuses an unknown status and bad minutes, naming the person', () => {
		const fd = new FormData();
		fd.set('s.aaaaaaaaaaaaaaa', 'late');
		fd.set('m.aaaaaaaaaaaaaaa', '-5');
		expect(parseRollCall(fd)).toEqual({ ok: false, code: 'onsite.error.minutes', staffId: 'aaaaaaaaaaaaaaa' });
		fd.set('m.aaaaaaaaaaaaaaa', '12');
		fd.set('s.bbbbbbbbbbbbbbb', 'asleep');
		expect(parseRollCall(fd)).toMatchObject({ ok: false, code: 'onsite.error.status', staffId: 'bbbbbbbbbbbbbbb' });
		fd.set('s.bbbbbbbbbbbbbbb', 'present');
		const ok = parseRollCall(fd);
		expect(ok.ok && ok.entries.find((e) => e.staffId === 'aaaaaaaaaaaaaaa')?.lateMinutes).toBe(12);
	});

	test('the roll-call form (no zod, the page parses it too) refuses what the fields refuse', () => {
		const one = (fields: Record<string, string>) => {
			const fd = new FormData();
			for (const [k, v] of Object.entries(fields)) fd.set(`${k}.aaaaaaaaaaaaaaa`, v);
			return parseRollCall(fd);
		};
		expect(one({ s: 'late', m: 'abc' })).toMatchObject({ ok: false, code: 'onsite.error.minutes' });
		expect(one({ s: 'late', m: '2.5' })).toMatchObject({ ok: false, code: 'onsite.error.minutes' });
		expect(one({ s: 'late', m: '601' })).toMatchObject({ ok: false, code: 'onsite.error.minutes' });
		expect(one({ s: 'late', a: '25:00' })).toMatchObject({ ok: false, code: 'onsite.error.time' });
		expect(one({ s: 'present', n: 'x'.repeat(2001) })).toMatchObject({ ok: false, code: 'errors.too_long' });
		expect(one({ s: 'late', m: '', a: '07:30', n: '  tắc đường  ' })).toEqual({
			ok: true,
			entries: [{ staffId: 'aaaaaaaaaaaaaaa', status: 'late', lateMinutes: null, arrivalTime: '07:30', note: 'tắc đường' }]
		});
		const bad = new FormData();
		bad.set('s.NOT-AN-ID', 'present');
		expect(parseRollCall(bad)).toEqual({ ok: false, code: 'errors.invalid', staffId: 'NOT-AN-ID' });
	});

	test('procedure counts cannot exceed the sample', () => {
		expect(
			proceduresSchema.safeParse({ sampled: '30', overdue: '3', no_receipt: '0', no_apology: '1', online_share: '45,5'.replace(',', '.') })
				.success
		).toBe(true);
		const r = proceduresSchema.safeParse({ sampled: '3', overdue: '5' });
		expect(r.success).toBe(false);
		expect(r.error?.issues[0]?.message).toBe('onsite.error.more_than_sampled');
	});
});

describe('corrective actions proposed from findings', () => {
	const f = (id: string, typeId: string, days: number, staffName = '') => ({
		id,
		typeId,
		typeCode: typeId.toUpperCase(),
		typeName: `Loại ${typeId}`,
		category: 'attendance',
		defaultFixDays: days,
		staffName,
		description: `mô tả ${id}`
	});

	test('per finding: one each, due in working days after the record date (report-formats example)', () => {
		// 17/09/2025 + 5 working days = 24/09/2025; + 10 = 01/10/2025; + 30 = 29/10/2025.
		const out = proposeActions([f('1', 'a', 5), f('2', 'b', 10), f('3', 'c', 30)], 'per_finding', '2025-09-17', cal);
		expect(out.map((a) => a.dueDate)).toEqual(['2025-09-24', '2025-10-01', '2025-10-29']);
		expect(out.map((a) => a.findingIds)).toEqual([['1'], ['2'], ['3']]);
	});

	test('per type: grouped, shortest deadline wins; holidays are skipped', () => {
		const out = proposeActions(
			[f('1', 'a', 10, 'Trần Văn Hậu'), f('2', 'a', 10, 'Lê Thị Bích Trâm'), f('3', 'b', 3)],
			'per_type',
			'2026-01-09',
			cal
		);
		expect(out).toHaveLength(2);
		expect(out[0]!.findingIds).toEqual(['1', '2']);
		expect(out[0]!.title).toBe('Loại a (2): Trần Văn Hậu, Lê Thị Bích Trâm');
		// docs/holidays.md: 3 working days after Fri 09/01/2026 → Sat 10/01 (make-up), Mon 12, Tue 13.
		expect(out[1]!.dueDate).toBe('2026-01-13');
	});
});

describe('the record (biên bản)', () => {
	test('dates and times in the Nghị định 30 style', () => {
		expect(longVnDate('2025-09-17')).toBe('ngày 17 tháng 9 năm 2025');
		expect(longVnDate('2026-02-05')).toBe('ngày 05 tháng 02 năm 2026');
		expect(vnClockWords('07:05')).toBe('07 giờ 05 phút');
		expect(signatureParty('representative_ab12cd34ef.png')).toBe('representative');
		expect(signatureParty('lead_x.png')).toBe('lead');
		expect(signatureParty('other.png')).toBeNull();
	});

	const input: RecordInput = {
		issuer: { parent: 'Sở Nội vụ', body: 'Đoàn kiểm tra công vụ', abbr: 'ĐKTCV', prefix: 'BB' },
		number: null,
		place: 'Mỹ Hưng',
		unitName: 'phường Mỹ Hưng',
		day: '2025-09-17',
		startTime: '07:05',
		endTime: '10:40',
		kind: 'surprise',
		lead: { name: 'Lâm Quốc Thịnh', position: 'Phó Giám đốc Sở Nội vụ' },
		members: [{ name: 'Đặng Minh Khoa', position: 'Chuyên viên' }],
		secretary: null,
		signers: [],
		representative: { name: 'Võ Thành Nhân', position: 'Phó Chủ tịch UBND phường Mỹ Hưng' },
		scope: ['attendance', 'office_culture', 'procedures'],
		tally: tallyRollCall(['present', 'present', 'late', 'absent_unexcused', 'business_trip']),
		checklistCompliant: ['Trang phục'],
		checklistViolations: [{ code: 'OC-BADGE', name: 'Không đeo thẻ', note: '03 người' }],
		procedures: { sampled: 30, overdue: 3, no_receipt: 0, no_apology: 1, online_share: null, notes: '' },
		findings: [
			{
				code: 'OC-SMOKING',
				typeName: 'Hút thuốc lá',
				category: 'office_culture',
				staffName: '',
				description: 'Gạt tàn trong phòng',
				time: '08:10',
				photos: 2,
				explanation: ''
			},
			{
				code: 'ATT-ABSENT-UNEXCUSED',
				typeName: 'Vắng không lý do',
				category: 'attendance',
				staffName: 'Phạm Hữu Lộc',
				description: 'Vắng',
				time: '07:15',
				photos: 0,
				explanation: 'Đi xác minh thực địa'
			}
		],
		unitExplanation: '',
		conclusions: 'Cơ bản chấp hành.',
		actions: [{ title: 'Chấm dứt hút thuốc lá', dueDate: '2025-09-24' }],
		signedOnPaper: false
	};

	test('has every section heading, the motto, the findings, the explanation and the requests', () => {
		const text = recordText(buildRecord(input)).join('\n');
		for (const s of [
			'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
			'Độc lập - Tự do - Hạnh phúc',
			'Mỹ Hưng, ngày 17 tháng 9 năm 2025',
			'I. THÀNH PHẦN',
			'II. THỜI GIAN, ĐỊA ĐIỂM, HÌNH THỨC KIỂM TRA',
			'III. NỘI DUNG KIỂM TRA',
			'IV. KẾT QUẢ KIỂM TRA',
			'V. Ý KIẾN GIẢI TRÌNH CỦA ĐƠN VỊ ĐƯỢC KIỂM TRA',
			'VI. KẾT LUẬN VÀ KIẾN NGHỊ',
			'- Thời gian: từ 07 giờ 05 phút đến 10 giờ 40 phút ngày 17/09/2025.',
			'- Hình thức: kiểm tra đột xuất (không báo trước).',
			'3/5 có mặt, kể cả đi muộn (60%); đúng giờ 2/5 (40%); vắng 2, trong đó 1 không lý do',
			'Gạt tàn trong phòng',
			'Phạm Hữu Lộc (vắng không lý do): Đi xác minh thực địa',
			'a) Chấm dứt hút thuốc lá; báo cáo kết quả trước ngày 24/09/2025.',
			'TRƯỞNG ĐOÀN KIỂM TRA',
			'- Không đeo thẻ: 03 người'
		]) {
			expect(text).toContain(s);
		}
	});

	test('prints no catalogue code and no "00" count', () => {
		const tally = tallyRollCall(['present', 'late', 'absent_unexcused']);
		const text = recordText(buildRecord({ ...input, tally })).join('\n');
		for (const code of ['OC-BADGE', 'OC-SMOKING', 'ATT-ABSENT-UNEXCUSED']) expect(text).not.toContain(code);
		expect(text).not.toMatch(/\[|\b00 (người|hồ sơ)/);
		expect(text).toContain('- Vắng có lý do: 0 người (trong đó đi công tác 0);');
		expect(text).toContain('- Có mặt đúng giờ: 01 người;');
	});

	test('the number: blank to fill in before completion, then two digits at least (Số: 07/BB-ĐKTCV)', () => {
		expect(buildRecord(input).number).toBe('Số:       /BB-ĐKTCV');
		expect(buildRecord({ ...input, number: 7 }).number).toBe('Số: 07/BB-ĐKTCV');
		expect(buildRecord({ ...input, number: 142 }).number).toBe('Số: 142/BB-ĐKTCV');
	});

	test('no explanation prints the fixed sentence', () => {
		const text = recordText(buildRecord({ ...input, findings: [], unitExplanation: '' })).join('\n');
		expect(text).toContain('Không có ý kiến giải trình.');
	});
});
