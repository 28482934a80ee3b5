/**
 * Dossiers sampled on site (issue #16 §4; docs/tthc-dossiers.md): entering, editing, deleting and
 * importing them while the check is open, and the automatic findings their rules produce.
 *
 * Authorization: reading needs `check.view`; every write `check.conduct` (the check's lead or members).
 * State: only an in-progress check takes dossiers (`editable`); an edit or a delete is written only
 * from the version read (409 errors.stale otherwise).
 * After every change the findings are reconciled (`syncFindings`): one finding per dossier and rule,
 * created through the one finding path (`findingWriter`), keyed `tthc:<dossier>:<rule>` so it is never
 * doubled; a finding whose rule no longer holds is withdrawn (superseded: no figure or record counts
 * it), and brought back if it holds again. The check's `procedures` counts (sampled, overdue, without
 * apology) are then derived from the rows.
 */
import type { Actor } from '../../../domain/user';
import { AppError } from '../../pb/errors';
import { tthcDossiersRepo } from '../../repos/tthc-dossiers';
import { calendarDaysRepo } from '../../repos/calendar-days';
import type { OnsiteCheck } from '../../repos/onsite';
import { buildCalendar } from '../../../domain/holidays';
import { vnDay } from '../../../domain/time';
import {
	calendarYears,
	dossierCounts,
	dossierRefusals,
	planDossierFindings,
	type Dossier,
	type DossierFacts
} from '../../../domain/dossier-rules';
import { DOSSIER_FORM_FIELD } from '../../../domain/schemas/dossiers';
import { importDossierFile, type DossierRowError } from '../../../domain/import/dossiers';
import type { FileError } from '../../../domain/import/errors';
import { notFound, ok, refuse, stale, type MessageKey, type Refusal, type Result } from '../../../domain/result';
import { findingWriter } from './findings';
import type { OnsiteContext } from './context';

export interface DossierImportOutcome {
	/** Dossiers stored (0 when the file was refused). */
	count: number;
	fileError: FileError | null;
	errors: DossierRowError[];
}

/** The day the rules judge "not returned and past due" against: the check's start (or today). */
const checkDayOf = (c: OnsiteCheck, now: Date) => vnDay(c.startedAt ?? now);

function refusalOf(d: DossierFacts): Refusal | null {
	const bad = Object.entries(dossierRefusals(d)) as [keyof DossierFacts, MessageKey][];
	if (bad.length === 0) return null;
	const fields: Partial<Record<string, MessageKey>> = {};
	for (const [f, key] of bad) fields[DOSSIER_FORM_FIELD[f]] = key;
	return { ok: false, status: 400, code: 'errors.invalid', fields };
}

export function dossierUseCases(ctx: OnsiteContext) {
	const { clock, load, editable, flags, mergeWrite, log } = ctx;
	const { fnd, types } = ctx.repos;
	const repo = tthcDossiersRepo(ctx.pb);
	const days = calendarDaysRepo(ctx.pb);
	const writer = findingWriter(ctx);

	async function calendarFor(ds: readonly Dossier[], checkDay: string) {
		const { fromYear, toYear } = calendarYears(ds, checkDay);
		const announced = await days.list();
		return buildCalendar({
			fromYear,
			toYear,
			announcements: announced.map((d) => ({ date: d.date, kind: d.kind, name: d.name, source: d.reference }))
		});
	}

	/** Reconciles the automatic findings and the derived procedure counts with the check's dossiers. */
	async function syncFindings(actor: Actor, c: OnsiteCheck): Promise<Result> {
		const ds = await repo.list(c.id);
		const checkDay = checkDayOf(c, clock());
		const existing = (await fnd.list(c.id)).filter((f) => f.source === 'dossier');
		const plan = planDossierFindings(
			ds,
			existing.map((f) => ({ ...f, clientKey: f.clientKey ?? '' })),
			checkDay,
			await calendarFor(ds, checkDay)
		);
		const byCode = await types.byCodes([...new Set(plan.create.map((p) => p.rule))]);
		for (const p of plan.create) {
			const type = byCode.get(p.rule);
			if (!type) throw new Error(`violation type ${p.rule} missing from the catalogue`);
			const draft = await writer.prepare(
				actor,
				c,
				{ clientKey: p.key, typeId: type.id, staffId: '', description: p.description, source: 'dossier' },
				[]
			);
			if ('ok' in draft) return draft;
			await writer.write(draft);
		}
		for (const u of plan.update) await fnd.update(u.id, { description: u.description, ...(u.restore ? { superseded: false } : {}) });
		for (const id of plan.withdraw) {
			await fnd.update(id, { superseded: true });
			await log(actor, 'finding.withdraw', 'findings', id, { source: 'dossier' });
		}
		const counts = dossierCounts(ds, checkDay);
		const typed = { no_receipt: 0, online_share: null, notes: '' };
		return mergeWrite(actor, c.id, (now) => editable(now) ?? { procedures: { ...typed, ...(now.procedures ?? {}), ...counts } });
	}

	/** The check and one of its dossiers, for a write; 404 when the dossier is not the check's. */
	async function ownDossier(actor: Actor, id: string, dossierId: string) {
		const c = await load(actor, id, 'check.conduct');
		const d = await repo.get(dossierId);
		return { c, d: d && d.inspectionId === c.id ? d : null };
	}

	const duplicate = (code: string) => refuse(400, 'dossier.error.duplicate_code', 'code', { code });

	return {
		/** The dossier page: the rows, the automatic findings, the derived counts. Authz: check.view. */
		async dossiers(actor: Actor, id: string) {
			const c = await load(actor, id);
			const [ds, list] = await Promise.all([repo.list(c.id), fnd.list(c.id)]);
			return {
				check: c,
				...flags(actor, c),
				dossiers: ds,
				findings: list.filter((f) => f.source === 'dossier' && !f.superseded),
				counts: dossierCounts(ds, checkDayOf(c, clock()))
			};
		},

		/**
		 * Records a new dossier, or edits one (`edit`: its id and the version read). Authz: check.conduct.
		 * Failures: 400 with the field (dates out of order, a code the check already has), 409
		 * check.error.* (not open), 409 errors.stale, 404. `newId`: a new dossier's id chosen by the device
		 * (the offline outbox, docs/offline.md): when the check already has it, it was saved by an earlier
		 * try and nothing is written again.
		 */
		async saveDossier(
			actor: Actor,
			id: string,
			d: DossierFacts,
			edit?: { dossierId: string; version: number },
			newId?: string
		): Promise<Result<string>> {
			const c = await load(actor, id, 'check.conduct');
			const bad = editable(c) ?? refusalOf(d);
			if (bad) return bad;
			const all = await repo.list(c.id);
			if (newId && !edit && all.some((x) => x.id === newId)) return ok(newId);
			if (all.some((x) => x.code === d.code && x.id !== edit?.dossierId)) return duplicate(d.code);
			let dossierId: string;
			try {
				if (edit) {
					const own = all.find((x) => x.id === edit.dossierId);
					if (!own) return notFound();
					if (own.version !== edit.version || !(await repo.update(own.id, edit.version, d))) return stale();
					dossierId = own.id;
				} else {
					const position = all.reduce((m, x) => Math.max(m, x.position + 1), 0);
					await repo.createMany(c.id, c.unitId, actor.id, position, [newId ? { ...d, id: newId } : d]);
					dossierId = newId ?? (await repo.list(c.id)).find((x) => x.code === d.code)?.id ?? '';
				}
			} catch (e) {
				if (e instanceof AppError && e.code === 'duplicate') return duplicate(d.code);
				throw e;
			}
			await log(actor, edit ? 'dossier.edit' : 'dossier.create', 'tthc_dossiers', dossierId, { code: d.code });
			const synced = await syncFindings(actor, c);
			return synced.ok ? ok(dossierId) : synced;
		},

		/** Deletes a dossier (its automatic findings are withdrawn). Authz: check.conduct. */
		async deleteDossier(actor: Actor, id: string, dossierId: string, version: number): Promise<Result> {
			const { c, d } = await ownDossier(actor, id, dossierId);
			const bad = editable(c);
			if (bad) return bad;
			if (!d) return notFound();
			if (d.version !== version) return stale();
			await repo.remove(d.id);
			await log(actor, 'dossier.delete', 'tthc_dossiers', d.id, { code: d.code });
			return syncFindings(actor, c);
		},

		/**
		 * Imports the sample from the one-stop export (XLSX/CSV): all or nothing. A refused file answers
		 * ok with `count` 0 and its errors (row, column, message key), and stores nothing.
		 * Authz: check.conduct. Failures: 409 check.error.* (not open), 400 dossier.import.file_required.
		 */
		async importDossiers(
			actor: Actor,
			id: string,
			file: { name: string; bytes: Uint8Array } | null
		): Promise<Result<DossierImportOutcome>> {
			const c = await load(actor, id, 'check.conduct');
			const bad = editable(c);
			if (bad) return bad;
			if (!file || file.bytes.length === 0) return refuse(400, 'dossier.import.file_required', 'file');
			const all = await repo.list(c.id);
			const parsed = await importDossierFile(file, new Set(all.map((x) => x.code)));
			if (parsed.fileError || parsed.errors.length) return ok({ count: 0, fileError: parsed.fileError, errors: parsed.errors });
			const position = all.reduce((m, x) => Math.max(m, x.position + 1), 0);
			try {
				await repo.createMany(
					c.id,
					c.unitId,
					actor.id,
					position,
					parsed.rows.map((r) => r.data)
				);
			} catch (e) {
				// Someone entered one of the file's codes in between: nothing of the file was stored.
				if (e instanceof AppError && e.code === 'duplicate') return refuse(409, 'errors.stale');
				throw e;
			}
			await log(actor, 'dossier.import', 'inspections', c.id, { count: parsed.rows.length });
			const synced = await syncFindings(actor, c);
			return synced.ok ? ok({ count: parsed.rows.length, fileError: null, errors: [] }) : synced;
		}
	};
}
