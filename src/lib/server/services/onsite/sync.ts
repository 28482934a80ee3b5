/**
 * The offline outbox's sync (issue #14, docs/offline.md "Outbox and sync"): a device sends the records it
 * kept while offline; each is applied THROUGH the on-site use case that owns that state change (start,
 * saveRollCall, addFinding, addFindingPhoto, saveChecklist (and an item's photo through addFindingPhoto), saveDossier, receiveExplanation, saveSignature,
 * refuseSignature, complete), in dependency order,
 * and answered one by one: sent, refused (with its Vietnamese reason, the device keeps it) or conflict
 * (kept for the lead).
 *
 * Idempotent on the device's key: an applied record leaves a receipt (sync_receipts) and a retried
 * request finds it; the paths underneath are idempotent too (findings' client_key, a photo's key in its
 * meta, a roll-call status set to a value), so a request cut before its receipts were written is safe.
 *
 * Authorization is the use cases' own (`check.conduct` for every write, `check.lead` to resolve a
 * conflict); this module decides nothing about who may do what.
 */
import { isHttpError } from '@sveltejs/kit';
import type { Actor } from '../../../domain/user';
import { authorize } from '../../authz';
import { syncRepo, type Receipt, type RollCallConflict } from '../../repos/sync';
import { SYNC_KINDS, carriesFile, isRollCallConflict, orderForSync, type SyncOutcome } from '../../../domain/sync';
import { syncRecordSchema, type SyncRecord } from '../../../domain/schemas/sync';
import type { RollCallEntry } from '../../../domain/schemas/onsite';
import type { RollCallStatus } from '../../../domain/roll-call';
import { isMessageKey, messageKey, t, type Locale } from '../../../i18n/t';
import { notFound, ok, refuse, stale, type Refusal, type Result } from '../../../domain/result';
import { scopeOf, type OnsiteContext } from './context';
import type { startRollCallUseCases } from './start-roll-call';
import type { findingUseCases } from './findings';
import { itemKey, type checklistUseCases } from './checklist';
import type { dossierUseCases } from './dossiers';
import type { completionUseCases } from './completion';
import { dossierSchema } from '../../../domain/schemas/dossiers';

type UseCases = ReturnType<typeof startRollCallUseCases> &
	ReturnType<typeof findingUseCases> &
	ReturnType<typeof checklistUseCases> &
	Pick<ReturnType<typeof dossierUseCases>, 'saveDossier'> &
	Pick<ReturnType<typeof completionUseCases>, 'saveSignature' | 'refuseSignature' | 'complete'>;

export function syncUseCases(ctx: OnsiteContext, uc: UseCases) {
	const repo = syncRepo(ctx.pb);
	const { clock, load, editable } = ctx;

	/** A use case's refusal, or an error page it threw (403 access lost, 404), as the device's outcome. */
	async function attempt(locale: Locale, key: string, run: () => Promise<Result<unknown>>): Promise<SyncOutcome> {
		try {
			const r = await run();
			if (r.ok) return { key, state: 'sent', ...(isDuplicate(r.value) ? { duplicate: true } : {}) };
			return refusedOutcome(locale, key, r);
		} catch (e) {
			if (isHttpError(e) && e.status < 500) {
				const code = messageKey(e.body.message, 'errors.forbidden');
				return { key, state: 'refused', status: e.status, code, message: t(locale, code) };
			}
			throw e;
		}
	}

	const isDuplicate = (v: unknown) => typeof v === 'object' && v !== null && (v as { duplicate?: unknown }).duplicate === true;

	/** A refusal's reason; a rule that names fields (a dossier's dates out of order) gives their messages. */
	const refusedOutcome = (locale: Locale, key: string, r: Refusal): SyncOutcome => {
		const fields = Object.values(r.fields ?? {}).filter((k): k is NonNullable<typeof k> => !!k);
		return {
			key,
			state: 'refused',
			status: r.status,
			code: r.code,
			message: fields.length ? fields.map((k) => t(locale, k, r.params)).join(' ') : t(locale, r.code, r.params)
		};
	};

	const entryOf = (d: Extract<SyncRecord, { kind: 'roll_call' }>['data']): RollCallEntry => ({
		staffId: d.staffId,
		status: d.status,
		lateMinutes: d.status === 'late' ? d.lateMinutes : null,
		arrivalTime: d.status === 'late' ? d.arrivalTime : '',
		note: d.note
	});

	/** The roll-call records of one request: conflicts kept aside, the rest saved in one call (one call per person if that is refused). */
	async function applyRollCall(
		actor: Actor,
		locale: Locale,
		checkId: string,
		records: Extract<SyncRecord, { kind: 'roll_call' }>[]
	): Promise<SyncOutcome[]> {
		const c = await load(actor, checkId, 'check.conduct');
		const bad = editable(c);
		if (bad) return records.map((r) => refusedOutcome(locale, r.key, bad));
		const saved = new Map((await ctx.repos.att.list(c.id)).map((r) => [r.staffId, r]));
		const current = new Map<string, RollCallStatus>([...saved].map(([k, v]) => [k, v.status]));
		const outcomes = new Map<string, SyncOutcome>();
		const last = new Map<string, { entry: RollCallEntry; keys: string[] }>();
		for (const r of records) {
			const now = current.get(r.data.staffId);
			if (now && isRollCallConflict(now, r.data)) {
				await repo.addConflict({
					inspectionId: c.id,
					staffId: r.data.staffId,
					key: r.key,
					savedStatus: now,
					deviceStatus: r.data.status,
					deviceLateMinutes: r.data.lateMinutes,
					deviceArrivalTime: r.data.arrivalTime,
					deviceNote: r.data.note,
					createdBy: actor.id
				});
				const person = saved.get(r.data.staffId)?.staffName ?? '';
				outcomes.set(r.key, {
					key: r.key,
					state: 'conflict',
					message: t(locale, 'offline.conflict.outcome', {
						person,
						saved: t(locale, `rollcall.status.${now}`),
						device: t(locale, `rollcall.status.${r.data.status}`)
					})
				});
				continue;
			}
			if (now) current.set(r.data.staffId, r.data.status);
			const prev = last.get(r.data.staffId);
			last.set(r.data.staffId, { entry: entryOf(r.data), keys: [...(prev?.keys ?? []), r.key] });
		}
		if (last.size) {
			const all = await attempt(locale, '', () =>
				uc.saveRollCall(
					actor,
					checkId,
					[...last.values()].map((x) => x.entry)
				)
			);
			if (all.state === 'sent') {
				for (const x of last.values()) for (const k of x.keys) outcomes.set(k, { key: k, state: 'sent' });
			} else {
				// Someone's row is refused (left the unit, not on the roster): find out whose, save the others.
				for (const x of last.values()) {
					const one = await attempt(locale, '', () => uc.saveRollCall(actor, checkId, [x.entry]));
					for (const k of x.keys) outcomes.set(k, { ...one, key: k });
				}
			}
		}
		return records.map((r) => outcomes.get(r.key)!);
	}

	async function applyOne(actor: Actor, locale: Locale, checkId: string, r: SyncRecord, file: File | null): Promise<SyncOutcome> {
		switch (r.kind) {
			case 'start':
				return attempt(locale, r.key, () => uc.start(actor, checkId, r.data));
			case 'finding':
				return attempt(locale, r.key, () =>
					uc.addFinding(
						actor,
						checkId,
						{
							id: r.data.id,
							clientKey: r.key,
							staffId: r.data.staffId,
							typeId: r.data.typeId,
							description: r.data.description,
							observedTime: r.data.observedTime,
							keepLocation: false,
							photoMeta: '[]'
						},
						[]
					)
				);
			case 'photo':
				if (!file) return refusedOutcome(locale, r.key, refuse(400, 'offline.error.photo_missing'));
				return attempt(locale, r.key, async () => {
					const f = await ctx.repos.fnd.get(r.data.findingId);
					if (!f || f.inspectionId !== checkId) return notFound();
					return uc.addFindingPhoto(
						actor,
						f.id,
						{ clientKey: r.key, lastModified: r.data.lastModified, lat: r.data.lat, lon: r.data.lon },
						file
					);
				});
			case 'explanation':
				return attempt(locale, r.key, async () => {
					const f = await ctx.repos.fnd.get(r.data.findingId);
					if (!f || f.inspectionId !== checkId) return notFound();
					return uc.receiveExplanation(actor, f.id, r.data.text, null);
				});
			case 'checklist':
				// The checklist form's own path: merged onto what teammates saved, an item's finding keyed per
				// item and check, so the same answers applied twice change nothing the second time.
				return attempt(locale, r.key, () =>
					uc.saveChecklist(
						actor,
						checkId,
						r.data.items,
						Object.fromEntries(Object.entries(r.data.people).map(([code, staffId]) => [code, { staffId, files: [] }])),
						{ allPassed: r.data.allPassed }
					)
				);
			case 'checklist_photo':
				// After the checklist (SYNC_KINDS): the item's finding, keyed per item and check, takes the photo
				// through the findings' photo path (its key kept in the photo's meta: a retry stores it once).
				if (!file) return refusedOutcome(locale, r.key, refuse(400, 'offline.error.photo_missing'));
				return attempt(locale, r.key, async () => {
					const f = await ctx.repos.fnd.byClientKey(checkId, itemKey(r.data.code));
					if (!f) return refuse(409, 'offline.error.checklist_finding_missing');
					return uc.addFindingPhoto(actor, f.id, { clientKey: r.key, lastModified: r.data.lastModified }, file);
				});
			case 'dossier': {
				// The dossier form's own schema and path (saveDossier: dates in order, one code per check).
				const p = dossierSchema.safeParse(r.data.fields);
				if (!p.success) {
					const issue = p.error.issues[0];
					const code = messageKey(issue?.message ?? '', 'errors.invalid');
					const field = `dossier.field.${String(issue?.path[0] ?? '')}`;
					const label = isMessageKey(field) ? `${t(locale, field)}: ` : '';
					return { key: r.key, state: 'refused', status: 400, code, message: label + t(locale, code, { value: '' }) };
				}
				return attempt(locale, r.key, () => uc.saveDossier(actor, checkId, p.data, undefined, r.data.id));
			}
			case 'signature': {
				// The completion page's own paths: a drawn signature or a signer's refusal (a retry of the same
				// one writes nothing, completion.ts).
				const d = r.data;
				return attempt(locale, r.key, () =>
					d.mode === 'sign' ? uc.saveSignature(actor, checkId, d.party, d.png) : uc.refuseSignature(actor, checkId, d.party, d.reason)
				);
			}
			case 'complete':
				// Last of all (SYNC_KINDS): the lead only, every signer signed or refused (or signed on paper).
				return attempt(locale, r.key, () =>
					uc.complete(actor, checkId, { signedOnPaper: r.data.signedOnPaper, grouping: r.data.grouping })
				);
			case 'roll_call':
				throw new Error('roll call records are applied together');
		}
	}

	return {
		/**
		 * Applies a device's queued records for one check (at most SYNC_BATCH_MAX; a photo record comes
		 * alone with its `file`). Answers one outcome per record, in the order sent; a malformed record
		 * is refused on its own (400) without stopping the others.
		 */
		async sync(
			actor: Actor,
			checkId: string,
			raw: unknown[] | null,
			file: File | null,
			locale: Locale = 'vi'
		): Promise<Result<SyncOutcome[]>> {
			// Every record is a write of the team's: `check.conduct` first (403/404 thrown, the device keeps
			// everything and says why), then the body (null: unreadable, 400).
			await load(actor, checkId, 'check.conduct');
			if (!raw || raw.length === 0) return refuse(400, 'errors.bad_request');
			const parsed: (SyncRecord & { seq: number })[] = [];
			const outcomes = new Map<number, SyncOutcome>();
			raw.forEach((x, seq) => {
				const p = syncRecordSchema.safeParse(x);
				if (p.success) parsed.push({ ...p.data, seq });
				else {
					const key = typeof (x as { key?: unknown })?.key === 'string' ? String((x as { key: string }).key).slice(0, 64) : '';
					const code = messageKey(p.error.issues[0]?.message ?? '', 'errors.invalid');
					outcomes.set(seq, { key, state: 'refused', status: 400, code, message: t(locale, code) });
				}
			});
			if (parsed.filter((p) => carriesFile(p.kind)).length > 1) return refuse(400, 'offline.error.one_photo');
			if (parsed.filter((p) => p.kind === 'signature').length > 1) return refuse(400, 'offline.error.one_signature');

			const receipts = await repo.receipts(
				checkId,
				parsed.map((p) => p.key)
			);
			const fresh: (SyncRecord & { seq: number })[] = [];
			for (const p of parsed) {
				const got = receipts.get(p.key);
				if (!got) fresh.push(p);
				else if (got.outcome === 'conflict')
					outcomes.set(p.seq, { key: p.key, state: 'conflict', message: t(locale, 'offline.conflict.kept') });
				else outcomes.set(p.seq, { key: p.key, state: 'sent', duplicate: true });
			}

			const written: Receipt[] = [];
			const ordered = orderForSync(fresh);
			const rollCalls = ordered.filter((p): p is Extract<typeof p, { kind: 'roll_call' }> => p.kind === 'roll_call');
			for (const kind of SYNC_KINDS) {
				if (kind === 'roll_call') {
					if (!rollCalls.length) continue;
					const res = await applyRollCall(actor, locale, checkId, rollCalls);
					rollCalls.forEach((p, i) => outcomes.set(p.seq, res[i]!));
					continue;
				}
				for (const p of ordered.filter((x) => x.kind === kind)) outcomes.set(p.seq, await applyOne(actor, locale, checkId, p, file));
			}
			for (const p of fresh) {
				const o = outcomes.get(p.seq)!;
				if (o.state === 'sent' || o.state === 'conflict')
					written.push({
						key: p.key,
						kind: p.kind,
						recordId: p.kind === 'finding' ? p.data.id : '',
						outcome: o.state === 'sent' ? 'applied' : 'conflict'
					});
			}
			await repo.addReceipts(checkId, actor.id, written);
			return ok(raw.map((_, i) => outcomes.get(i)!));
		},

		/** The open roll-call conflicts of a check (`check.view`). */
		async conflicts(actor: Actor, checkId: string): Promise<RollCallConflict[]> {
			const c = await load(actor, checkId);
			return repo.conflicts(c.id, { open: true });
		},

		/**
		 * The lead settles a roll-call conflict: `check.lead`, an editable check. The conflict is claimed
		 * first by a versioned write on the state read (open, at its version): of two settlements at once
		 * (the lead on two devices) exactly one claims it, the other is 409 stale and writes nothing. The
		 * chosen status is then saved through saveRollCall (the one roll-call path; with the device's
		 * minutes, time and note when the device's status is chosen); a refusal there opens the conflict again.
		 */
		async resolveConflict(actor: Actor, checkId: string, input: { conflict: string; choice: 'saved' | 'device' } | null): Promise<Result> {
			const c = await load(actor, checkId);
			authorize(actor, 'check.lead', scopeOf(c));
			if (!input) return refuse(400, 'errors.bad_request');
			const { choice } = input;
			const bad = editable(c);
			if (bad) return bad;
			const k = await repo.conflict(input.conflict);
			if (!k || k.inspectionId !== c.id) return notFound();
			if (k.resolvedAt) return stale();
			const row = (await ctx.repos.att.list(c.id)).find((r) => r.staffId === k.staffId);
			if (!row) return refuse(409, 'onsite.error.not_on_roster');
			const entry: RollCallEntry =
				choice === 'device'
					? {
							staffId: k.staffId,
							status: k.deviceStatus,
							lateMinutes: k.deviceStatus === 'late' ? k.deviceLateMinutes : null,
							arrivalTime: k.deviceStatus === 'late' ? k.deviceArrivalTime : '',
							note: k.deviceNote
						}
					: { staffId: k.staffId, status: k.savedStatus, lateMinutes: row.lateMinutes, arrivalTime: row.arrivalTime, note: row.note };
			if (!(await repo.resolve(k, entry.status, actor.id, clock()))) return stale();
			const r = await uc.saveRollCall(actor, c.id, [entry]).catch(async (e: unknown) => {
				await repo.reopen(k);
				throw e;
			});
			if (!r.ok) {
				await repo.reopen(k);
				return r;
			}
			await ctx.log(actor, 'rollcall.conflict.resolve', 'roll_call_conflicts', k.id, { choice, status: entry.status });
			return ok();
		}
	};
}
