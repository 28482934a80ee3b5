import { describe, expect, test } from 'vitest';
import {
	compareVietnamese,
	compareVnNames,
	normalizeText,
	rankBySearch,
	searchKey,
	searchRank,
	toNFC,
	vnNameSortKey
} from '../../src/lib/domain/text';

const NFD = (s: string) => s.normalize('NFD');

describe('toNFC / normalizeText', () => {
	test('decomposed input is stored composed', () => {
		const nfd = NFD('Nguyễn Văn An');
		expect(nfd).not.toBe('Nguyễn Văn An');
		expect(toNFC(nfd)).toBe('Nguyễn Văn An');
		expect(normalizeText(nfd)).toBe('Nguyễn Văn An');
	});

	test('whitespace runs (NBSP, tabs, Alt+Enter line breaks) collapse to one space and trim', () => {
		expect(normalizeText('  Trần\u00A0 Quốc\t\tHưng\r\n ')).toBe('Trần Quốc Hưng');
		expect(normalizeText('Phòng Kinh tế,\nHạ tầng và Đô thị')).toBe('Phòng Kinh tế, Hạ tầng và Đô thị');
	});

	test('zero-width characters are removed', () => {
		expect(normalizeText('\uFEFFLê\u200B Thị Bích Trâm')).toBe('Lê Thị Bích Trâm');
	});
});

describe('searchKey', () => {
	test('"nguyen van an" finds "Nguyễn Văn An"', () => {
		expect(searchKey('Nguyễn Văn An')).toBe('nguyen van an');
		expect(searchKey('nguyen van an')).toBe(searchKey('Nguyễn Văn An'));
		expect(searchKey('Nguyễn Văn An').includes(searchKey('van an'))).toBe(true);
	});

	test('đ and Đ match d', () => {
		expect(searchKey('Đặng Ngọc Hân')).toBe('dang ngoc han');
		expect(searchKey('Phường Đông')).toBe('phuong dong');
		expect(searchKey('Ðặng')).toBe('dang'); // eth look-alike
	});

	test('NFD input matches NFC storage', () => {
		for (const s of ['Nguyễn Thị Ngọc Hân', 'Huỳnh Văn Phước', 'Trương Mỹ Linh', 'Ủy ban nhân dân']) {
			expect(searchKey(NFD(s))).toBe(searchKey(s));
		}
	});

	test('old and new tone-mark placements match (Uỷ/Ủy, hoà/hòa, thuỷ/thủy)', () => {
		expect(searchKey('Uỷ ban')).toBe(searchKey('Ủy ban'));
		expect(searchKey('Cộng hoà')).toBe(searchKey('Cộng hòa'));
		expect(searchKey('Thuỷ')).toBe(searchKey('Thủy'));
	});

	test('every Vietnamese vowel loses its marks (horn, breve, circumflex, five tones)', () => {
		expect(searchKey('ăâêôơư ÁÀẢÃẠ ẮẰẲẴẶ ỨỪỬỮỰ ỚỜỞỠỢ ÝỲỶỸỴ')).toBe('aaeoou aaaaa aaaaa uuuuu ooooo yyyyy');
	});

	test('case and spacing do not matter', () => {
		expect(searchKey('  NGUYỄN   văn AN ')).toBe('nguyen van an');
	});
});

describe('Vietnamese sorting', () => {
	test('compareVietnamese follows the Vietnamese alphabet (a ă â … d đ … o ô ơ … u ư)', () => {
		const sorted = ['Đào', 'Dương', 'Ân', 'Ăn', 'An', 'Ơn', 'Ôn', 'On', 'Ưng', 'Ung'].sort(compareVietnamese);
		expect(sorted).toEqual(['An', 'Ăn', 'Ân', 'Dương', 'Đào', 'On', 'Ôn', 'Ơn', 'Ung', 'Ưng']);
	});

	test('compareVietnamese treats NFD and NFC alike', () => {
		expect(compareVietnamese(NFD('Hòa'), 'Hòa')).toBe(0);
	});

	test('vnNameSortKey splits off the given name', () => {
		expect(vnNameSortKey('Nguyễn Thị Kim Loan')).toEqual({ given: 'Loan', rest: 'Nguyễn Thị Kim' });
		expect(vnNameSortKey('Lê Hoa')).toEqual({ given: 'Hoa', rest: 'Lê' });
		expect(vnNameSortKey('  Tư ')).toEqual({ given: 'Tư', rest: '' });
	});

	test('staff lists sort by given name, then family and middle names', () => {
		const names = [
			'Trần Quốc Hưng',
			'Võ Thành Nhân',
			'Nguyễn Thị Kim Loan',
			'Lê Thị Bích Trâm',
			'Huỳnh Văn Phước',
			'Trần Văn Hậu',
			'Nguyễn Văn An',
			'Đặng Ngọc Hân',
			'Lê Văn An',
			'Dương Văn Tư'
		];
		expect([...names].sort(compareVnNames)).toEqual([
			'Lê Văn An',
			'Nguyễn Văn An',
			'Đặng Ngọc Hân',
			'Trần Văn Hậu',
			'Trần Quốc Hưng',
			'Nguyễn Thị Kim Loan',
			'Võ Thành Nhân',
			'Huỳnh Văn Phước',
			'Lê Thị Bích Trâm',
			'Dương Văn Tư'
		]);
	});

	test('a given name that is a prefix of another sorts first (An before Anh), whatever the family name', () => {
		expect(['Bùi Văn Anh', 'Võ An'].sort(compareVnNames)).toEqual(['Võ An', 'Bùi Văn Anh']);
	});
});

describe('search ranking (staff and account lists)', () => {
	test('an exact diacritic match ranks before an accent-free one', () => {
		expect(searchRank('Lê Thị Phượng', 'Phượng')).toBe(0);
		expect(searchRank('Lê Thị Phương', 'Phượng')).toBe(1);
		expect(searchRank('Lê Thị Lan', 'Phượng')).toBeNull();
		// Case and NFD input do not matter at the exact level.
		expect(searchRank('LÊ THỊ PHƯỢNG', 'phượng'.normalize('NFD'))).toBe(0);
	});

	test('rankBySearch puts "Phượng" before "Phương" and keeps the order within a rank', () => {
		const names = ['Trần Phương', 'Lê Phượng', 'Võ Phương', 'Hà Phượng Anh'];
		expect(rankBySearch(names, 'Phượng', (n) => [n])).toEqual(['Lê Phượng', 'Hà Phượng Anh', 'Trần Phương', 'Võ Phương']);
		// A query typed without accents ranks names written without accents first.
		expect(rankBySearch(['Phương', 'Phuong'], 'phuong', (n) => [n])).toEqual(['Phuong', 'Phương']);
	});
});
