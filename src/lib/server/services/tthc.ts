// TTHC period statistics (issue #16 §1–§2, docs/tthc.md): read a unit's periods with their warnings,
// enter one period on a form, import the one-stop export (preview, then an all-or-nothing commit).
// Who: 'tthc.view' (the office; a unit head their own unit) and 'tthc.enter' (admins, inspectors), in
// authz/policy.ts. The rules (counts, identity, carry-over, rates) are domain/tthc.ts.
import { createHash, randomBytes } from 'node:crypto';
import type { Actor } from '../../domain/user';
import { authorize, can } from '../authz';
import type { Pb } from '../pb/create';
import { auditRepo } from '../repos/audit';
import { orgDirectoryRepo, type UnitEntry } from '../repos/org-directory';
import { tthcStatsRepo, type TthcStatRow, type TthcWrite } from '../repos/tthc-stats';
import { tthcDossiersRepo } from '../repos/tthc-dossiers';
import { isOverdue, MAX_RESETS } from '../../domain/dossier-rules';
import { vnDay } from '../../domain/time';
import { notFound, ok, refuse, stale, type MessageKey, type Refusal, type Result } from '../../domain/result';
import { readImportFile, type FileError, type RawTable, type UploadedFile } from '../../domain/import';
import { isTthcCommittable, validateTthcTable, type TthcRowError } from '../../domain/import/tthc';
import {
	COUNT_FIELDS,
	periodOf,
	periodWarnings,
	previousPeriod,
	readCounts,
	type CountField,
	type PeriodKind,
	rates,
	type TthcCounts,
	type TthcPeriod,
	type TthcWarning
} from '../../domain/tthc';
import type { TthcEntryInput } from '../../domain/schemas/tthc';
import { t } from '../../i18n/t';

/** One sampled dossier of a unit, as the /tthc drill-down lists it. */
export interface UnitDossierView {
	id: string;
	inspectionId: string;
	checkTitle: string;
	checkDay: string;
	code: string;
	procedure: string;
	receivedOn: string;
	dueOn: string;
	returnedOn: string;
	overdue: boolean;
	apologyIssued: boolean;
	resetMany: boolean;
}

export interface TthcUnitOption {
	id: string;
	code: string;
	name: string;
	active: boolean;
	periods: number;
}

export interface TthcPeriodView {
	id: string;
	kind: PeriodKind;
	start: string;
	counts: TthcCounts;
	source: 'form' | 'import';
	version: number;
	warnings: TthcWarning[];
}

export interface TthcOverview {
	periods: TthcPeriod[];
	period: TthcPeriod | null;
	rows: { unit: { id: string; code: string; name: string }; view: TthcPeriodView }[];
}

export interface TthcImportPreview {
	fileName: string;
	rows: number;
	counts: { create: number; update: number; unchanged: number };
	errors: TthcRowError[];
	ignored: string[];
	token: string | null;
}

interface Pending {
	actorId: string;
	fileName: string;
	table: RawTable;
	sha256: string;
	expiresAt: number;
}

const PENDING_TTL_MS = 30 * 60_000;
const MAX_PENDING = 20;

const fileRefusal = (e: FileError): Refusal => refuse(400, e.code, undefined, e.params);
const sameCounts = (a: TthcCounts, b: TthcCounts) => COUNT_FIELDS.every((f) => a[f] === b[f]);
const rowKey = (unitId: string, kind: string, start: string) => `${unitId}|${kind}|${start}`;

export function tthcService(pb: Pb, clock: () => Date) {
	const stats = tthcStatsRepo(pb);
	const directory = orgDirectoryRepo(pb);
	const audit = auditRepo(pb);
	const pending = new Map<string, Pending>();

	function sweep(now: number) {
		for (const [k, p] of pending) if (p.expiresAt <= now) pending.delete(k);
		while (pending.size > MAX_PENDING) pending.delete(pending.keys().next().value!);
	}

	async function unitById(id: string): Promise<UnitEntry | null> {
		return (await directory.listUnits()).find((u) => u.id === id) ?? null;
	}

	/** The periods with the warnings that compare each with the one before it (same kind). */
	function withWarnings(rows: TthcStatRow[]): TthcPeriodView[] {
		const byKey = new Map(rows.map((r) => [rowKey(r.unitId, r.kind, r.start), r]));
		return rows.map((r) => {
			const prev = previousPeriod({ kind: r.kind, start: r.start });
			const before = byKey.get(rowKey(r.unitId, prev.kind, prev.start)) ?? null;
			return {
				id: r.id,
				kind: r.kind,
				start: r.start,
				counts: r.counts,
				source: r.source,
				version: r.version,
				warnings: periodWarnings({ kind: r.kind, start: r.start }, r.counts, before?.counts ?? null)
			};
		});
	}

	async function visibleUnits(actor: Actor): Promise<Result<TthcUnitOption[]>> {
		const units = (await directory.listUnits()).filter((u) => can(actor, 'tthc.view', { unitId: u.id }));
		if (units.length === 0) authorize(actor, 'tthc.view', { unitId: actor.unitId ?? null });
		const counts = new Map<string, number>();
		for (const r of await stats.listAll()) counts.set(r.unitId, (counts.get(r.unitId) ?? 0) + 1);
		return ok(units.map((u) => ({ id: u.id, code: u.code, name: u.name, active: u.active, periods: counts.get(u.id) ?? 0 })));
	}

	async function plan(table: RawTable) {
		const units = await directory.listUnits();
		const result = validateTthcTable(table, { units });
		const idOf = new Map(units.map((u) => [u.code, u.id]));
		const existing = new Map((await stats.listAll()).map((r) => [rowKey(r.unitId, r.kind, r.start), r]));
		const creates: TthcWrite[] = [];
		const updates: { id: string; version: number; counts: TthcCounts }[] = [];
		let unchanged = 0;
		for (const r of result.rows) {
			const unitId = idOf.get(r.unitCode)!;
			const stored = existing.get(rowKey(unitId, r.period.kind, r.period.start));
			if (!stored) creates.push({ unitId, kind: r.period.kind, start: r.period.start, counts: r.counts });
			else if (sameCounts(stored.counts, r.counts)) unchanged++;
			else updates.push({ id: stored.id, version: stored.version, counts: r.counts });
		}
		return {
			ok: isTthcCommittable(result),
			result,
			rows: result.rows.length + new Set(result.errors.map((e) => e.row)).size,
			creates,
			updates,
			counts: { create: creates.length, update: updates.length, unchanged }
		};
	}

	return {
		/** The units the actor may read, each with how many periods it has (the page's picker). */
		units: visibleUnits,

		/**
		 * One period across the units the actor may read (default: the newest period stored, quarters
		 * before months and years of the same start), ranked by on-time rate (best first), and the periods
		 * there are to choose from.
		 */
		async overview(actor: Actor, wanted: TthcPeriod | null): Promise<Result<TthcOverview>> {
			const visible = await visibleUnits(actor);
			if (!visible.ok) return visible;
			const names = new Map(visible.value.map((u) => [u.id, u]));
			const rows = (await stats.listAll()).filter((r) => names.has(r.unitId));
			const seen = new Map<string, TthcPeriod>();
			for (const r of rows) seen.set(`${r.kind}:${r.start}`, { kind: r.kind, start: r.start });
			const order: Record<PeriodKind, number> = { quarter: 0, month: 1, year: 2 };
			const periods = [...seen.values()].sort((a, b) => b.start.localeCompare(a.start) || order[a.kind] - order[b.kind]);
			const period = wanted && seen.has(`${wanted.kind}:${wanted.start}`) ? wanted : (periods[0] ?? null);
			const views = withWarnings(rows).filter((v) => period && v.kind === period.kind && v.start === period.start);
			const unitOf = new Map(rows.map((r) => [r.id, r.unitId]));
			const ranked = views
				.map((v) => ({ unit: names.get(unitOf.get(v.id)!)!, view: v, onTime: rates(v.counts, 2).onTime.scaled }))
				.sort((a, b) => (b.onTime ?? -1) - (a.onTime ?? -1) || a.unit.code.localeCompare(b.unit.code))
				.map(({ unit, view }) => ({ unit: { id: unit.id, code: unit.code, name: unit.name }, view }));
			return ok({ periods, period, rows: ranked });
		},

		/** A unit's periods, newest first, each with its warnings (carry-over mismatch and others). */
		async unitPeriods(actor: Actor, unitId: string): Promise<Result<{ unit: UnitEntry; periods: TthcPeriodView[] }>> {
			authorize(actor, 'tthc.view', { unitId });
			const unit = await unitById(unitId);
			if (!unit) return notFound();
			return ok({ unit, periods: withWarnings(await stats.listForUnit(unitId)) });
		},

		/**
		 * The dossiers sampled on site at a unit (issue #16 §5 drill-down, docs/tthc.md): each with its
		 * check, overdue as the on-site rules judge it at the check's day, and a return date reset more
		 * than `MAX_RESETS` times.
		 */
		async unitDossiers(actor: Actor, unitId: string): Promise<Result<UnitDossierView[]>> {
			authorize(actor, 'tthc.view', { unitId });
			if (!(await unitById(unitId))) return notFound();
			const rows = await tthcDossiersRepo(pb).listForUnit(unitId);
			return ok(
				rows.map((d) => ({
					id: d.id,
					inspectionId: d.inspectionId,
					checkTitle: d.checkTitle,
					checkDay: d.checkStart ? vnDay(d.checkStart) : '',
					code: d.code,
					procedure: d.procedure,
					receivedOn: d.receivedOn,
					dueOn: d.dueOn,
					returnedOn: d.returnedOn,
					overdue: d.checkStart ? isOverdue(d, vnDay(d.checkStart)) : false,
					apologyIssued: d.apologyIssued,
					resetMany: d.resetCount > MAX_RESETS
				}))
			);
		},

		/** The stored row of a period (to pre-fill the form), or null for a new one. */
		async entry(actor: Actor, unitId: string, kind: PeriodKind, start: string): Promise<Result<TthcPeriodView | null>> {
			authorize(actor, 'tthc.enter', { unitId });
			const row = await stats.find(unitId, kind, start);
			if (!row) return ok(null);
			return ok(withWarnings([row])[0]!);
		},

		/**
		 * Saves one period from the form. Counts are checked by domain/tthc.ts readCounts (each bad field
		 * named with its message); `version` is what the form read (0: a new period), so a save over a
		 * newer row (or over a row created meanwhile) is refused as stale.
		 */
		async save(actor: Actor, input: TthcEntryInput): Promise<Result<{ unitId: string; kind: PeriodKind; start: string }>> {
			authorize(actor, 'tthc.enter', { unitId: input.unit });
			const unit = await unitById(input.unit);
			if (!unit) return refuse(400, 'tthc.error.unit_unknown', 'unit');
			const period = periodOf(input.kind, input.year, input.part);
			if (!period) return refuse(400, 'tthc.error.part_invalid', 'part');
			const read = readCounts(input.counts);
			if (!read.ok) {
				const fields: Partial<Record<string, MessageKey>> = {};
				const fieldParams: Record<string, Record<string, string | number>> = {};
				for (const issue of read.issues) {
					fields[issue.field] = issue.code;
					const label = issue.field === 'balance' ? '' : t('vi', `tthc.field.${issue.field}` as `tthc.field.${CountField}`);
					fieldParams[issue.field] = { field: label, ...issue.params };
				}
				return { ok: false, status: 400, code: 'errors.invalid', fields, fieldParams };
			}
			const where = { unitId: unit.id, kind: period.kind, start: period.start };
			const stored = await stats.find(unit.id, period.kind, period.start);
			if (!stored) {
				if (input.version > 0) return stale(); // the row the form was read from is gone
				const id = await stats.create({ ...where, counts: read.counts }, 'form');
				if (!id) return stale();
			} else {
				if (stored.version !== input.version) return stale();
				if (!(await stats.update(stored.id, stored.version, read.counts, 'form'))) return stale();
			}
			await audit.write({
				actorId: actor.id,
				action: 'tthc.save',
				collection: 'tthc_period_stats',
				data: { ...where, counts: read.counts }
			});
			return ok(where);
		},

		/** Reads and checks an export; when it has no error, a token for `commitImport`. */
		async previewImport(actor: Actor, file: UploadedFile): Promise<Result<TthcImportPreview>> {
			authorize(actor, 'tthc.enter');
			const read = await readImportFile(file);
			if (!read.ok) return fileRefusal(read.error);
			const p = await plan(read.table);
			if (p.result.fileError) return fileRefusal(p.result.fileError);
			let token: string | null = null;
			if (p.ok) {
				const now = clock().getTime();
				sweep(now);
				token = randomBytes(24).toString('base64url');
				pending.set(token, {
					actorId: actor.id,
					fileName: file.name,
					table: read.table,
					sha256: createHash('sha256').update(file.bytes).digest('hex'),
					expiresAt: now + PENDING_TTL_MS
				});
			}
			return ok({ fileName: file.name, rows: p.rows, counts: p.counts, errors: p.result.errors, ignored: p.result.ignored, token });
		},

		/**
		 * Commits a previewed export in one transaction, validated again against the data as it is now.
		 * Rows equal to what is stored are not written, so importing the same file again changes nothing.
		 */
		async commitImport(actor: Actor, token: string): Promise<Result<{ create: number; update: number; unchanged: number }>> {
			authorize(actor, 'tthc.enter');
			sweep(clock().getTime());
			const p = pending.get(token);
			if (!p || p.actorId !== actor.id) return refuse(404, 'tthc.import.expired');
			pending.delete(token);
			const again = await plan(p.table);
			if (!again.ok) return refuse(409, 'tthc.import.now_invalid');
			if (!(await stats.applyImport(again.creates, again.updates))) return refuse(409, 'tthc.import.now_invalid');
			await audit.write({ actorId: actor.id, action: 'tthc.import', data: { file: p.fileName, sha256: p.sha256, ...again.counts } });
			return ok(again.counts);
		}
	};
}

export type TthcService = ReturnType<typeof tthcService>;
