// Vietnamese text helpers: storage normalisation, accent-insensitive search keys, name sorting.
//
// Rules (docs/report-formats.md, "Text conventions"):
// - Store and compare Vietnamese text in Unicode NFC.
// - Search is accent- and case-insensitive, treats NFD and NFC input alike, treats the old and new
//   tone-mark placements alike (`Uỷ`/`Ủy`, `hoà`/`hòa`) and matches 'đ' with 'd'.
// - People sort by given name (last word), then by the rest, with Intl.Collator('vi').
//
// Stored text is never rewritten to the other tone-mark placement: a person's name is theirs.

/** Unicode NFC. Everything persisted goes through this (or through `normalizeText`). */
export function toNFC(s: string): string {
	return s.normalize('NFC');
}

// Zero-width characters that Excel and web copy/paste leave behind; invisible, never meaningful here.
const ZERO_WIDTH = /[\u200B-\u200D\u2060\uFEFF]/g;
// \s covers NBSP (U+00A0), the U+2000 block, line/paragraph separators, tabs and newlines.
const WHITESPACE_RUN = /\s+/g;

/**
 * Single-line text as stored: NFC, zero-width characters removed, every run of whitespace
 * (including NBSP, tabs and line breaks from Alt+Enter in Excel) collapsed to one space, trimmed.
 */
export function normalizeText(s: string): string {
	return toNFC(s).replace(ZERO_WIDTH, '').replace(WHITESPACE_RUN, ' ').trim();
}

// After NFD every Vietnamese diacritic (breve, circumflex, horn, the five tone marks) is a combining
// mark; 'đ'/'Đ' is a letter of its own and needs mapping. U+00D0/U+00F0 (eth) look identical to
// Đ/đ and are typed by some legacy input methods.
const COMBINING_MARKS = /\p{M}/gu;
const D_LIKE = /[đĐðÐ]/g;

/**
 * The key that accent-insensitive search compares: lower case, diacritics removed, 'đ' → 'd',
 * whitespace collapsed. Works the same on NFC and NFD input, so "nguyen van an", "Nguyễn Văn An"
 * and its decomposed form all give "nguyen van an". Store it beside the text (`search_key`) and
 * compare the user's query with `searchKey(query)`.
 */
export function searchKey(s: string): string {
	return s
		.normalize('NFD')
		.replace(COMBINING_MARKS, '')
		.replace(D_LIKE, 'd')
		.replace(ZERO_WIDTH, '')
		.toLowerCase()
		.replace(WHITESPACE_RUN, ' ')
		.trim();
}

const collator = new Intl.Collator('vi', { numeric: true });

/** Vietnamese collation (a < ă < â < b … d < đ …), for any list of Vietnamese strings. */
export function compareVietnamese(a: string, b: string): number {
	return collator.compare(toNFC(a), toNFC(b));
}

/**
 * Sort key of a Vietnamese personal name: the given name (last word) first, then the rest
 * (family and middle names). A structured key rather than a concatenated string on purpose:
 * the collator ignores control characters, so "An\0…" would not sort before "Anh".
 */
export interface NameSortKey {
	given: string;
	rest: string;
}

export function vnNameSortKey(fullName: string): NameSortKey {
	const words = normalizeText(fullName).split(' ');
	const given = words.pop() ?? '';
	return { given, rest: words.join(' ') };
}

/**
 * Compares two full names the Vietnamese way: by given name, then family and middle names, then the
 * whole string (so the order is total and stable). "Lê Thị Bích Trâm" sorts under T, after
 * "Nguyễn Văn An" (A).
 */
export function compareVnNames(a: string, b: string): number {
	const ka = vnNameSortKey(a);
	const kb = vnNameSortKey(b);
	return collator.compare(ka.given, kb.given) || collator.compare(ka.rest, kb.rest) || collator.compare(toNFC(a), toNFC(b));
}

/** Text as the exact (diacritic-sensitive) search level compares it: NFC, lower case, spaces collapsed. */
const exactKey = (s: string) => normalizeText(s).toLocaleLowerCase('vi');

/**
 * How well `text` matches a search `query` (the one ranking rule of the staff and account lists):
 * 0 = the query appears with its diacritics as typed ("Phượng" in "Lê Thị Phượng"), 1 = it appears
 * only accent-free ("Phượng" in "Lê Thị Phương"), null = no match. Case and NFC/NFD are ignored at
 * both levels; an empty query matches everything at 0.
 */
export function searchRank(text: string, query: string): 0 | 1 | null {
	const q = exactKey(query);
	if (q === '' || exactKey(text).includes(q)) return 0;
	return searchKey(text).includes(searchKey(query)) ? 1 : null;
}

/**
 * `items` ordered by searchRank of their texts (the best of them) against `query`, keeping the given
 * order within a rank (a stable sort); items that match at neither level are kept last, in order.
 */
export function rankBySearch<T>(items: readonly T[], query: string, texts: (item: T) => readonly string[]): T[] {
	const rank = (item: T) => Math.min(...texts(item).map((t) => searchRank(t, query) ?? 2));
	return items
		.map((item, i) => ({ item, i, r: rank(item) }))
		.sort((a, b) => a.r - b.r || a.i - b.i)
		.map((x) => x.item);
}

// C0 controls except tab, line feed and carriage return (a textarea's line breaks), DEL and the C1 block:
// invisible, never typed on purpose, and they break exports and the PDF (docs/fuzzing.md).
// eslint-disable-next-line no-control-regex -- removing control characters is the point
const CONTROL_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;

/**
 * Free text as every form stores it (the one normaliser of submitted text, applied by parseForm to every
 * field that is not a secret): NFC, control characters removed, line breaks kept. Single-line fields
 * collapse whitespace on top of this with `normalizeText`.
 */
export function cleanInput(s: string): string {
	return toNFC(s).replace(CONTROL_CHARS, '');
}

/** Bytes of a string in UTF-8 (bcrypt, so PocketBase, reads at most 72 bytes of a password). */
export function utf8Bytes(s: string): number {
	return new TextEncoder().encode(s).length;
}
