/**
 * Written explanations and objections after a check (issue #13 §3–§4, docs/background.md
 * "Explanations and objections"). Pure: the caller passes today's Vietnamese date and the working
 * calendar.
 *
 * Explanations: the team requests a tường trình from the person named (addressee 'person') or a giải
 * trình from the unit ('unit'), due {@link EXPLANATION_DEFAULT_WORKING_DAYS} working days after the
 * request unless the team picks another date. The unit's head (or a delegate of the finding's action)
 * submits it once, as text and/or a scanned signed copy. After the due date it is still accepted and
 * marked late (a late explanation is better than none; the team sees that it was late). What was said
 * ON SITE stays in the biên bản ("Ý kiến giải trình của đơn vị", the finding's on-site explanation);
 * a written explanation is shown beside it, never written into the signed record.
 *
 * Objections: the unit's head may object to a finding within {@link OBJECTION_WINDOW_WORKING_DAYS}
 * working days after the check's completion day, with a reason; one open objection per finding at a
 * time; not once the finding's corrective action was accepted (verified or closed) or the finding was
 * superseded. The check's lead or a leader accepts (the finding is withdrawn by an amendment, its action
 * cancelled) or rejects with a reason.
 */
import { addWorkingDays, workingDaysBetween, type WorkingCalendar } from './holidays';
import { daysBetween, isIsoDate } from './format';
import { formatIsoDate } from './time';

/** Default time for a written explanation: this many working days after the request day. */
export const EXPLANATION_DEFAULT_WORKING_DAYS = 3;
/** The unit may object to a finding until this many working days after the completion day. */
export const OBJECTION_WINDOW_WORKING_DAYS = 5;

export type Addressee = 'person' | 'unit';
export const ADDRESSEES: readonly Addressee[] = ['person', 'unit'];

export interface ExplanationRequest {
	id: string;
	findingId: string;
	inspectionId: string;
	unitId: string;
	addressee: Addressee;
	dueDate: string;
	requestedBy: string | null;
	requestedByName: string;
	requestedAt: string;
	status: 'requested' | 'submitted';
	text: string;
	file: string;
	submittedBy: string | null;
	submittedByName: string;
	submittedAt: string | null;
	submittedOn: string | null;
	late: boolean;
	reminderKeys: string[];
	version: number;
}

export type ObjectionStatus = 'open' | 'accepted' | 'rejected';

export interface Objection {
	id: string;
	findingId: string;
	inspectionId: string;
	unitId: string;
	reason: string;
	file: string;
	filedBy: string | null;
	filedByName: string;
	filedAt: string;
	status: ObjectionStatus;
	decidedBy: string | null;
	decidedByName: string;
	decidedAt: string | null;
	decisionReason: string;
	amendmentId: string | null;
	version: number;
}

/** The default due date of a request made on `today`; null outside the calendar's years. */
export function defaultExplanationDue(today: string, cal: WorkingCalendar): string | null {
	try {
		return addWorkingDays(today, EXPLANATION_DEFAULT_WORKING_DAYS, cal);
	} catch {
		return null;
	}
}

export type RequestRefusal = 'explain.error.due_invalid' | 'explain.error.due_past' | 'explain.error.needs_person';

/** Whether a request may be made: a real date not before today; a tường trình needs a person named. */
export function checkRequest(input: { addressee: Addressee; dueDate: string; hasPerson: boolean }, today: string): RequestRefusal | null {
	if (input.addressee === 'person' && !input.hasPerson) return 'explain.error.needs_person';
	if (!isIsoDate(input.dueDate)) return 'explain.error.due_invalid';
	if (daysBetween(today, input.dueDate) < 0) return 'explain.error.due_past';
	return null;
}

export type SubmitRefusal = 'explain.error.already_submitted' | 'explain.error.empty';

/** Whether a submission is acceptable, and whether it is late (submitted after the due date). */
export function checkSubmission(
	req: Pick<ExplanationRequest, 'status' | 'dueDate'>,
	input: { text: string; hasFile: boolean },
	today: string
): { ok: true; late: boolean } | { ok: false; code: SubmitRefusal } {
	if (req.status !== 'requested') return { ok: false, code: 'explain.error.already_submitted' };
	if (!input.text.trim() && !input.hasFile) return { ok: false, code: 'explain.error.empty' };
	return { ok: true, late: daysBetween(req.dueDate, today) > 0 };
}

export type ExplanationReminderKind = 'explanation_due_in_1_day' | 'explanation_overdue';

/**
 * The reminder due for an open request on `today`, given the keys already sent: the day before and
 * on the due date ('explanation_due_in_1_day'), then once after it ('explanation_overdue'). Keyed by
 * kind and due date, so a moved date reminds again; at most one at a time; none once submitted.
 */
export function explanationReminder(
	req: Pick<ExplanationRequest, 'status' | 'dueDate'>,
	today: string,
	sentKeys: Iterable<string> = []
): { kind: ExplanationReminderKind; key: string; params: { date: string } } | null {
	if (req.status !== 'requested') return null;
	const left = daysBetween(today, req.dueDate);
	const kind: ExplanationReminderKind | null = left < 0 ? 'explanation_overdue' : left <= 1 ? 'explanation_due_in_1_day' : null;
	if (!kind) return null;
	const key = `${kind}@${req.dueDate}`;
	if (new Set(sentKeys).has(key)) return null;
	return { kind, key, params: { date: formatIsoDate(req.dueDate) } };
}

/** The last day the unit may object to a finding of a check completed on `completedDay`. */
export function objectionDeadline(completedDay: string, cal: WorkingCalendar): string | null {
	try {
		return addWorkingDays(completedDay, OBJECTION_WINDOW_WORKING_DAYS, cal);
	} catch {
		return null;
	}
}

export type ObjectRefusal =
	| 'objection.error.not_completed'
	| 'objection.error.window_closed'
	| 'objection.error.already_open'
	| 'objection.error.superseded'
	| 'objection.error.action_done'
	| 'objection.error.reason_required';

/** Whether the unit may object to a finding now (in the order the unit needs to hear it). */
export function checkObjection(
	facts: {
		completedDay: string | null;
		superseded: boolean;
		hasOpenObjection: boolean;
		actionAccepted: boolean;
		reason: string;
	},
	today: string,
	cal: WorkingCalendar
): ObjectRefusal | null {
	if (!facts.completedDay) return 'objection.error.not_completed';
	if (facts.superseded) return 'objection.error.superseded';
	if (facts.hasOpenObjection) return 'objection.error.already_open';
	if (facts.actionAccepted) return 'objection.error.action_done';
	let left: number;
	try {
		left = workingDaysBetween(facts.completedDay, today, cal);
	} catch {
		return 'objection.error.window_closed';
	}
	if (left > OBJECTION_WINDOW_WORKING_DAYS) return 'objection.error.window_closed';
	if (!facts.reason.trim()) return 'objection.error.reason_required';
	return null;
}

export type DecideRefusal = 'objection.error.decided' | 'objection.error.reason_required';

/** A decision on an objection: only an open one; a rejection needs a reason. */
export function checkDecision(o: Pick<Objection, 'status'>, accept: boolean, reason: string): DecideRefusal | null {
	if (o.status !== 'open') return 'objection.error.decided';
	if (!accept && !reason.trim()) return 'objection.error.reason_required';
	return null;
}
