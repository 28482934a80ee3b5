/**
 * The type of an uploaded file read from its first bytes (magic numbers), never from its name or the
 * browser's claim: the one place that knows the signatures of the files the app accepts (evidence
 * photos, scanned explanations, drawn signatures, corrective-action evidence). Pure.
 */

export type ImageType = 'image/jpeg' | 'image/png' | 'image/webp';
export type SniffedType = ImageType | 'application/pdf';

const ascii = (b: Uint8Array, from: number, to: number) => String.fromCharCode(...b.subarray(from, to));

/** JPEG, PNG, WebP or PDF by the bytes themselves, or null for anything else (or too few bytes). */
export function sniffFileType(b: Uint8Array): SniffedType | null {
	if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'image/jpeg';
	if (b.length >= 8 && b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47) return 'image/png';
	if (b.length >= 12 && ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 12) === 'WEBP') return 'image/webp';
	if (b.length >= 5 && ascii(b, 0, 5) === '%PDF-') return 'application/pdf';
	return null;
}

/** The image type of the bytes, or null (a PDF is not an image). */
export function sniffImage(b: Uint8Array): ImageType | null {
	const type = sniffFileType(b);
	return type === 'application/pdf' ? null : type;
}
