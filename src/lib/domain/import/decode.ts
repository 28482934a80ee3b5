// Bytes → text for CSV imports. UTF-8 is the only 8-bit encoding accepted; anything else is refused
// with a message telling the user how to re-save the file, so legacy text is never stored as mojibake.
//
// Why refuse instead of guessing: Vietnamese legacy files come in Windows-1258 (tone marks as
// combining characters), Windows-1252 (Latin-1 only, already lossy), TCVN3/ABC and VNI (font
// encodings). Their bytes overlap, so a guess would sometimes be wrong, silently. Invalid UTF-8
// is unambiguous: the UTF-8 decoder in fatal mode throws.

import type { FileError } from './errors';

export type DecodeResult =
	{ ok: true; text: string; encoding: 'utf-8' | 'utf-16le' | 'utf-16be'; hadBom: boolean } | { ok: false; error: FileError };

const UTF8_BOM = [0xef, 0xbb, 0xbf] as const;

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
	return prefix.every((b, i) => bytes[i] === b);
}

function fatalDecode(encoding: string, bytes: Uint8Array): string | null {
	try {
		// ignoreBOM: the BOM is stripped by the caller, and a second one would be content.
		return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
	} catch {
		return null;
	}
}

// C0 controls other than tab, LF, CR (and DEL): VISCII puts capital letters there and binary files
// are full of them; no spreadsheet text contains them.
const CONTROL_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/**
 * Decodes an uploaded CSV. Accepts UTF-8 with or without BOM, and UTF-16 with a BOM (Excel's
 * "Unicode Text"). Refuses with `import.error.bad_encoding` (not UTF-8, e.g. Windows-1258, TCVN3,
 * Windows-1252 or VISCII) or `import.error.mojibake` (valid UTF-8 whose text was already garbled:
 * UTF-8 read as Windows-1252 and saved again, or U+FFFD replacement characters).
 */
export function decodeText(bytes: Uint8Array): DecodeResult {
	let text: string | null;
	let encoding: 'utf-8' | 'utf-16le' | 'utf-16be' = 'utf-8';
	let hadBom = false;
	if (startsWith(bytes, UTF8_BOM)) {
		hadBom = true;
		text = fatalDecode('utf-8', bytes.subarray(3));
	} else if (startsWith(bytes, [0xff, 0xfe])) {
		hadBom = true;
		encoding = 'utf-16le';
		text = fatalDecode('utf-16le', bytes.subarray(2));
	} else if (startsWith(bytes, [0xfe, 0xff])) {
		hadBom = true;
		encoding = 'utf-16be';
		text = fatalDecode('utf-16be', bytes.subarray(2));
	} else {
		text = fatalDecode('utf-8', bytes);
	}
	if (text === null) return badEncoding();
	// A DOS end-of-file marker (Ctrl+Z) at the very end is harmless.
	text = text.replace(/\u001A+$/, '');
	if (CONTROL_CHARS.test(text)) return badEncoding();

	const garbled = findMojibake(text);
	if (garbled) return { ok: false, error: { code: 'import.error.mojibake', params: { sample: garbled } } };
	return { ok: true, text, encoding, hadBom };
}

function badEncoding(): DecodeResult {
	return { ok: false, error: { code: 'import.error.bad_encoding', params: {} } };
}

// Windows-1252 characters for bytes 0x80–0x9F (the rest of 0x80–0xFF is Latin-1 itself).
const CP1252_HIGH: Record<string, number> = {
	'€': 0x80,
	'‚': 0x82,
	ƒ: 0x83,
	'„': 0x84,
	'…': 0x85,
	'†': 0x86,
	'‡': 0x87,
	ˆ: 0x88,
	'‰': 0x89,
	Š: 0x8a,
	'‹': 0x8b,
	Œ: 0x8c,
	Ž: 0x8e,
	'‘': 0x91,
	'’': 0x92,
	'“': 0x93,
	'”': 0x94,
	'•': 0x95,
	'–': 0x96,
	'—': 0x97,
	'˜': 0x98,
	'™': 0x99,
	š: 0x9a,
	'›': 0x9b,
	œ: 0x9c,
	ž: 0x9e,
	Ÿ: 0x9f
};

const CP1252_CONT = `\\u0080-\\u00BF${Object.keys(CP1252_HIGH).join('')}`;
// A UTF-8 lead byte followed by its continuation bytes, each shown as its Windows-1252 character.
const DOUBLE_ENCODED = new RegExp(
	`[\\u00C2-\\u00DF][${CP1252_CONT}]|[\\u00E0-\\u00EF][${CP1252_CONT}]{2}|[\\u00F0-\\u00F4][${CP1252_CONT}]{3}`,
	'u'
);

function toCp1252Bytes(text: string): Uint8Array | null {
	const out: number[] = [];
	for (const ch of text) {
		const cp = ch.codePointAt(0)!;
		if (cp <= 0xff) out.push(cp);
		else if (ch in CP1252_HIGH) out.push(CP1252_HIGH[ch]!);
		else return null;
	}
	return Uint8Array.from(out);
}

/** The word around index `i`, for showing the user what looks wrong. */
function wordAround(text: string, i: number): string {
	const start = text.slice(0, i).search(/[^\s,;"]*$/);
	const rest = text.slice(i).match(/^[^\s,;"]*/)?.[0] ?? '';
	return text.slice(start, i) + rest;
}

/**
 * Returns a sample word if the text is recognisably garbled, else null.
 * Double encoding is only reported when the whole text is representable in Windows-1252 and,
 * re-encoded that way, is valid UTF-8: real Vietnamese text always has letters outside
 * Windows-1252 (ă, đ, ơ, ư, ạ …), so it can never match.
 */
export function findMojibake(text: string): string | null {
	const replacement = text.indexOf('\uFFFD');
	if (replacement >= 0) return wordAround(text, replacement);
	const m = DOUBLE_ENCODED.exec(text);
	if (!m) return null;
	const bytes = toCp1252Bytes(text);
	if (!bytes || fatalDecode('utf-8', bytes) === null) return null;
	return wordAround(text, m.index);
}
