/**
 * Who signs the biên bản and what completing it needs (issue #17 §3, docs/report-formats.md row 15):
 * the team lead, the secretary when the team has one, and the unit's representative. Each either
 * signs (a drawn PNG, stored with its SHA-256) or is recorded as refusing with a reason; otherwise the
 * whole record is marked as signed on paper. Pure: the service stores what these rules accept.
 */
import { SIGNATURE_PARTIES, type SignatureParty } from './onsite';

export { SIGNATURE_PARTIES, type SignatureParty };

/** What is kept per signer besides the PNG file: its hash when signed, or the refusal. */
export type SignerEntry =
	| { sha256: string; at: string }
	| {
			/** The person's name when they refused (the representative's may change later). */
			name: string;
			refusedReason: string;
			at: string;
	  };

/** The refusal's reason, trimmed; null when there is none (a refusal needs one). */
export function refusalReason(raw: string | null | undefined): string | null {
	const r = (raw ?? '').replace(/\s+/g, ' ').trim();
	return r ? r : null;
}

export const isRefusal = (e: SignerEntry | undefined): e is Extract<SignerEntry, { refusedReason: string }> =>
	!!e && 'refusedReason' in e && !!refusalReason(e.refusedReason);

/** The signers a record needs, in the order the completion page asks for them. */
export function requiredSigners(hasSecretary: boolean): SignatureParty[] {
	return SIGNATURE_PARTIES.filter((p) => p !== 'secretary' || hasSecretary);
}

/** Where one signer stands: a drawn signature on file, a refusal with a reason, or nothing yet. */
export type SignerState = { state: 'signed' } | { state: 'refused'; name: string; reason: string } | { state: 'missing' };

export function signerState(hasFile: boolean, entry: SignerEntry | undefined): SignerState {
	if (isRefusal(entry)) return { state: 'refused', name: entry.name, reason: refusalReason(entry.refusedReason)! };
	return hasFile ? { state: 'signed' } : { state: 'missing' };
}

/**
 * The signers still missing before the record can be completed: none when it is signed on paper,
 * else every required signer that neither signed nor refused with a reason.
 */
export function missingSigners(
	hasSecretary: boolean,
	states: Partial<Record<SignatureParty, SignerState>>,
	signedOnPaper: boolean
): SignatureParty[] {
	if (signedOnPaper) return [];
	return requiredSigners(hasSecretary).filter((p) => (states[p]?.state ?? 'missing') === 'missing');
}

/**
 * Whether `id` can be the team's secretary ("Thành viên kiêm Thư ký"): '' (none), or a member of the
 * team other than its lead.
 */
export function validSecretary(id: string, teamIds: readonly string[], leadId: string | null): boolean {
	return id === '' || (teamIds.includes(id) && id !== leadId);
}
