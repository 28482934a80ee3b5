// Evidence photos on the server: the type is sniffed from the bytes, the capture time and position are
// read from EXIF (exifr) BEFORE the metadata is stripped, and the SHA-256 is computed over the bytes
// actually stored, so it can prove later that a photo was not altered.
import { createHash } from 'node:crypto';
import exifr from 'exifr';
import { PHOTO_MAX_BYTES, PHOTO_MAX_COUNT, PHOTO_MAX_MB, stripJpegMetadata } from '../domain/onsite';
import { sniffImage } from '../domain/file-type';
import { toPbDate, vnLocalToUtc } from '../domain/time';

export interface PreparedPhoto {
	bytes: Uint8Array;
	type: string;
	name: string;
	meta: { sha256: string; captured_at: string | null; has_location: boolean; lat?: number; lon?: number };
}

/** What the phone tells about each photo (it re-encoded them, so EXIF is gone by then). */
export interface PhotoHint {
	lastModified?: number;
	lat?: number;
	lon?: number;
}

export type PhotoResult = { ok: true; photos: PreparedPhoto[] } | { ok: false; code: string; params: Record<string, string | number> };

const pad = (n: number) => String(n).padStart(2, '0');

async function readExif(bytes: Uint8Array): Promise<{ capturedAt: string | null; lat?: number; lon?: number }> {
	try {
		const x = (await exifr.parse(Buffer.from(bytes), { gps: true, exif: true, tiff: true, xmp: false, icc: false })) as
			{ DateTimeOriginal?: Date; CreateDate?: Date; latitude?: number; longitude?: number } | undefined;
		if (!x) return { capturedAt: null };
		const d = x.DateTimeOriginal ?? x.CreateDate;
		// EXIF times carry no zone: they are the camera's local (Vietnamese) time.
		const capturedAt =
			d instanceof Date && !Number.isNaN(d.getTime())
				? vnLocalToUtc(`${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`, `${pad(d.getHours())}:${pad(d.getMinutes())}`)
				: null;
		return { capturedAt, lat: x.latitude, lon: x.longitude };
	} catch {
		return { capturedAt: null };
	}
}

/**
 * Checks and prepares uploaded photos: at most {@link PHOTO_MAX_COUNT}, each an image (JPEG, PNG,
 * WebP by its bytes) of at most {@link PHOTO_MAX_MB} MB. Location is kept only when `keepLocation`.
 */
export async function preparePhotos(files: File[], hints: PhotoHint[], keepLocation: boolean, now: Date): Promise<PhotoResult> {
	const real = files.filter((f) => f.size > 0);
	if (real.length > PHOTO_MAX_COUNT) return { ok: false, code: 'onsite.error.too_many_photos', params: { n: PHOTO_MAX_COUNT } };
	const out: PreparedPhoto[] = [];
	for (const [i, f] of real.entries()) {
		if (f.size > PHOTO_MAX_BYTES) return { ok: false, code: 'onsite.error.too_large', params: { name: f.name, mb: PHOTO_MAX_MB } };
		const raw = new Uint8Array(await f.arrayBuffer());
		const type = sniffImage(raw);
		if (!type) return { ok: false, code: 'onsite.error.not_image', params: { name: f.name } };
		const exif = await readExif(raw);
		const bytes = stripJpegMetadata(raw);
		const hint = hints[i] ?? {};
		const lat = exif.lat ?? hint.lat;
		const lon = exif.lon ?? hint.lon;
		const hasLocation = keepLocation && typeof lat === 'number' && typeof lon === 'number';
		const fromHint = typeof hint.lastModified === 'number' && hint.lastModified > 0 ? toPbDate(new Date(hint.lastModified)) : null;
		out.push({
			bytes,
			type,
			name: `photo-${i + 1}.${type === 'image/jpeg' ? 'jpg' : type.slice(6)}`,
			meta: {
				sha256: createHash('sha256').update(bytes).digest('hex'),
				captured_at: exif.capturedAt ?? fromHint ?? (f.lastModified ? toPbDate(new Date(f.lastModified)) : toPbDate(now)),
				has_location: hasLocation,
				...(hasLocation ? { lat, lon } : {})
			}
		});
	}
	return { ok: true, photos: out };
}

/** Reads the phone's per-photo hints (JSON array); anything malformed is ignored. */
export function parseHints(json: string): PhotoHint[] {
	try {
		const v = JSON.parse(json) as unknown;
		if (!Array.isArray(v)) return [];
		return v.slice(0, PHOTO_MAX_COUNT).map((h) => {
			const o = (h ?? {}) as Record<string, unknown>;
			const num = (x: unknown) => (typeof x === 'number' && Number.isFinite(x) ? x : undefined);
			return { lastModified: num(o.lastModified), lat: num(o.lat), lon: num(o.lon) };
		});
	} catch {
		return [];
	}
}
