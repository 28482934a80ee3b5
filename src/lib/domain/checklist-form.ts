// The checklist form (issue #5), parsed the same way on the server and, before queuing it offline, on the
// device (docs/offline.md). No zod here: the checklist page must stay small (`npm run size`).
import { RECORD_ID } from './ids';

export const CHECKLIST_RESULTS = ['compliant', 'violation', 'not_checked'] as const;
export type ChecklistResult = (typeof CHECKLIST_RESULTS)[number];

/**
 * The checklist form: per item `r.CODE` (result), `n.CODE` (note) and, for an item marked "Vi phạm",
 * `s.CODE` (the person: a roster staff id, or empty for the unit as a whole). Photos (`p.CODE`) are files
 * and checked by the service.
 */
export function parseChecklist(
	form: FormData | null,
	codes: readonly string[]
):
	| { ok: true; items: Record<string, { result: ChecklistResult; note: string }>; people: Record<string, string> }
	| { ok: false; code: string } {
	if (!form) return { ok: false, code: 'errors.bad_request' };
	const items: Record<string, { result: ChecklistResult; note: string }> = {};
	const people: Record<string, string> = {};
	for (const code of codes) {
		const result = String(form.get(`r.${code}`) ?? 'not_checked');
		const note = String(form.get(`n.${code}`) ?? '').trim();
		const person = String(form.get(`s.${code}`) ?? '');
		if (!(CHECKLIST_RESULTS as readonly string[]).includes(result)) return { ok: false, code: 'errors.invalid' };
		if (note.length > 2000) return { ok: false, code: 'errors.too_long' };
		if (person && !RECORD_ID.test(person)) return { ok: false, code: 'errors.invalid' };
		items[code] = { result: result as ChecklistResult, note };
		if (person) people[code] = person;
	}
	return { ok: true, items, people };
}

/** An item newly marked "Vi phạm" (no finding recorded for it yet) needs its note: the finding's text. */
export function violationNeedsNote(item: { result: string; note: string }, hasFinding: boolean): boolean {
	return item.result === 'violation' && !hasFinding && !item.note;
}
