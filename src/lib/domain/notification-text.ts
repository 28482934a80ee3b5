/**
 * What a notification says, in-app and by e-mail alike (issue #11 point 10): the message keys of its
 * subject and body and the parameters, with every calendar date shown dd/MM/yyyy (docs/report-formats.md
 * §c) whatever the screen language, and an extension decision saying which way it went. Pure: the
 * stored parameters stay as written (ISO days), so notifications stored before this change read right
 * too.
 */
import { isIsoDate } from './format';
import { formatIsoDate } from './time';

export interface NotificationMessage {
	subjectKey: string;
	bodyKey: string;
	params: Record<string, string | number>;
}

/** `2027-01-01` → `01/01/2027`; anything else unchanged. */
function displayParam(v: string | number): string | number {
	return typeof v === 'string' && isIsoDate(v) ? formatIsoDate(v) : v;
}

export function notificationMessage(kind: string, params: Record<string, string | number>): NotificationMessage {
	const shown = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, displayParam(v)]));
	// The decision is stored as a parameter by services/actions.ts ('approved' | 'refused'); each has
	// its own wording: approved gives the new due date, refused the date that was asked for.
	const variant =
		kind === 'extension_decided' && (params.decision === 'approved' || params.decision === 'refused')
			? `.${params.decision}`
			: // An objection's decision (services/objections.ts): 'accepted' | 'rejected', each its own wording.
				kind === 'objection_decided' && (params.decision === 'accepted' || params.decision === 'rejected')
				? `.${params.decision}`
				: '';
	return { subjectKey: `notify.${kind}${variant}.subject`, bodyKey: `notify.${kind}${variant}`, params: shown };
}
