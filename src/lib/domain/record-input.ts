/**
 * From the facts of a check to the record's data (domain/record.ts `RecordInput`): which amendment
 * stands for a detail, the place line without its administrative prefix, the checklist items that
 * still need the record because no finding records them, the criteria met, the scope. Pure: the
 * service reads the check, its roll call, findings, actions and the catalogue, and passes them here.
 */
import { vi } from '../i18n/messages/onsite';
import { vi as signVi } from '../i18n/messages/signatures';
import { DEFAULT_DOCUMENT_SETTINGS, type DocumentSettings, type DocumentSigner } from './official-document';
import { signerState, validSecretary, type SignatureParty, type SignerEntry } from './signatures';
import type { Finding } from './finding';
import { metCriteria } from './criteria';
import type { RecordFinding, RecordInput, RecordPerson } from './record';
import { tallyRollCall, type RollCallStatus } from './roll-call';
import type { Procedures } from './schemas/onsite';
import { formatTime, vnDay } from './time';

/** The issuing body's abbreviation on the record number (Số: 07/BB-ĐKTCV); one issuer for now. */
export const RECORD_ISSUER_ABBR = 'ĐKTCV';

/** The record details a locked check corrects by amendment. */
export type AmendableField = 'representative_name' | 'representative_position' | 'unit_explanation' | 'conclusions';

export interface RecordSource {
	check: {
		unitName: string;
		kind: RecordInput['kind'];
		recordNumber: number | null;
		scheduledStart: string;
		startedAt: string | null;
		completedAt: string | null;
		lead: RecordPerson | null;
		leadId: string | null;
		team: (RecordPerson & { id: string })[];
		/** The team's secretary (a member other than the lead), if any. */
		secretaryId?: string | null;
		/** Stored signature file names per signer, and what was recorded per signer (hash or refusal). */
		signatures?: Readonly<Partial<Record<SignatureParty, string>>>;
		signers?: Readonly<Partial<Record<SignatureParty, SignerEntry>>>;
		focus: string[];
		checklist: Readonly<Record<string, { result: string; note: string } | undefined>>;
		procedures: Partial<Procedures> | null;
		representativeName: string;
		representativePosition: string;
		unitExplanation: string;
		conclusions: string;
		/** In the order written: the last one of a field stands. */
		amendments: readonly { field: string; after: string }[];
		signedOnPaper: boolean;
	};
	rollCall: readonly RollCallStatus[];
	/** Every finding of the check, superseded originals included (an amendment cites its original). */
	findings: readonly Finding[];
	actions: readonly { title: string; dueDate: string }[];
	/** The office-culture catalogue, in catalogue order (the checklist's items). */
	checklistTypes: readonly { code: string; name: string }[];
	/** The record's end when the check is not completed yet. */
	now: Date;
	/** The drawn signatures' PNG bytes, read by the service from the stored files. */
	images?: Partial<Record<SignatureParty, Uint8Array>>;
	/** The admin's document settings (issuing body, abbreviation, number symbol); defaults when absent. */
	settings?: DocumentSettings;
}

/**
 * The signature block of the record (docs/report-formats.md row 15): the unit's representative, the
 * secretary when the team has one, the lead, then the other members. A refusal wins over a file; a
 * record signed on paper carries no drawn image.
 */
export function recordSigners(s: RecordSource, representative: RecordPerson): DocumentSigner[] {
	const c = s.check;
	const secretary = secretaryMember(c);
	const slot = (role: SignatureParty, title: string, name: string): DocumentSigner => {
		const st = signerState(!!c.signatures?.[role], c.signers?.[role]);
		const image = s.images?.[role];
		if (st.state === 'refused') return { role, title, name: name || st.name, refusedReason: st.reason };
		return st.state === 'signed' && image && !c.signedOnPaper ? { role, title, name, image } : { role, title, name };
	};
	return [
		slot('representative', vi['record.sign.representative'], representative.name),
		...(secretary ? [slot('secretary', vi['record.sign.secretary'], secretary.name)] : []),
		slot('lead', vi['record.sign.lead'], c.lead?.name ?? ''),
		...c.team
			.filter((m) => m.id !== c.leadId && m.id !== secretary?.id)
			.map((m): DocumentSigner => ({ role: 'member', title: signVi['record.sign.member'], name: m.name }))
	];
}

/**
 * The place line of the record ("Tân Định, ngày …"): the unit's name without "UBND" / "Ủy ban nhân
 * dân" and without its administrative level (phường, xã, thị trấn, đặc khu, tỉnh).
 */
export function recordPlace(unitName: string): string {
	return unitName.replace(/^(UBND|Ủy ban nhân dân)\s+/i, '').replace(/^(phường|xã|thị trấn|đặc khu|tỉnh)\s+/i, '');
}

/** The team's secretary: a member of the team other than the lead (domain/signatures.ts validSecretary). */
const secretaryMember = (c: RecordSource['check']) =>
	c.secretaryId &&
	validSecretary(
		c.secretaryId,
		c.team.map((m) => m.id),
		c.leadId
	)
		? c.team.find((t) => t.id === c.secretaryId)
		: undefined;
const secretaryOf = (c: RecordSource['check']): RecordPerson | null => {
	const m = secretaryMember(c);
	return m ? { name: m.name, position: m.position } : null;
};

const SCOPE_ALL = ['attendance', 'office_culture', 'procedures'] as const;

export function recordInput(s: RecordSource): RecordInput {
	const c = s.check;
	const settings = s.settings ?? DEFAULT_DOCUMENT_SETTINGS;
	const byId = new Map(s.findings.map((f) => [f.id, f]));
	const effective = (field: AmendableField, v: string) => {
		const last = [...c.amendments].reverse().find((a) => a.field === field);
		return last ? last.after : v;
	};
	const representative = {
		name: effective('representative_name', c.representativeName),
		position: effective('representative_position', c.representativePosition)
	};
	const start = c.startedAt ?? c.scheduledStart;
	const end = c.completedAt ?? s.now.toISOString();
	const counted = s.findings.filter((f) => !f.superseded);
	const toFinding = (f: Finding): RecordFinding => ({
		code: f.typeCode,
		typeName: f.typeName,
		category: f.category,
		staffName: f.staffName,
		description: f.description,
		source: f.source,
		time: formatTime(f.observedAt),
		photos: f.photos.length,
		explanation: f.explanationStatus === 'received' ? f.explanationText : '',
		amendment: f.amendsId ? { reason: f.amendReason, original: byId.get(f.amendsId)?.description ?? '' } : undefined
	});
	const scope = (c.focus.length ? c.focus : [...SCOPE_ALL]) as RecordInput['scope'];
	const recorded = new Set(counted.map((f) => f.typeCode));
	const checklistViolations = s.checklistTypes
		.filter((ty) => c.checklist[ty.code]?.result === 'violation' && !recorded.has(ty.code))
		.map((ty) => ({ code: ty.code, name: ty.name, note: c.checklist[ty.code]!.note }));
	// "Thực hiện tốt": criteria met, worded as criteria, none the record reports as violated.
	const compliant = metCriteria(s.checklistTypes, c.checklist, new Set([...recorded, ...checklistViolations.map((v) => v.code)]));
	return {
		issuer: { parent: settings.parentBody, body: settings.issuingBody, abbr: settings.issuingAbbr, prefix: settings.recordPrefix },
		number: c.recordNumber,
		place: recordPlace(c.unitName),
		unitName: c.unitName,
		day: vnDay(start),
		startTime: formatTime(start),
		endTime: formatTime(end),
		kind: c.kind,
		lead: c.lead,
		members: c.team
			.filter((m) => m.id !== c.leadId)
			.map((m) => ({ name: m.name, position: m.position, ...(m.id === secretaryMember(c)?.id ? { secretary: true } : {}) })),
		secretary: secretaryOf(c),
		representative,
		signers: recordSigners(s, representative),
		scope,
		tally: tallyRollCall([...s.rollCall]),
		checklistCompliant: compliant,
		checklistViolations,
		procedures: c.procedures && typeof c.procedures.sampled === 'number' ? (c.procedures as Procedures) : null,
		findings: counted.map(toFinding),
		unitExplanation: effective('unit_explanation', c.unitExplanation),
		conclusions: effective('conclusions', c.conclusions),
		actions: s.actions.map((a) => ({ title: a.title, dueDate: a.dueDate })),
		signedOnPaper: c.signedOnPaper
	};
}
