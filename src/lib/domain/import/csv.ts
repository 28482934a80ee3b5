// RFC 4180 CSV: read (quoted fields, "" escapes, line breaks inside quotes, CRLF/LF/CR) and write.
// Small on purpose; the only dialect choice is the delimiter, sniffed from the header line because
// Excel writes ';' where the list separator is ';' (common with a comma as decimal separator).

export type CsvDelimiter = ',' | ';' | '\t';

export interface CsvRecord {
	/** 1-based record number, the row number Excel shows for it (a "sep=" line is not counted). */
	row: number;
	cells: string[];
}

export type CsvParseResult = { ok: true; records: CsvRecord[]; delimiter: CsvDelimiter } | { ok: false; row: number };

const CANDIDATES: readonly CsvDelimiter[] = [',', ';', '\t'];

/** Picks the delimiter that occurs most often outside quotes on the first line; ',' on a tie. */
export function sniffDelimiter(text: string): CsvDelimiter {
	const counts = new Map<CsvDelimiter, number>(CANDIDATES.map((d) => [d, 0]));
	let inQuotes = false;
	for (const ch of text) {
		if (ch === '"') inQuotes = !inQuotes;
		else if (!inQuotes && (ch === '\n' || ch === '\r')) break;
		else if (!inQuotes && counts.has(ch as CsvDelimiter)) {
			counts.set(ch as CsvDelimiter, counts.get(ch as CsvDelimiter)! + 1);
		}
	}
	let best: CsvDelimiter = ',';
	for (const d of CANDIDATES) if (counts.get(d)! > counts.get(best)!) best = d;
	return best;
}

/**
 * Parses CSV text (already decoded, BOM removed). An Excel "sep=;" first line sets the delimiter
 * and is skipped. Lenient where RFC 4180 is silent: a quote inside an unquoted field is literal,
 * and text after a closing quote is appended. An unterminated quoted field is an error (the rest
 * of the file would otherwise be swallowed into one cell). Blank lines are kept as empty records
 * so row numbers stay those of the file; callers skip them.
 */
export function parseCsv(input: string, delimiter?: CsvDelimiter): CsvParseResult {
	let text = input;
	const sep = /^sep=(.)\r?\n/i.exec(text);
	if (sep && CANDIDATES.includes(sep[1] as CsvDelimiter)) {
		delimiter = sep[1] as CsvDelimiter;
		text = text.slice(sep[0].length);
	}
	const d = delimiter ?? sniffDelimiter(text);
	const records: CsvRecord[] = [];
	let cells: string[] = [];
	let field = '';
	let i = 0;
	let row = 1;
	let recordStart = 0;
	const n = text.length;
	const endRecord = () => {
		cells.push(field);
		records.push({ row, cells });
		row += 1;
		cells = [];
		field = '';
	};
	while (i < n) {
		const ch = text[i]!;
		if (ch === '"' && field === '') {
			// Quoted field: read to the closing quote.
			const startRow = row;
			i += 1;
			let closed = false;
			while (i < n) {
				const c = text[i]!;
				if (c === '"') {
					if (text[i + 1] === '"') {
						field += '"';
						i += 2;
						continue;
					}
					closed = true;
					i += 1;
					break;
				}
				field += c;
				i += 1;
			}
			if (!closed) return { ok: false, row: startRow };
			continue;
		}
		if (ch === d) {
			cells.push(field);
			field = '';
			i += 1;
		} else if (ch === '\r' || ch === '\n') {
			endRecord();
			i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
			recordStart = i;
		} else {
			field += ch;
			i += 1;
		}
	}
	// A final line without a line break is a record; a trailing line break is not an extra one.
	if (n > recordStart) endRecord();
	return { ok: true, records, delimiter: d };
}

/** Quotes a field when it holds the delimiter, a quote, a line break, or edge spaces. */
function quoteField(value: string, delimiter: CsvDelimiter): string {
	if (value.includes(delimiter) || value.includes('"') || value.includes('\n') || value.includes('\r') || value !== value.trim()) {
		return `"${value.replace(/"/g, '""')}"`;
	}
	return value;
}

/** Writes records as CSV text with CRLF line ends (RFC 4180). No injection guard here: see export.ts. */
export function writeCsv(rows: readonly (readonly string[])[], delimiter: CsvDelimiter = ','): string {
	return rows.map((r) => r.map((v) => quoteField(v, delimiter)).join(delimiter)).join('\r\n') + '\r\n';
}
