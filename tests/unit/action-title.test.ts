// Issue #13 §7: a corrective action's title names the finding's type once, then the person
// ("Đi muộn 15 phút — Nguyễn Văn An"), not "Đi muộn — Nguyễn Văn An: Đi muộn 15 phút".
import { describe, expect, test } from 'vitest';
import { actionTitle, findingWhat } from '../../src/lib/domain/finding';
import { proposeActions } from '../../src/lib/domain/onsite';
import { buildCalendar, OFFICIAL_ANNOUNCEMENTS_2025_2026 } from '../../src/lib/domain/holidays';

const cal = buildCalendar({ fromYear: 2025, toYear: 2026, announcements: OFFICIAL_ANNOUNCEMENTS_2025_2026 });
const finding = (typeName: string, description: string, staffName = '') => ({
	id: 'f1',
	typeId: 't1',
	typeCode: 'ATT-LATE',
	typeName,
	category: 'attendance',
	defaultFixDays: 5,
	staffName,
	description
});

describe('action titles say the type once', () => {
	test('a roll-call finding: its description already starts with the type', () => {
		const [a] = proposeActions([finding('Đi muộn', 'Đi muộn 15 phút', 'Nguyễn Văn An')], 'per_finding', '2025-09-17', cal);
		expect(a!.title).toBe('Đi muộn 15 phút — Nguyễn Văn An');
	});

	test('a finding described in its own words keeps its type in front', () => {
		expect(actionTitle(finding('Không đeo thẻ', 'Khi tiếp dân tại bộ phận một cửa', 'Lê Thị Bích'))).toBe(
			'Không đeo thẻ: Khi tiếp dân tại bộ phận một cửa — Lê Thị Bích'
		);
	});

	test('no person, no trailing dash; case does not make a repetition; an empty description is the type', () => {
		expect(actionTitle(finding('Hút thuốc lá', 'hút thuốc lá trong phòng họp'))).toBe('hút thuốc lá trong phòng họp');
		expect(actionTitle(finding('Hút thuốc lá', '  '))).toBe('Hút thuốc lá');
		expect(actionTitle(finding('Đi muộn', 'x'.repeat(2000), 'A'))).toHaveLength(1000);
	});

	test('a roll-call absence names its status, not the catalogue type again ("Vắng không lý do — Trương Ngọc Điệp")', () => {
		const absent = { ...finding('Vắng mặt không có lý do', 'Vắng không lý do', 'Trương Ngọc Điệp'), source: 'attendance' as const };
		const [a] = proposeActions([absent], 'per_finding', '2025-09-17', cal);
		expect(a!.title).toBe('Vắng không lý do — Trương Ngọc Điệp');
		expect(findingWhat(absent)).toBe('Vắng không lý do');
		// The same words typed by hand (not from the roll call) keep their type in front.
		expect(actionTitle({ ...absent, source: 'manual' })).toBe('Vắng mặt không có lý do: Vắng không lý do — Trương Ngọc Điệp');
	});

	test('the record uses the same rule with a dash', () => {
		expect(findingWhat({ typeName: 'Đi muộn', description: 'Đi muộn 20 phút' })).toBe('Đi muộn 20 phút');
		expect(findingWhat({ typeName: 'Không đeo thẻ', description: 'khi tiếp dân' })).toBe('Không đeo thẻ — khi tiếp dân');
	});
});
