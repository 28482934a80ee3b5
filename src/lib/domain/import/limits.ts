// Limits of the import. The upload route must enforce the byte limit before reading the body too
// (adapter-node BODY_SIZE_LIMIT); these checks are the domain's own guard and give the message.

/** Largest accepted upload: 5 MB holds well over 10,000 staff rows in either format. */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;
export const MAX_IMPORT_BYTES_LABEL = '5 MB';

/** An .xlsx is a zip: refuse archives that expand beyond this (zip bombs) before exceljs inflates them. */
export const MAX_XLSX_UNCOMPRESSED_BYTES = 100 * 1024 * 1024;
export const MAX_XLSX_UNCOMPRESSED_LABEL = '100 MB';

/** Data rows per file (the header row not counted). */
export const MAX_IMPORT_ROWS = 10_000;

/** The header row is looked for among the first rows, so a title line above it is fine. */
export const HEADER_SEARCH_ROWS = 20;
