// The roll-call form (issue #5), parsed the same way on the server and, before queuing it offline, on the
// device (docs/offline.md). No zod here: the roll-call page must stay under the first-load budget
// (`npm run size`); the rules are those of the form's fields, one place for both sides.
import type { MessageKey } from '../i18n/t';
import { ROLL_CALL_STATUSES, type RollCallStatus } from './roll-call';
import { RECORD_ID } from './ids';

export interface RollCallEntry {
	staffId: string;
	status: RollCallStatus;
	lateMinutes: number | null;
	arrivalTime: string;
	note: string;
}

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;

/** One person's row, or the first refusal (the fields in form order: person, status, minutes, time, note). */
function entryOf(staffId: string, get: (p: string) => string | undefined): RollCallEntry | MessageKey {
	if (!RECORD_ID.test(staffId)) return 'errors.invalid';
	const status = get('s') ?? '';
	if (!(ROLL_CALL_STATUSES as readonly string[]).includes(status)) return 'onsite.error.status';
	const m = get('m') ?? '';
	let lateMinutes: number | null = null;
	if (m !== '') {
		const n = Number(m);
		if (!Number.isInteger(n) || n < 0 || n > 600) return 'onsite.error.minutes';
		lateMinutes = n;
	}
	const arrivalTime = get('a') ?? '';
	if (arrivalTime !== '' && !HHMM.test(arrivalTime)) return 'onsite.error.time';
	const note = (get('n') ?? '').trim();
	if (note.length > 2000) return 'errors.too_long';
	return { staffId, status: status as RollCallStatus, lateMinutes, arrivalTime, note };
}

/**
 * Reads the roll-call form: per person `s.<staff id>` (status), `m.<id>` (late minutes), `a.<id>`
 * (arrival time HH:mm), `n.<id>` (note). Returns the entries, or the first error key with the staff id.
 */
export function parseRollCall(
	form: FormData | null
): { ok: true; entries: RollCallEntry[] } | { ok: false; code: MessageKey; staffId?: string } {
	if (!form) return { ok: false, code: 'errors.bad_request' };
	const ids = new Set<string>();
	for (const k of form.keys()) if (k.startsWith('s.')) ids.add(k.slice(2));
	if (ids.size === 0) return { ok: false, code: 'onsite.error.empty_roll_call' };
	if (ids.size > 2000) return { ok: false, code: 'errors.bad_request' };
	const entries: RollCallEntry[] = [];
	for (const staffId of ids) {
		const e = entryOf(staffId, (p) => {
			const v = form.get(`${p}.${staffId}`);
			return typeof v === 'string' ? v : undefined;
		});
		if (typeof e === 'string') return { ok: false, code: e, staffId };
		entries.push(e);
	}
	return { ok: true, entries };
}
