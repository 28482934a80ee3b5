// The on-site side of an inspection (inspections' started_at, location, checklist, procedures, record
// details, signatures, amendments) and its protected files. The roster, the catalogue, the calendar and
// the actions are read through their own repos (staff, violation-types, calendar-days, actions); the
// one write that spans two collections, completion with its proposed actions, is a batch here because
// it must be one transaction. Only repos know field names.
import type { RecordModel } from 'pocketbase';
import type { Pb } from '../pb/create';
import { orNull, unlessStale } from '../pb/errors';
import { openStoredFile } from '../pb/files';
import type { CheckKind, CheckStatus } from '../../domain/check';
import { signatureParty, type SignatureParty } from '../../domain/onsite';
import type { SignerEntry } from '../../domain/signatures';
import type { ChecklistResult, Procedures } from '../../domain/schemas/onsite';
import { toPbDate } from '../../domain/time';
import { isRecordId } from '../pb/query';
import type { PersonRef } from './check-lookups';
import { proposedActionBody, type ProposedAction } from './actions';

export interface Amendment {
	at: string;
	by: string;
	byName: string;
	reason: string;
	field: string;
	before: string;
	after: string;
}

/** A member of the check's team, with the position the record prints. */
export type Person = Pick<PersonRef, 'id' | 'name'> & { position: string };

export interface OnsiteCheck {
	id: string;
	title: string;
	kind: CheckKind;
	status: CheckStatus;
	unitId: string;
	unitName: string;
	unitParentName: string;
	leadId: string | null;
	teamIds: string[];
	observerIds: string[];
	team: Person[];
	lead: Person | null;
	/** The team's secretary (a member other than the lead, "Thành viên kiêm Thư ký"), if any. */
	secretaryId: string | null;
	secretary: Person | null;
	focus: string[];
	scheduledStart: string;
	startedAt: string | null;
	completedAt: string | null;
	location: { lat: number; lon: number; accuracy: number | null } | null;
	checklist: Record<string, { result: ChecklistResult; note: string }>;
	procedures: Partial<Procedures> | null;
	representativeName: string;
	representativePosition: string;
	unitExplanation: string;
	conclusions: string;
	/** Stored file name per party. */
	signatures: Partial<Record<SignatureParty, string>>;
	/** Per signer: the stored PNG's SHA-256, or the refusal with its reason (domain/signatures.ts). */
	signers: Partial<Record<SignatureParty, SignerEntry>>;
	signedOnPaper: boolean;
	amendments: Amendment[];
	/** Biên bản number of its year, given when the check is completed; null before (or for older checks). */
	recordNumber: number | null;
	/** Read version for conditional writes (pb_hooks/versions.pb.js). */
	version: number;
}

const person = (u: RecordModel | undefined): Person | null =>
	u ? { id: u.id, name: String(u.name ?? ''), position: String(u.position ?? '') } : null;

function toCheck(r: RecordModel): OnsiteCheck {
	const sigs: Partial<Record<SignatureParty, string>> = {};
	for (const f of (r.signatures as string[] | undefined) ?? []) {
		const p = signatureParty(f);
		if (p) sigs[p] = f;
	}
	const loc = r.location as { lat?: number; lon?: number; accuracy?: number } | null;
	const team = ((r.expand?.team as RecordModel[] | undefined) ?? []).map((u) => person(u)!);
	return {
		id: r.id,
		title: String(r.title ?? ''),
		kind: r.kind as CheckKind,
		status: r.status as CheckStatus,
		unitId: String(r.unit),
		unitName: String(r.expand?.unit?.name ?? ''),
		unitParentName: String(r.expand?.unit?.expand?.parent?.name ?? ''),
		leadId: r.lead ? String(r.lead) : null,
		teamIds: (r.team as string[]) ?? [],
		observerIds: (r.observers as string[]) ?? [],
		team,
		lead: person(r.expand?.lead),
		secretaryId: r.secretary ? String(r.secretary) : null,
		secretary: person(r.expand?.secretary),
		focus: (r.focus as string[]) ?? [],
		scheduledStart: String(r.scheduled_start ?? ''),
		startedAt: r.started_at ? String(r.started_at) : null,
		completedAt: r.completed_at ? String(r.completed_at) : null,
		location:
			loc && typeof loc.lat === 'number' && typeof loc.lon === 'number'
				? { lat: loc.lat, lon: loc.lon, accuracy: loc.accuracy ?? null }
				: null,
		checklist: (r.checklist as OnsiteCheck['checklist']) ?? {},
		procedures: (r.procedures as Partial<Procedures>) ?? null,
		representativeName: String(r.representative_name ?? ''),
		representativePosition: String(r.representative_position ?? ''),
		unitExplanation: String(r.unit_explanation ?? ''),
		conclusions: String(r.conclusions ?? ''),
		signatures: sigs,
		signers: (r.signers as OnsiteCheck['signers'] | null) ?? {},
		signedOnPaper: r.signed_on_paper === true,
		amendments: (r.amendments as Amendment[]) ?? [],
		recordNumber: Number(r.record_number) > 0 ? Number(r.record_number) : null,
		version: Number(r.version ?? 0)
	};
}

export type CheckPatch = Partial<{
	status: CheckStatus;
	startedAt: Date;
	completedAt: Date;
	location: OnsiteCheck['location'];
	checklist: OnsiteCheck['checklist'];
	procedures: Procedures;
	representativeName: string;
	representativePosition: string;
	unitExplanation: string;
	conclusions: string;
	signedOnPaper: boolean;
	amendments: Amendment[];
	secretaryId: string | null;
	signers: OnsiteCheck['signers'];
	/** Stored signature files to delete. */
	removeSignatures: string[];
}>;

function patchBody(p: CheckPatch): Record<string, unknown> {
	const body: Record<string, unknown> = {};
	if (p.status !== undefined) body.status = p.status;
	if (p.startedAt) body.started_at = toPbDate(p.startedAt);
	if (p.completedAt) body.completed_at = toPbDate(p.completedAt);
	if (p.location !== undefined) body.location = p.location;
	if (p.checklist !== undefined) body.checklist = p.checklist;
	if (p.procedures !== undefined) body.procedures = p.procedures;
	if (p.representativeName !== undefined) body.representative_name = p.representativeName;
	if (p.representativePosition !== undefined) body.representative_position = p.representativePosition;
	if (p.unitExplanation !== undefined) body.unit_explanation = p.unitExplanation;
	if (p.conclusions !== undefined) body.conclusions = p.conclusions;
	if (p.signedOnPaper !== undefined) body.signed_on_paper = p.signedOnPaper;
	if (p.amendments !== undefined) body.amendments = p.amendments;
	if (p.secretaryId !== undefined) body.secretary = p.secretaryId ?? '';
	if (p.signers !== undefined) body.signers = p.signers;
	if (p.removeSignatures?.length) body['signatures-'] = p.removeSignatures;
	return body;
}

export function onsiteRepo(pb: Pb) {
	const inspections = () => pb.collection('inspections');
	return {
		async get(id: string): Promise<OnsiteCheck | null> {
			if (!isRecordId(id)) return null;
			const r = await orNull(inspections().getOne(id, { expand: 'unit,unit.parent,lead,team,secretary' }));
			return r ? toCheck(r) : null;
		},

		/** The check's biên bản number: its own if given, else the next of the issuer's sequence for `year`. */
		async assignRecordNumber(id: string, year: number, issuer: string): Promise<number> {
			const r = await pb.send<{ number: number }>(`/api/congvu/checks/${id}/record-number`, { method: 'POST', body: { year, issuer } });
			return r.number;
		},

		/** Writes `p` if the check is still at `version` (one transaction); false when someone else wrote first. */
		async update(id: string, version: number, p: CheckPatch): Promise<boolean> {
			return unlessStale(inspections().update(id, { ...patchBody(p), version: version + 1 }));
		},

		/**
		 * Completion in one transaction: the check's new state (if still at `version`) and its proposed
		 * corrective actions. Of two completions at once one wins; the other creates nothing.
		 */
		async complete(id: string, version: number, p: CheckPatch, unitId: string, items: ProposedAction[]): Promise<boolean> {
			const batch = pb.createBatch();
			batch.collection('inspections').update(id, { ...patchBody(p), version: version + 1 });
			for (const a of items) batch.collection('corrective_actions').create(proposedActionBody(id, unitId, a));
			return unlessStale(batch.send());
		},

		/**
		 * Replaces one party's drawn signature (PNG), keeping the others', and writes the signers' entries
		 * (its SHA-256) in the same update.
		 */
		async putSignature(
			id: string,
			version: number,
			party: SignatureParty,
			png: Uint8Array,
			signers: OnsiteCheck['signers'],
			previous?: string
		): Promise<boolean> {
			const form = new FormData();
			form.append('version', String(version + 1));
			form.append('signatures+', new Blob([png as BlobPart], { type: 'image/png' }), `${party}.png`);
			if (previous) form.append('signatures-', previous);
			form.append('signers', JSON.stringify(signers));
			return unlessStale(inspections().update(id, form));
		},

		/**
		 * Streams a protected file of a record, only if `name` is one of the record's files in `field`.
		 * The file token stays on the server; the browser never sees a PocketBase URL.
		 */
		async openFile(collection: 'findings' | 'inspections', recordId: string, field: string, name: string) {
			const r = await orNull(pb.collection(collection).getOne(recordId));
			if (!r) return null;
			const files = ([] as string[]).concat((r[field] as string | string[] | undefined) ?? []);
			if (!files.includes(name)) return null;
			return openStoredFile(pb, r, name);
		},

		/** The bytes of a protected file (signatures embedded in the PDF). */
		async fileBytes(collection: 'inspections', recordId: string, name: string): Promise<Uint8Array | null> {
			const f = await this.openFile(collection, recordId, 'signatures', name);
			if (!f) return null;
			return new Uint8Array(await new Response(f.body).arrayBuffer());
		}
	};
}

export type OnsiteRepo = ReturnType<typeof onsiteRepo>;
