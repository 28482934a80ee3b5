import { describe, expect, test } from 'vitest';
import { sniffFileType, sniffImage } from '../../src/lib/domain/file-type';

const bytes = (...b: number[]) => new Uint8Array(b);
const text = (s: string) => new TextEncoder().encode(s);
const JPEG = bytes(0xff, 0xd8, 0xff, 0xe0, 0, 0x10);
const PNG = bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a);
const WEBP = new Uint8Array([...text('RIFF'), 0x24, 0, 0, 0, ...text('WEBPVP8 ')]);
const PDF = text('%PDF-1.7\n');

describe('file type from the bytes', () => {
	test.each([
		['JPEG', JPEG, 'image/jpeg'],
		['PNG', PNG, 'image/png'],
		['WebP', WEBP, 'image/webp'],
		['PDF', PDF, 'application/pdf']
	] as const)('%s is recognised by its magic number', (_n, b, type) => {
		expect(sniffFileType(b)).toBe(type);
	});

	test.each([
		['text', text('not an image at all')],
		['a Word file (zip)', bytes(0x50, 0x4b, 3, 4, 0, 0, 0, 0, 0, 0, 0, 0)],
		['a RIFF that is not WebP (WAV)', new Uint8Array([...text('RIFF'), 0, 0, 0, 0, ...text('WAVE')])],
		['a PNG cut short', PNG.subarray(0, 4)],
		['"%PDF" without its dash', text('%PDF1')],
		['nothing', new Uint8Array()]
	])('%s is none of them', (_n, b) => {
		expect(sniffFileType(b)).toBeNull();
	});

	test('a PDF is not an image; images are', () => {
		expect(sniffImage(PDF)).toBeNull();
		expect(sniffImage(JPEG)).toBe('image/jpeg');
		expect(sniffImage(WEBP)).toBe('image/webp');
	});
});
