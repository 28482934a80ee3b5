// The document layer (src/lib/server/documents/): the font every PDF is set in covers Vietnamese.
import { createRequire } from 'node:module';
import { describe, expect, test } from 'vitest';
import { FONT_FILES } from '../../src/lib/server/documents/pdf-kit';

// fontkit (pdfkit's font reader) ships no types: the two calls used here.
const fontkit = createRequire(import.meta.url)('fontkit') as {
	openSync(path: string): { familyName: string; hasGlyphForCodePoint(cp: number): boolean };
};

/** Every precomposed Vietnamese letter: the 12 vowels with each of the 6 tones, in both cases, and đ/Đ. */
function vietnameseLetters(): string[] {
	const vowels = ['a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y'];
	const tones = ['', '\u0300', '\u0301', '\u0303', '\u0309', '\u0323'];
	const lower = [...vowels.flatMap((v) => tones.map((t) => (v + t).normalize('NFC'))), 'đ'];
	return [...lower, ...lower.map((c) => c.toLocaleUpperCase('vi'))];
}

describe('document font', () => {
	test('the letter list has all 134 precomposed letters', () => {
		const letters = vietnameseLetters();
		expect(letters.every((c) => [...c].length === 1)).toBe(true);
		expect(new Set(letters).size).toBe(2 * (12 * 6 + 1));
	});

	test.each(Object.entries(FONT_FILES))('face %s has a glyph for every Vietnamese letter', (_face, file) => {
		const font = fontkit.openSync(file);
		expect(font.familyName).toBe('Tinos');
		const missing = vietnameseLetters().filter((c) => !font.hasGlyphForCodePoint(c.codePointAt(0)!));
		expect(missing).toEqual([]);
	});
});
