// File-level checks of an upload, then bytes → RawTable. Checks run cheapest first: size, empty,
// extension and magic bytes agree, zip expansion (XLSX), then decoding/parsing.

import { parseCsv } from './csv';
import { decodeText } from './decode';
import type { FileError } from './errors';
import { MAX_IMPORT_BYTES, MAX_IMPORT_BYTES_LABEL, MAX_XLSX_UNCOMPRESSED_BYTES, MAX_XLSX_UNCOMPRESSED_LABEL } from './limits';
import type { RawTable } from './table';
import { readXlsx } from './xlsx';

export interface UploadedFile {
	/** The client's file name; only its extension is used. */
	name: string;
	bytes: Uint8Array;
}

export type FileKind = 'csv' | 'xlsx';

const ZIP = [0x50, 0x4b, 0x03, 0x04] as const; // PK\3\4: .xlsx (and .docx, .zip …)
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1] as const; // .xls, .doc

function hasPrefix(bytes: Uint8Array, prefix: readonly number[]): boolean {
	return bytes.length >= prefix.length && prefix.every((b, i) => bytes[i] === b);
}

function extensionOf(name: string): string {
	const m = /\.([A-Za-z0-9]+)$/.exec(name.trim());
	return m ? m[1]!.toLowerCase() : '';
}

const BINARY_MAGIC: readonly (readonly number[])[] = [
	[0x25, 0x50, 0x44, 0x46], // %PDF
	[0x89, 0x50, 0x4e, 0x47], // PNG
	[0xff, 0xd8, 0xff], // JPEG
	[0x47, 0x49, 0x46, 0x38], // GIF8
	[0x52, 0x61, 0x72, 0x21], // Rar!
	[0x1f, 0x8b] // gzip
];

export type FileCheck = { ok: true; kind: FileKind } | { ok: false; error: FileError };

/**
 * Decides whether an upload is an XLSX or a CSV from both its extension and its first bytes;
 * they must agree. Excel 97–2003 (.xls, or an .xls renamed) gets its own message.
 */
export function checkImportFile(file: UploadedFile): FileCheck {
	const { bytes, name } = file;
	if (bytes.length > MAX_IMPORT_BYTES) {
		return { ok: false, error: { code: 'import.error.file_too_large', params: { limit: MAX_IMPORT_BYTES_LABEL } } };
	}
	if (bytes.length === 0) return { ok: false, error: { code: 'import.error.file_empty', params: {} } };
	const ext = extensionOf(name);
	const wrongType: FileCheck = { ok: false, error: { code: 'import.error.file_type', params: { name } } };
	if (hasPrefix(bytes, OLE2)) {
		return ext === 'xls' || ext === 'xlsx' ? { ok: false, error: { code: 'import.error.xls_legacy', params: {} } } : wrongType;
	}
	if (ext === 'xlsx') {
		if (!hasPrefix(bytes, ZIP)) return wrongType;
		const expanded = zipUncompressedSize(bytes);
		if (expanded === null) return { ok: false, error: { code: 'import.error.xlsx_unreadable', params: {} } };
		if (expanded > MAX_XLSX_UNCOMPRESSED_BYTES) {
			return { ok: false, error: { code: 'import.error.xlsx_too_large', params: { limit: MAX_XLSX_UNCOMPRESSED_LABEL } } };
		}
		return { ok: true, kind: 'xlsx' };
	}
	if (ext === 'xls') return { ok: false, error: { code: 'import.error.xls_legacy', params: {} } };
	if (ext === 'csv' || ext === 'txt') {
		if (hasPrefix(bytes, ZIP) || BINARY_MAGIC.some((m) => hasPrefix(bytes, m))) return wrongType;
		return { ok: true, kind: 'csv' };
	}
	return wrongType;
}

/**
 * Sum of the uncompressed sizes in a zip's central directory, or null if it cannot be read.
 * ZIP64 entries (sizes of 4 GiB and more) count as infinitely large.
 */
export function zipUncompressedSize(bytes: Uint8Array): number | null {
	const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	// The end-of-central-directory record sits in the last 22 + 65,535 (comment) bytes.
	const stop = Math.max(0, bytes.length - 22 - 0xffff);
	let eocd = -1;
	for (let i = bytes.length - 22; i >= stop; i--) {
		if (view.getUint32(i, true) === 0x06054b50) {
			eocd = i;
			break;
		}
	}
	if (eocd < 0) return null;
	const entries = view.getUint16(eocd + 10, true);
	let offset = view.getUint32(eocd + 16, true);
	let total = 0;
	for (let n = 0; n < entries; n++) {
		if (offset + 46 > bytes.length || view.getUint32(offset, true) !== 0x02014b50) return null;
		const size = view.getUint32(offset + 24, true);
		if (size === 0xffffffff) return Number.POSITIVE_INFINITY;
		total += size;
		offset += 46 + view.getUint16(offset + 28, true) + view.getUint16(offset + 30, true) + view.getUint16(offset + 32, true);
	}
	return total;
}

export type TableRead = { ok: true; kind: FileKind; table: RawTable } | { ok: false; error: FileError };

/** All file-level checks, then the cells. Row-level validation is the caller's (staff.ts, units.ts). */
export async function readImportFile(file: UploadedFile): Promise<TableRead> {
	const check = checkImportFile(file);
	if (!check.ok) return check;
	if (check.kind === 'xlsx') {
		const r = await readXlsx(file.bytes);
		return r.ok ? { ok: true, kind: 'xlsx', table: r.table } : r;
	}
	const decoded = decodeText(file.bytes);
	if (!decoded.ok) return decoded;
	if (decoded.text.trim() === '') return { ok: false, error: { code: 'import.error.file_empty', params: {} } };
	const csv = parseCsv(decoded.text);
	if (!csv.ok) return { ok: false, error: { code: 'import.error.csv_malformed', params: { row: csv.row } } };
	return { ok: true, kind: 'csv', table: { rows: csv.records } };
}
