/**
 * Ending a check: the completion page and record details, the drawn signatures, completion (which
 * proposes the corrective actions and gives the record its number), amendments of a locked check, and
 * the record (biên bản) as a document.
 */
import { createHash } from 'node:crypto';
import { error } from '@sveltejs/kit';
import type { Actor } from '../../../domain/user';
import { can } from '../../authz';
import type { OnsiteCheck, Amendment } from '../../repos/onsite';
import { transitionCheck } from '../../../domain/check';
import { proposeActions, SIGNATURE_MAX_BYTES, type ActionGrouping } from '../../../domain/onsite';
import {
	SIGNATURE_PARTIES,
	isRefusal,
	missingSigners,
	refusalReason,
	signerState,
	validSecretary,
	type SignatureParty,
	type SignerState
} from '../../../domain/signatures';
import { sniffImage } from '../../../domain/file-type';
import { tallyRollCall } from '../../../domain/roll-call';
import { vnDay, fromPbDate } from '../../../domain/time';
import { buildRecord, type RecordDoc, type RecordInput } from '../../../domain/record';
import { RECORD_ISSUER_ABBR, recordInput, type AmendableField } from '../../../domain/record-input';
import { ok, refuse, stale, type Result } from '../../../domain/result';
import { refuseWith, scopeOf, type OnsiteContext } from './context';

/** The check's secretary when it is still a member of the team other than the lead. */
const secretaryIn = (c: OnsiteCheck) => (c.secretaryId && validSecretary(c.secretaryId, c.teamIds, c.leadId) ? c.secretaryId : null);

/** Where each signer of the record stands (signed, refused with a reason, missing). */
export function signerStates(c: OnsiteCheck): Partial<Record<SignatureParty, SignerState>> {
	return Object.fromEntries(SIGNATURE_PARTIES.map((p) => [p, signerState(!!c.signatures[p], c.signers[p])]));
}

export function completionUseCases(ctx: OnsiteContext) {
	const { clock, log, load, editable, mergeWrite, flags, calendar, checklistTypes, settings } = ctx;
	const { checks, att, fnd, actions } = ctx.repos;

	/** The name printed for a signer: the lead's, the secretary's, the representative's as stated. */
	const signerName = (c: OnsiteCheck, party: SignatureParty) =>
		party === 'lead'
			? (c.lead?.name ?? '')
			: party === 'secretary'
				? (c.team.find((m) => m.id === secretaryIn(c))?.name ?? '')
				: c.representativeName;

	return {
		/** The completion page: summary, record details, signatures, proposed actions. */
		async completion(actor: Actor, id: string) {
			const c = await load(actor, id);
			const [rows, list, proposed] = await Promise.all([att.list(c.id), fnd.list(c.id), actions.byInspection(c.id)]);
			return {
				check: c,
				...flags(actor, c),
				tally: tallyRollCall(rows.map((r) => r.status)),
				findings: list.filter((f) => !f.superseded),
				checklistViolations: Object.values(c.checklist).filter((i) => i.result === 'violation').length,
				actions: proposed,
				secretaryId: secretaryIn(c),
				/** Who may be the secretary: the team's members other than the lead. */
				secretaryCandidates: c.team.filter((m) => m.id !== c.leadId),
				signers: signerStates(c)
			};
		},

		async saveDetails(
			actor: Actor,
			id: string,
			d: {
				representative_name: string;
				representative_position: string;
				unit_explanation: string;
				conclusions: string;
				/** The team's secretary ('' = none); undefined leaves it as it is. */
				secretary?: string;
			}
		): Promise<Result> {
			return mergeWrite(actor, id, (c) => {
				const bad = editable(c);
				if (bad) return bad;
				const patch = {
					representativeName: d.representative_name,
					representativePosition: d.representative_position,
					unitExplanation: d.unit_explanation,
					conclusions: d.conclusions
				};
				if (d.secretary === undefined || d.secretary === (c.secretaryId ?? '')) return patch;
				if (!validSecretary(d.secretary, c.teamIds, c.leadId)) return refuse(400, 'sign.error.secretary', 'secretary');
				// Another secretary: what the previous one signed or refused is not theirs.
				const { secretary: _dropped, ...signers } = c.signers;
				void _dropped;
				const file = c.signatures.secretary;
				return { ...patch, secretaryId: d.secretary || null, signers, removeSignatures: file ? [file] : [] };
			});
		},

		/**
		 * Stores a drawn signature (PNG data URL) with its SHA-256, replacing a refusal of the same signer:
		 * the lead's by the lead alone (check.lead), the secretary's and the unit representative's by any
		 * member of the team (drawn on the member's device).
		 */
		async saveSignature(actor: Actor, id: string, party: SignatureParty, dataUrl: string): Promise<Result> {
			const c = await load(actor, id, 'check.conduct');
			if (party === 'lead' && !can(actor, 'check.lead', scopeOf(c))) return refuse(403, 'onsite.error.lead_only');
			const bad = editable(c);
			if (bad) return bad;
			if (party === 'secretary' && !secretaryIn(c)) return refuse(409, 'sign.error.secretary');
			let bytes: Uint8Array;
			try {
				bytes = new Uint8Array(Buffer.from(dataUrl.slice('data:image/png;base64,'.length), 'base64'));
			} catch {
				return refuse(400, 'onsite.error.signature');
			}
			if (bytes.length < 67 || bytes.length > SIGNATURE_MAX_BYTES || sniffImage(bytes) !== 'image/png') {
				return refuse(400, 'onsite.error.signature');
			}
			const sha256 = createHash('sha256').update(bytes).digest('hex');
			// The same drawing sent again (a device's retry after a lost answer) is already on file: nothing to write.
			const prev = c.signers[party];
			if (prev && 'sha256' in prev && prev.sha256 === sha256 && c.signatures[party]) return ok();
			const signers = { ...c.signers, [party]: { sha256, at: clock().toISOString() } };
			if (!(await checks.putSignature(c.id, c.version, party, bytes, signers, c.signatures[party]))) return stale();
			await log(actor, 'check.sign', 'inspections', c.id, { party, sha256 });
			return ok();
		},

		/**
		 * Records that a signer refuses to sign, with the reason (required), in place of any drawn
		 * signature of theirs. Who may record it as for {@link saveSignature}.
		 */
		async refuseSignature(actor: Actor, id: string, party: SignatureParty, rawReason: string): Promise<Result> {
			const reason = refusalReason(rawReason);
			// The same refusal sent again (a device's retry after a lost answer) is already recorded: nothing to write.
			const c0 = await load(actor, id, 'check.conduct');
			const prev = c0.signers[party];
			const allowed = party !== 'lead' || can(actor, 'check.lead', scopeOf(c0));
			if (allowed && reason && !editable(c0) && isRefusal(prev) && refusalReason(prev.refusedReason) === reason && !c0.signatures[party])
				return ok();
			const r = await mergeWrite(actor, id, (c) => {
				if (party === 'lead' && !can(actor, 'check.lead', scopeOf(c))) return refuse(403, 'onsite.error.lead_only');
				const bad = editable(c);
				if (bad) return bad;
				if (!reason) return refuse(400, 'sign.error.reason_required', 'reason');
				if (party === 'secretary' && !secretaryIn(c)) return refuse(409, 'sign.error.secretary');
				const file = c.signatures[party];
				return {
					signers: { ...c.signers, [party]: { name: signerName(c, party), refusedReason: reason, at: clock().toISOString() } },
					removeSignatures: file ? [file] : []
				};
			});
			if (r.ok) await log(actor, 'check.sign_refused', 'inspections', id, { party, reason });
			return r;
		},

		/**
		 * Completes the check (the lead only; a check without a lead is refused), locks it, and proposes
		 * corrective actions from its findings: per finding or per type, due in `default_fix_days`
		 * working days after the completion day. Completing twice is harmless.
		 */
		async complete(actor: Actor, id: string, opts: { signedOnPaper: boolean; grouping: ActionGrouping }): Promise<Result> {
			const c = await load(actor, id);
			if (c.status === 'completed' && c.leadId === actor.id) return ok();
			if (!c.leadId) return refuse(409, 'check.error.lead_required');
			if (!can(actor, 'check.lead', scopeOf(c))) return refuse(403, 'onsite.error.lead_only');
			const tr = transitionCheck(c.status, 'complete', { leadId: c.leadId });
			if (!tr.ok) return refuseWith(409, tr.code, tr.params);
			// Each required signer signed or refused with a reason, or the record is signed on paper.
			if (missingSigners(!!secretaryIn(c), signerStates(c), opts.signedOnPaper).length) {
				return refuse(409, 'sign.error.signers_required');
			}
			const now = clock();
			const day = vnDay(now);
			let proposed: ReturnType<typeof proposeActions> = [];
			if ((await actions.countByInspection(c.id)) === 0) {
				const list = (await fnd.list(c.id)).filter((f) => !f.superseded);
				proposed = proposeActions(
					list.map((f) => ({
						id: f.id,
						typeId: f.typeId,
						typeCode: f.typeCode,
						typeName: f.typeName,
						category: f.category,
						defaultFixDays: f.defaultFixDays,
						source: f.source,
						staffName: f.staffName,
						description: f.description
					})),
					opts.grouping,
					day,
					await calendar(day)
				);
			}
			// The new state and the actions in one transaction, conditional on the state read above: of two
			// completions at once exactly one writes; the other creates nothing (issue #11 §6).
			const written = await checks.complete(
				c.id,
				c.version,
				{ status: tr.status, completedAt: now, signedOnPaper: opts.signedOnPaper },
				c.unitId,
				proposed
			);
			if (!written) return stale();
			// The record is final now: it takes the next number of the year (Vietnamese local year).
			await checks.assignRecordNumber(c.id, Number(vnDay(now).slice(0, 4)), RECORD_ISSUER_ABBR);
			await log(actor, 'check.complete', 'inspections', c.id, { grouping: opts.grouping, signedOnPaper: opts.signedOnPaper });
			return ok();
		},

		/**
		 * Corrects a finding of a locked check: a new finding (amends = original, with the reason) and
		 * the original marked superseded. The original row is never changed otherwise.
		 */
		async amendFinding(
			actor: Actor,
			input: { clientKey: string; findingId: string; description: string; reason: string }
		): Promise<Result<{ findingId: string }>> {
			const orig = await fnd.get(input.findingId);
			if (!orig) error(404, 'errors.not_found');
			const c = await load(actor, orig.inspectionId, 'check.conduct');
			const tr = transitionCheck(c.status, 'amend', { reason: input.reason });
			if (!tr.ok) return refuseWith(409, tr.code, tr.params);
			const dup = await fnd.byClientKey(c.id, input.clientKey);
			if (dup) return ok({ findingId: dup.id });
			if (orig.superseded) return refuse(409, 'onsite.error.already_superseded');
			// Superseding the original and creating its replacement are one transaction, conditional on the
			// original as read: of two amendments at once exactly one stands (issue #11 §6).
			const newId = await fnd.amend(orig, {
				inspectionId: c.id,
				unitId: orig.unitId,
				staffId: orig.staffId,
				typeId: orig.typeId,
				category: orig.category,
				description: input.description,
				observedAt: fromPbDate(orig.observedAt) ?? new Date(Number.NaN),
				source: orig.source,
				clientKey: input.clientKey,
				createdBy: actor.id,
				amendsId: orig.id,
				amendReason: input.reason,
				explanation: { explanationStatus: orig.explanationStatus, explanationText: orig.explanationText }
			});
			if (!newId) {
				const same = await fnd.byClientKey(c.id, input.clientKey);
				return same ? ok({ findingId: same.id }) : refuse(409, 'onsite.error.already_superseded');
			}
			await fnd.copyPhotos(orig, newId);
			await log(actor, 'finding.amend', 'findings', newId, { amends: orig.id, reason: input.reason });
			return ok({ findingId: newId });
		},

		/** Corrects a record detail of a locked check: an amendments entry keeps the before and after. */
		async amendCheck(
			actor: Actor,
			id: string,
			input: { field: AmendableField; after: string; reason: string },
			actorName: string
		): Promise<Result> {
			// Appended onto the list as it is when written, so two amendments at once are both kept.
			const r = await mergeWrite(actor, id, (c) => {
				const tr = transitionCheck(c.status, 'amend', { reason: input.reason });
				if (!tr.ok) return refuseWith(409, tr.code, tr.params);
				const current = {
					representative_name: c.representativeName,
					representative_position: c.representativePosition,
					unit_explanation: c.unitExplanation,
					conclusions: c.conclusions
				}[input.field];
				const entry: Amendment = {
					at: clock().toISOString(),
					by: actor.id,
					byName: actorName,
					reason: input.reason,
					field: input.field,
					before: current,
					after: input.after
				};
				return { amendments: [...c.amendments, entry] };
			});
			if (r.ok) await log(actor, 'check.amend', 'inspections', id, { field: input.field, reason: input.reason });
			return r;
		},

		/**
		 * The record (biên bản) as a document, with signature file names for rendering; `input.signers`
		 * carries each signer's PNG bytes or refusal for the document renderer.
		 */
		async record(actor: Actor, id: string): Promise<{ doc: RecordDoc; check: OnsiteCheck; input: RecordInput }> {
			const c = await load(actor, id);
			const [rows, list, proposed, ocTypes] = await Promise.all([
				att.list(c.id),
				fnd.list(c.id),
				actions.byInspection(c.id),
				checklistTypes()
			]);
			const docSettings = await settings();
			const images: Partial<Record<SignatureParty, Uint8Array>> = {};
			if (!c.signedOnPaper) {
				for (const party of SIGNATURE_PARTIES) {
					const name = c.signatures[party];
					const bytes = name ? await checks.fileBytes('inspections', c.id, name) : null;
					if (bytes) images[party] = bytes;
				}
			}
			const input = recordInput({
				check: { ...c, secretaryId: secretaryIn(c) },
				rollCall: rows.map((r) => r.status),
				findings: list,
				actions: proposed,
				checklistTypes: ocTypes,
				now: clock(),
				images,
				settings: docSettings
			});
			return { doc: buildRecord(input), check: c, input };
		},

		/** Signature PNG bytes for the PDF. */
		signatureBytes: (id: string, name: string) => checks.fileBytes('inspections', id, name)
	};
}
