// Import (preview, then all-or-nothing commit) and export of units and staff. Admins only
// ('org.manage'). The uploaded file is the only input, read on the server: the preview keeps the cells
// it read in a short-lived in-memory store under a random token bound to the admin who uploaded it, and
// the commit validates those cells again against the database as it is then (nothing from the client
// but the token and the column mapping is used, and nothing validated earlier is trusted). Matching is
// on unit code / employee code, so re-importing a file changes nothing.
//
// Headers no synonym matches go through a mapping step (README, "Mapping step"): the admin picks the field of
// each such column, the kept cells are checked again with that mapping (no second upload), and the
// mapping is remembered for the next file with the same header row (repos/import-mappings.ts).
import { randomBytes, createHash } from 'node:crypto';
import type { Actor } from '../../domain/user';
import { authorize } from '../authz';
import type { Pb } from '../pb/create';
import { auditRepo } from '../repos/audit';
import { importMappingsRepo } from '../repos/import-mappings';
import { orgDirectoryRepo, type UnitEntry } from '../repos/org-directory';
import { newRecordId, orgImportRepo, type ImportWrites, type UnitWrite } from '../repos/org-import';
import { staffRepo } from '../repos/staff';
import { vnDay } from '../../domain/time';
import { ok, refuse, type Refusal, type Result } from '../../domain/result';
import { t } from '../../i18n/t';
import {
	diffStaff,
	diffUnits,
	exportFileName,
	exportStaffCsv,
	exportStaffXlsx,
	exportUnitsCsv,
	exportUnitsXlsx,
	exportErrorRowsXlsx,
	mappingStep,
	cleanMapping,
	staffRowsTable,
	unitRowsTable,
	STAFF_COLUMNS,
	UNIT_COLUMNS,
	type ColumnMapping,
	type MappingColumn,
	type RowsTable,
	readImportFile,
	summarizeStaffUpdate,
	summarizeUnitUpdate,
	type UpdateSummary,
	validateStaffTable,
	validateUnitTable,
	isCommittable,
	sortUnitsParentFirst,
	type FileError,
	type RowError,
	type StaffRecord,
	type UnitRecord,
	type RawTable,
	type UploadedFile
} from '../../domain/import';

export type ImportKind = 'units' | 'staff';

export interface ImportCounts {
	create: number;
	update: number;
	unchanged: number;
	/** Staff whose unit changes (a transfer is recorded for each). */
	transfer: number;
}

export interface ImportPreview {
	kind: ImportKind;
	fileName: string;
	rows: number;
	counts: ImportCounts;
	errors: RowError[];
	/** Headers of the file's columns the app does not store (listed as ignored, never dropped silently). */
	ignored: string[];
	/** Who is updated and which fields change (the first MAX_UPDATES_SHOWN, in file order). */
	updates: UpdateSummary[];
	/** The first MAX_NEW_ROWS_SHOWN new rows, in file order. */
	created: RowsTable;
	/**
	 * The mapping step: present when some column matches no synonym. With `missing` non-empty the
	 * file cannot be checked yet (counts are zero) until the admin maps those fields.
	 */
	mapping: PreviewMapping | null;
	/** The kept file, for a re-check with a mapping (`remap`) and the error file (`errorFile`). */
	draft: string;
	/** Present only when the file can be committed (no error at all): the draft, for `commit`. */
	token: string | null;
}

export interface PreviewMapping {
	columns: MappingColumn<string>[];
	/** The first rows of the file under those columns. */
	sample: string[][];
	/** Labels of the required fields no column holds yet. */
	missing: string[];
	/** The fields a column may be mapped to, in template order. */
	fields: { field: string; label: string; required: boolean }[];
	/** True when the mapping was remembered from an earlier file with the same headers. */
	remembered: boolean;
}

export interface ImportDone {
	kind: ImportKind;
	counts: ImportCounts;
}

interface Pending {
	actorId: string;
	kind: ImportKind;
	fileName: string;
	/** The cells as read at preview (reading an XLSX is the slow part; it is not repeated). */
	table: RawTable;
	/** The column mapping in force (remembered or chosen). */
	mapping: ColumnMapping;
	/** SHA-256 of the header row's signature: the key of a remembered mapping. */
	headerHash: string | null;
	/** True when the last check found no error (commit checks again anyway). */
	committable: boolean;
	sha256: string;
	expiresAt: number;
}

/** How long a previewed file waits for its commit. */
export const PENDING_TTL_MS = 30 * 60_000;
const MAX_PENDING = 20;

/** A file that cannot be read or has the wrong columns: one message for the whole file. */
const fileRefusal = (e: FileError): Refusal => refuse(400, e.code, undefined, e.params);

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

interface Plan {
	ok: boolean;
	rows: number;
	errors: RowError[];
	fileError: FileError | null;
	ignored: string[];
	updates: UpdateSummary[];
	created: RowsTable;
	counts: ImportCounts;
	writes: ImportWrites;
}

/** Updates described one by one in the preview; the rest are counted. */
export const MAX_UPDATES_SHOWN = 200;
/** New rows shown in the preview's table; the rest are counted. */
export const MAX_NEW_ROWS_SHOWN = 10;

const specsOf = (kind: ImportKind) => (kind === 'units' ? UNIT_COLUMNS : STAFF_COLUMNS);

export function orgImportService(pb: Pb, clock: () => Date) {
	const directory = orgDirectoryRepo(pb);
	const staff = staffRepo(pb);
	const writer = orgImportRepo(pb);
	const audit = auditRepo(pb);
	const mappings = importMappingsRepo(pb);
	// In memory: adapter-node runs one process. A restart forgets pending previews (the admin uploads again).
	const pending = new Map<string, Pending>();

	function sweep(now: number) {
		for (const [k, p] of pending) if (p.expiresAt <= now) pending.delete(k);
		while (pending.size > MAX_PENDING) pending.delete(pending.keys().next().value!);
	}

	const toUnitRecord =
		(byId: Map<string, UnitEntry>) =>
		(u: UnitEntry): UnitRecord => ({
			code: u.code,
			name: u.name,
			kind: u.kind,
			parentCode: u.parentId ? (byId.get(u.parentId)?.code ?? null) : null,
			active: u.active
		});

	async function planUnits(table: RawTable, mapping: ColumnMapping): Promise<Plan> {
		const units = await directory.listUnits();
		const byId = new Map(units.map((u) => [u.id, u]));
		const existing = units.map(toUnitRecord(byId));
		const result = validateUnitTable(table, {
			knownUnitCodes: new Set(units.map((u) => u.code)),
			existingParents: new Map(existing.map((u) => [u.code, u.parentCode])),
			knownUnits: units,
			mapping
		});
		const diff = diffUnits(
			result.rows.map((r) => r.data),
			existing
		);
		const idOf = new Map(units.map((u) => [u.code, u.id]));
		const creates = sortUnitsParentFirst(diff.creates);
		for (const u of creates) idOf.set(u.code, newRecordId());
		const write = (u: UnitRecord): UnitWrite => ({
			id: idOf.get(u.code)!,
			code: u.code,
			name: u.name,
			kind: u.kind,
			parentId: u.parentCode ? (idOf.get(u.parentCode) ?? null) : null,
			active: u.active
		});
		return {
			ok: isCommittable(result),
			rows: result.rows.length + new Set(result.errors.map((e) => e.row)).size,
			errors: result.errors,
			fileError: result.fileError,
			ignored: result.ignored ?? [],
			updates: diff.updates.slice(0, MAX_UPDATES_SHOWN).map(summarizeUnitUpdate),
			created: unitRowsTable(diff.creates.slice(0, MAX_NEW_ROWS_SHOWN)),
			counts: { create: diff.creates.length, update: diff.updates.length, unchanged: diff.unchanged.length, transfer: 0 },
			writes: { unitCreates: creates.map(write), unitUpdates: diff.updates.map((u) => write(u.after)) }
		};
	}

	async function planStaff(table: RawTable, mapping: ColumnMapping, fileName: string, actor: Actor): Promise<Plan> {
		const units = await directory.listUnits();
		const unitId = new Map(units.map((u) => [u.code, u.id]));
		const unitCode = new Map(units.map((u) => [u.id, u.code]));
		const today = vnDay(clock());
		const result = validateStaffTable(table, { knownUnitCodes: new Set(unitId.keys()), knownUnits: units, today, mapping });
		const stored = await staff.listAll();
		const idOfCode = new Map(stored.map((s) => [s.employeeCode, s.id]));
		const existing: StaffRecord[] = stored.map((s) => ({
			employeeCode: s.employeeCode,
			fullName: s.fullName,
			gender: s.gender,
			birthDate: s.birthDate,
			position: s.position === '' ? null : s.position,
			phone: s.phone || null,
			email: s.email || null,
			unitCode: unitCode.get(s.unitId) ?? '',
			category: s.category,
			active: s.active
		}));
		const diff = diffStaff(
			result.rows.map((r) => r.data),
			existing
		);
		const reason = t('vi', 'import.ui.transfer_reason', { file: fileName.slice(0, 200) });
		const writes: Required<Pick<ImportWrites, 'staffCreates' | 'staffUpdates' | 'transfers'>> = {
			staffCreates: diff.creates.map((s) => ({
				id: newRecordId(),
				employeeCode: s.employeeCode,
				fullName: s.fullName,
				gender: s.gender,
				birthDate: s.birthDate,
				unitId: unitId.get(s.unitCode)!,
				position: s.position ?? '',
				phone: s.phone ?? '',
				email: s.email ?? '',
				category: s.category,
				active: s.active
			})),
			staffUpdates: [],
			transfers: []
		};
		for (const u of diff.updates) {
			const id = idOfCode.get(u.key)!;
			const a = u.after;
			writes.staffUpdates.push({
				id,
				fullName: a.fullName,
				gender: a.gender,
				birthDate: a.birthDate,
				position: a.position ?? '',
				phone: a.phone ?? '',
				email: a.email ?? '',
				category: a.category,
				active: a.active,
				unitId: unitId.get(a.unitCode)!
			});
			if (u.changed.includes('unitCode')) {
				writes.transfers.push({
					staffId: id,
					fromUnitId: unitId.get(u.before.unitCode) ?? null,
					toUnitId: unitId.get(a.unitCode)!,
					effectiveDate: today,
					reason,
					actorId: actor.id
				});
			}
		}
		return {
			ok: isCommittable(result),
			rows: result.rows.length + new Set(result.errors.map((e) => e.row)).size,
			errors: result.errors,
			fileError: result.fileError,
			ignored: result.ignored ?? [],
			updates: diff.updates.slice(0, MAX_UPDATES_SHOWN).map(summarizeStaffUpdate),
			created: staffRowsTable(diff.creates.slice(0, MAX_NEW_ROWS_SHOWN)),
			counts: {
				create: diff.creates.length,
				update: diff.updates.length,
				unchanged: diff.unchanged.length,
				transfer: writes.transfers.length
			},
			writes
		};
	}

	const plan = (kind: ImportKind, table: RawTable, mapping: ColumnMapping, fileName: string, actor: Actor) =>
		kind === 'units' ? planUnits(table, mapping) : planStaff(table, mapping, fileName, actor);

	/** Checks a kept file with its mapping and says what a commit would do (the preview). */
	async function check(actor: Actor, draft: string, p: Pending, remembered: boolean): Promise<Result<ImportPreview>> {
		const specs = specsOf(p.kind);
		const step = mappingStep(p.table, specs, p.mapping);
		const unmapped = step ? step.columns.some((c) => !c.auto) : false;
		const mapping: PreviewMapping | null =
			step && (unmapped || step.missing.length > 0)
				? {
						columns: step.columns,
						sample: step.sample,
						missing: step.missing,
						fields: specs.map((c) => ({ field: c.field, label: c.label, required: c.required })),
						remembered
					}
				: null;
		// Required columns missing and no column left to map: the missing-headers message says it all.
		const empty: ImportCounts = { create: 0, update: 0, unchanged: 0, transfer: 0 };
		if (mapping && mapping.missing.length > 0 && unmapped) {
			// Not checkable yet: the mapping step is all the preview shows.
			p.committable = false;
			pending.set(draft, p);
			const none = { columns: [], rows: [] };
			return ok({
				kind: p.kind,
				fileName: p.fileName,
				rows: 0,
				counts: empty,
				errors: [],
				ignored: [],
				updates: [],
				created: none,
				mapping,
				draft,
				token: null
			});
		}
		const r = await plan(p.kind, p.table, p.mapping, p.fileName, actor);
		if (r.fileError) {
			pending.delete(draft);
			return fileRefusal(r.fileError);
		}
		p.committable = r.ok;
		pending.set(draft, p);
		return ok({
			kind: p.kind,
			fileName: p.fileName,
			rows: r.rows,
			counts: r.counts,
			errors: r.errors,
			ignored: r.ignored,
			updates: r.updates,
			created: r.created,
			mapping,
			draft,
			token: r.ok ? draft : null
		});
	}

	/** The kept file of this admin under `draft`, or null (unknown, expired, another admin's). */
	function draftOf(actor: Actor, draft: string): Pending | null {
		sweep(clock().getTime());
		const p = pending.get(draft);
		return p && p.actorId === actor.id ? p : null;
	}

	const hashOf = (kind: ImportKind, table: RawTable) => {
		const step = mappingStep(table, specsOf(kind));
		return step && step.signature !== '' ? createHash('sha256').update(`${kind}\n${step.signature}`).digest('hex') : null;
	};

	return {
		/**
		 * Reads and validates an uploaded file and says what a commit would do. A mapping remembered for
		 * the same header row is applied. When the file has no error, returns a token for `commit`.
		 * Counts describe the rows without errors.
		 */
		async preview(actor: Actor, kind: ImportKind, file: UploadedFile): Promise<Result<ImportPreview>> {
			authorize(actor, 'org.manage');
			const read = await readImportFile(file);
			if (!read.ok) return fileRefusal(read.error);
			const headerHash = hashOf(kind, read.table);
			const stored = headerHash ? await mappings.find(kind, headerHash) : null;
			const now = clock().getTime();
			sweep(now);
			const draft = randomBytes(24).toString('base64url');
			const p: Pending = {
				actorId: actor.id,
				kind,
				fileName: file.name,
				table: read.table,
				mapping: stored ? cleanMapping(stored, specsOf(kind)) : {},
				headerHash,
				committable: false,
				sha256: sha256(file.bytes),
				expiresAt: now + PENDING_TTL_MS
			};
			return check(actor, draft, p, stored !== null);
		},

		/**
		 * The mapping step's answer: checks the kept file again with the admin's `mapping` (header key →
		 * field, '' = ignore) and remembers the mapping for the next file with the same header row.
		 * Refusal: import.ui.expired (404) for an unknown or expired draft.
		 */
		async remap(actor: Actor, draft: string, mapping: Readonly<Record<string, unknown>>): Promise<Result<ImportPreview>> {
			authorize(actor, 'org.manage');
			const p = draftOf(actor, draft);
			if (!p) return refuse(404, 'import.ui.expired');
			const specs = specsOf(p.kind);
			// Only columns the synonyms leave unmatched are the admin's to map.
			const step = mappingStep(p.table, specs);
			const open = new Set(step?.columns.filter((c) => !c.auto).map((c) => c.key));
			const chosen = Object.fromEntries(Object.entries(cleanMapping(mapping, specs)).filter(([k]) => open.has(k)));
			p.mapping = chosen;
			p.expiresAt = clock().getTime() + PENDING_TTL_MS;
			if (p.headerHash) await mappings.save(p.kind, p.headerHash, chosen);
			return check(actor, draft, p, false);
		},

		/**
		 * The rows of a kept file that have errors, as an XLSX to fix and upload again (the file's own
		 * columns plus one with the reasons, in Vietnamese). Refusal: import.ui.expired (404).
		 */
		async errorFile(actor: Actor, draft: string): Promise<Result<{ bytes: Uint8Array; fileName: string; contentType: string }>> {
			authorize(actor, 'org.manage');
			const p = draftOf(actor, draft);
			if (!p) return refuse(404, 'import.ui.expired');
			const step = mappingStep(p.table, specsOf(p.kind), p.mapping);
			const r = await plan(p.kind, p.table, p.mapping, p.fileName, actor);
			if (!step || r.fileError) return refuse(404, 'import.ui.expired');
			const errors = r.errors.map((e) => ({ row: e.row, column: e.column, message: t('vi', e.code, e.params) }));
			const bytes = await exportErrorRowsXlsx(p.table, { row: step.headerRow, cells: step.headerCells }, errors);
			const base =
				p.fileName
					.replace(/\.[^.]*$/, '')
					.replace(/[^\p{L}\p{N}._-]+/gu, '-')
					.slice(0, 80) || 'tep';
			return ok({ bytes, fileName: `${base}-loi.xlsx`, contentType: XLSX_TYPE });
		},

		/**
		 * Commits a previewed file, all or nothing (one PocketBase transaction). The file is validated
		 * again: if the data changed meanwhile so that it no longer passes, nothing is saved.
		 * Failure codes: import.ui.expired (404: unknown, expired, or another admin's token),
		 * import.ui.now_invalid (409).
		 */
		async commit(actor: Actor, token: string): Promise<Result<ImportDone>> {
			authorize(actor, 'org.manage');
			sweep(clock().getTime());
			const p = pending.get(token);
			if (!p || p.actorId !== actor.id || !p.committable) {
				return refuse(404, 'import.ui.expired');
			}
			pending.delete(token);
			const again = await plan(p.kind, p.table, p.mapping, p.fileName, actor);
			if (!again.ok) return refuse(409, 'import.ui.now_invalid');
			await writer.apply(again.writes);
			await audit.write({
				actorId: actor.id,
				action: `import.${p.kind}`,
				data: { file: p.fileName, sha256: p.sha256, ...again.counts }
			});
			return ok({ kind: p.kind, counts: again.counts });
		},

		/** An export that re-imports unchanged: units or staff, CSV (UTF-8 with BOM) or XLSX. */
		async export(actor: Actor, what: ImportKind, format: 'csv' | 'xlsx') {
			authorize(actor, 'org.manage');
			const units = await directory.listUnits();
			const byId = new Map(units.map((u) => [u.id, u]));
			let bytes: Uint8Array;
			if (what === 'units') {
				const rows = sortUnitsParentFirst(units.map(toUnitRecord(byId)));
				bytes = format === 'csv' ? exportUnitsCsv(rows) : await exportUnitsXlsx(rows);
			} else {
				const rows: StaffRecord[] = (await staff.listAll()).map((s) => ({
					employeeCode: s.employeeCode,
					fullName: s.fullName,
					gender: s.gender,
					birthDate: s.birthDate,
					position: s.position || null,
					phone: s.phone || null,
					email: s.email || null,
					unitCode: byId.get(s.unitId)?.code ?? '',
					category: s.category,
					active: s.active
				}));
				bytes = format === 'csv' ? exportStaffCsv(rows) : await exportStaffXlsx(rows);
			}
			return {
				bytes,
				fileName: exportFileName(what, vnDay(clock()), format),
				contentType: format === 'csv' ? 'text/csv; charset=utf-8' : XLSX_TYPE
			};
		}
	};
}

export type OrgImportService = ReturnType<typeof orgImportService>;
