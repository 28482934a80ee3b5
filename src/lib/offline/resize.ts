// Runs in the browser: shrinks a photo before upload. createImageBitmap honours the EXIF orientation
// ('from-image'), and re-encoding through a canvas drops every EXIF field, GPS included. When the
// inspector keeps the location, it is read from the original first (exifr, loaded only then).
import { PHOTO_MAX_EDGE } from '$lib/domain/onsite';

export interface Prepared {
	blob: Blob;
	name: string;
	hint: { lastModified: number; lat?: number; lon?: number };
}

async function shrink(file: File): Promise<Blob | null> {
	try {
		const bmp = await createImageBitmap(file, { imageOrientation: 'from-image' });
		const scale = Math.min(1, PHOTO_MAX_EDGE / Math.max(bmp.width, bmp.height));
		const canvas = document.createElement('canvas');
		canvas.width = Math.max(1, Math.round(bmp.width * scale));
		canvas.height = Math.max(1, Math.round(bmp.height * scale));
		canvas.getContext('2d')!.drawImage(bmp, 0, 0, canvas.width, canvas.height);
		bmp.close();
		return await new Promise((res) => canvas.toBlob((b) => res(b), 'image/jpeg', 0.82));
	} catch {
		return null; // not an image the browser can decode: send it as is, the server says why it is refused
	}
}

export async function preparePhotos(files: File[], keepLocation: boolean): Promise<Prepared[]> {
	const out: Prepared[] = [];
	for (const f of files) {
		const hint: Prepared['hint'] = { lastModified: f.lastModified };
		if (keepLocation) {
			try {
				const exifr = (await import('exifr')).default;
				const g = await exifr.gps(f);
				if (g) Object.assign(hint, { lat: g.latitude, lon: g.longitude });
			} catch {
				/* no position in this photo */
			}
		}
		const small = await shrink(f);
		out.push(small ? { blob: small, name: f.name.replace(/\.\w+$/, '') + '.jpg', hint } : { blob: f, name: f.name, hint });
	}
	return out;
}
