/**
 * What a notification says, in-app and by e-mail alike (issue #11 point 10): the message keys of its
 * subject and body and the parameters, with every calendar date shown dd/MM/yyyy (docs/report-formats.md
 * §c) whatever the screen language, and an extension decision saying which way it went. Pure: the
 * stored parameters stay as written (ISO days), so notifications stored before this change read right
 * too.
 */
import { isIsoDate } from './format';
import { formatIsoDate } from './time';
import { dynamicKey, type MessageKey } from '../i18n/t';

export interface NotificationMessage {
	subjectKey: MessageKey;
	bodyKey: MessageKey;
	params: Record<string, string | number>;
}

/** `2027-01-01` → `01/01/2027`; anything else unchanged. */
function displayParam(v: string | number): string | number {
	return typeof v === 'string' && isIsoDate(v) ? formatIsoDate(v) : v;
}

export function notificationMessage(kind: string, params: Record<string, string | number>): NotificationMessage {
	const shown = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, displayParam(v)]));
	// Notifications stored before issue #13 carry one kind 'extension_decided' with the decision as a
	// parameter ('approved' | 'refused'); they read as the two kinds sent since (extension_approved /
	// extension_refused): approved gives the new due date, refused the date that was asked for.
	const variant =
		kind === 'extension_decided' && (params.decision === 'approved' || params.decision === 'refused')
			? `.${params.decision}`
			: // An objection's decision (services/objections.ts): 'accepted' | 'rejected', each its own wording.
				kind === 'objection_decided' && (params.decision === 'accepted' || params.decision === 'rejected')
				? `.${params.decision}`
				: '';
	// The kind is stored as text: its keys are checked against the dictionary ("Unknown" for a kind without messages).
	return {
		subjectKey: dynamicKey('notify', `${kind}${variant}.subject`),
		bodyKey: dynamicKey('notify', `${kind}${variant}`),
		params: shown
	};
}
