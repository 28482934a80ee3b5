// Form drafts (docs/offline.md): what a form that could not be sent keeps on the device, under which key,
// and when. Pure; the enhance wrapper (src/lib/components/enhance.ts) and the draft notice use it.

export const DRAFT_PREFIX = 'congvu-draft:';

/** One draft per form action: the path and query of its action URL (`/actions/x?/respond`). */
export function draftKey(action: string | URL, base?: string): string {
	const u = new URL(action, base ?? 'http://localhost');
	return `${DRAFT_PREFIX}${u.pathname}${u.search}`;
}

export interface Draft {
	savedAt: string;
	fields: [string, string][];
}

/** Fields never kept on the device: secrets and Kit/app internals. Files cannot be kept in localStorage. */
const SKIPPED = /password|token|csrf/i;

/** The text fields of a form's data, in order (repeated names kept), without secrets or files. */
export function draftFields(entries: Iterable<[string, FormDataEntryValue]>): [string, string][] {
	const out: [string, string][] = [];
	for (const [name, value] of entries) {
		if (typeof value !== 'string' || SKIPPED.test(name)) continue;
		out.push([name, value]);
	}
	return out;
}

export function serializeDraft(fields: [string, string][], now: Date): string {
	return JSON.stringify({ savedAt: now.toISOString(), fields } satisfies Draft);
}

/** A stored draft, or null for anything that is not one (an old format, a hand-edited value). */
export function parseDraft(raw: string | null): Draft | null {
	if (!raw) return null;
	try {
		const d = JSON.parse(raw) as unknown;
		if (typeof d !== 'object' || d === null) return null;
		const { savedAt, fields } = d as Record<string, unknown>;
		if (typeof savedAt !== 'string' || !Array.isArray(fields)) return null;
		if (!fields.every((f) => Array.isArray(f) && f.length === 2 && typeof f[0] === 'string' && typeof f[1] === 'string')) return null;
		return { savedAt, fields: fields as [string, string][] };
	} catch {
		return null;
	}
}

/**
 * Whether a submit's outcome keeps the input as a draft: the request never got an answer (offline, a
 * dropped network) or the server failed (5xx). A refusal (4xx) comes back with the form; a success drops it.
 */
export function keepsDraft(result: { type: string; status?: number }): boolean {
	return result.type === 'error' && (result.status === undefined || result.status >= 500);
}
