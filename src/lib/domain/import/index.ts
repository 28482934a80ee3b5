// Import and export of organisation data (units, staff) from and to CSV and XLSX.
export * from './model';
export * from './errors';
export * from './limits';
export { decodeText, findMojibake, type DecodeResult } from './decode';
export { parseCsv, writeCsv, sniffDelimiter, type CsvDelimiter, type CsvRecord } from './csv';
export { readXlsx, writeXlsx, type XlsxColumn } from './xlsx';
export { checkImportFile, readImportFile, zipUncompressedSize, type UploadedFile, type FileKind } from './file';
export {
	neutralizeFormula,
	stripFormulaGuard,
	cleanCell,
	matchHeader,
	mappingStep,
	cleanMapping,
	ERROR_COLUMN_HEADER,
	MAPPING_SAMPLE_ROWS,
	type ColumnMapping,
	type MappingColumn,
	type MappingStep,
	type RawTable,
	type RawRow
} from './table';
export { parseSheetDate, parseUnitKind, parseStaffCategory, parseGender, parseStatus } from './fields';
export { STAFF_COLUMNS, importStaffFile, validateStaffTable, type StaffImportOptions } from './staff';
export { UNIT_COLUMNS, importUnitsFile, validateUnitTable, findCycles, sortUnitsParentFirst, type UnitImportOptions } from './units';
export {
	exportStaffCsv,
	exportStaffXlsx,
	exportUnitsCsv,
	exportUnitsXlsx,
	exportFileName,
	exportErrorRowsXlsx,
	staffRowsTable,
	unitRowsTable,
	type RowsTable,
	summarizeStaffUpdate,
	summarizeUnitUpdate,
	type CsvExportOptions,
	type FieldChange,
	type UpdateSummary
} from './export';
export { diffStaff, diffUnits, type ImportDiff, type RecordUpdate } from './diff';
