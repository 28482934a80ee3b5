/**
 * The report-back (báo cáo kết quả khắc phục, issue #13 §5): by the check's report-back date the unit
 * head sends one report covering every corrective action of the check; the team acknowledges it or
 * returns it with a reason. Pure: the caller passes today's Vietnamese date.
 *
 *   (none) / pending ──submit──► submitted ──acknowledge──► acknowledged
 *                                submitted ──return (reason)──► returned ──submit──► submitted
 *
 * `pending` is a row the scheduler made to remember the reminders it sent before anything was
 * reported; for the unit it is the same as no report at all.
 *
 * Each item is pre-filled from its action's state (done with its evidence, in progress with a date,
 * not done with the unit's explanation as the reason); the state is never the unit's to choose, only
 * the wording and the expected date. Reminders reuse the windows of corrective actions
 * (`dueReminders`, domain/corrective-action.ts): D-3, D-1 and overdue, each once per date.
 */
import { vi } from '../i18n/messages/report-back';
import { dueReminders, type ActionStatus, type Reminder } from './corrective-action';
import { daysBetween, isIsoDate } from './format';
import { formatIsoDate } from './time';
import { longVnDate } from './onsite';
import { recordPlace } from './record-input';
import type { MessageKey } from './result';

export const REPORT_BACK_STATUSES = ['pending', 'submitted', 'returned', 'acknowledged'] as const;
export type ReportBackStatus = (typeof REPORT_BACK_STATUSES)[number];

export const ITEM_STATES = ['done', 'in_progress', 'not_done'] as const;
export type ItemState = (typeof ITEM_STATES)[number];

export interface ReportBackItem {
	actionId: string;
	title: string;
	dueDate: string;
	state: ItemState;
	/** The result (done), the progress (in progress) or the reason (not done). */
	text: string;
	/** For in-progress items: when the unit expects to finish (YYYY-MM-DD). */
	expectedDate: string | null;
	evidenceCount: number;
}

/** What pre-filling needs of an action. */
export interface ActionFacts {
	id: string;
	title: string;
	dueDate: string;
	status: ActionStatus;
	/** The latest response text (the submit step), '' when none. */
	responseText: string;
	evidenceCount: number;
	unitExplanation: string;
	pendingExtensionDate: string | null;
}

/** The state an action's status stands for in the report. */
export function itemState(status: ActionStatus): ItemState {
	if (status === 'submitted' || status === 'verified' || status === 'closed') return 'done';
	if (status === 'in_progress') return 'in_progress';
	return 'not_done';
}

/** One item per action, pre-filled from its state (issue #13 §5). */
export function prefillItems(actions: readonly ActionFacts[]): ReportBackItem[] {
	return actions.map((a) => {
		const state = itemState(a.status);
		return {
			actionId: a.id,
			title: a.title,
			dueDate: a.dueDate,
			state,
			text: state === 'done' ? a.responseText : state === 'not_done' ? a.unitExplanation : '',
			expectedDate: state === 'in_progress' ? (a.pendingExtensionDate ?? a.dueDate) : null,
			evidenceCount: state === 'done' ? a.evidenceCount : 0
		};
	});
}

/** Form field names of one item (the page and the service share them). */
export const itemField = {
	text: (actionId: string) => `text_${actionId}`,
	date: (actionId: string) => `date_${actionId}`
};

/**
 * The items as the unit head sent them: the state from the actions, the text and the expected date
 * from the form (blank text falls back to nothing; the pre-filled text was in the form already).
 * Returns the field errors when a not-done item has no reason, a done item no result, or an
 * in-progress item no valid expected date.
 */
export function itemsFromForm(
	prefilled: readonly ReportBackItem[],
	form: Readonly<Record<string, unknown>>
): { items: ReportBackItem[]; errors: Record<string, MessageKey> } {
	const errors: Record<string, MessageKey> = {};
	const str = (k: string) => (typeof form[k] === 'string' ? (form[k] as string).trim() : '');
	const items = prefilled.map((p) => {
		const text = str(itemField.text(p.actionId));
		const date = str(itemField.date(p.actionId));
		const item: ReportBackItem = { ...p, text, expectedDate: p.state === 'in_progress' ? date || null : null };
		if (p.state === 'not_done' && !text) errors[itemField.text(p.actionId)] = 'reportback.error.reason_required';
		if (p.state === 'done' && !text) errors[itemField.text(p.actionId)] = 'reportback.error.result_required';
		if (p.state === 'in_progress' && !isIsoDate(date)) errors[itemField.date(p.actionId)] = 'reportback.error.date_required';
		return item;
	});
	return { items, errors };
}

export type ReportBackCode =
	| 'reportback.error.check_not_completed'
	| 'reportback.error.already_submitted'
	| 'reportback.error.acknowledged'
	| 'reportback.error.not_submitted'
	| 'reportback.error.return_reason_required';

/** Only a completed (or closed) check is reported back on: its actions exist from completion on. */
export function isReportable(checkStatus: string): boolean {
	return checkStatus === 'completed' || checkStatus === 'closed';
}

/** May the unit send (again)? Once, or again only after the team returned it. */
export function submitRefusal(status: ReportBackStatus | null): ReportBackCode | null {
	if (status === 'submitted') return 'reportback.error.already_submitted';
	if (status === 'acknowledged') return 'reportback.error.acknowledged';
	return null;
}

/** May the team decide (acknowledge or return)? Only a report waiting for them. */
export function decideRefusal(status: ReportBackStatus | null): ReportBackCode | null {
	if (status === 'acknowledged') return 'reportback.error.acknowledged';
	if (status !== 'submitted') return 'reportback.error.not_submitted';
	return null;
}

/** Has the unit reported (the campaign page's "đã báo cáo")? */
export function hasReported(status: ReportBackStatus | null): boolean {
	return status === 'submitted' || status === 'acknowledged';
}

/** Past the report-back date with nothing reported (returned counts as not reported). */
export function isReportBackOverdue(status: ReportBackStatus | null, date: string | null, todayVN: string): boolean {
	return !!date && !hasReported(status) && daysBetween(date, todayVN) > 0;
}

/**
 * Reminders due today: the windows of corrective actions (D-3, D-1, overdue), once per date (keys in
 * `sent`). Nothing once the unit has reported. Overdue goes to the unit head and to leaders.
 */
export function reportBackReminders(
	status: ReportBackStatus | null,
	date: string | null,
	todayVN: string,
	sent: Iterable<string>
): Reminder[] {
	if (!date || hasReported(status)) return [];
	return dueReminders({ status: status === 'returned' ? 'in_progress' : 'open', dueDate: date, submittedOn: null }, todayVN, sent);
}

export const REMINDER_NOTIFICATION = {
	due_in_3_days: 'reportback_due_in_3_days',
	due_in_1_day: 'reportback_due_in_1_day',
	overdue: 'reportback_overdue'
} as const;

/** Totals of the report (section II). */
export function itemTotals(items: readonly ReportBackItem[]) {
	const count = (s: ItemState) => items.filter((i) => i.state === s).length;
	return { total: items.length, done: count('done'), in_progress: count('in_progress'), not_done: count('not_done') };
}

// --- The document ----------------------------------------------------------------------------------

type Key = keyof typeof vi;
const tv = (key: Key, params: Record<string, string | number> = {}) =>
	vi[key].replace(/\{(\w+)\}/g, (m, n: string) => (n in params ? String(params[n]) : m));

/**
 * The unit's name inside a sentence: the unit-type word in lower case before the proper name
 * ("Phường Mỹ Hưng" → "phường Mỹ Hưng", docs/report-formats.md (c) text conventions).
 */
export function inRunningText(unitName: string): string {
	return unitName.replace(/^(Phường|Xã|Thị trấn|Đặc khu)(?=\s)/, (w) => w.toLocaleLowerCase('vi'));
}

/** The unit's abbreviation in the number line: initials of its name ("Phường Mỹ Hưng" → "PMH"). */
function abbreviation(unitName: string): string {
	return unitName
		.split(/\s+/)
		.filter(Boolean)
		.map((w) => w[0]!.toLocaleUpperCase('vi'))
		.join('')
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '');
}

export interface ReportBackDocInput {
	unitName: string;
	parentName: string | null;
	/** The Vietnamese day the report was (or will be) sent. */
	day: string;
	/** The day of the check (its biên bản). */
	checkDay: string;
	items: readonly ReportBackItem[];
	summary: string;
	signerName: string;
	/** Not sent yet: the pre-filled draft, marked as such. */
	draft?: boolean;
}

export interface ReportBackDocLine {
	text: string;
	indent?: number;
	bold?: boolean;
}

export interface ReportBackDoc {
	headerLeft: [string, string];
	number: string;
	motto: [string, string];
	placeDate: string;
	title: string;
	subtitle: string;
	/** "(Dự thảo …)" while nothing was sent; null on the sent report. */
	draftNote: string | null;
	opening: string;
	sections: { heading: string; lines: ReportBackDocLine[] }[];
	signature: { title: string; hint: string; name: string };
	recipients: string[];
}

/** The report in the layout of docs/report-formats.md (d): built once, shown as a page and a PDF. */
export function buildReportBackDoc(d: ReportBackDocInput): ReportBackDoc {
	const results: ReportBackDocLine[] = [];
	d.items.forEach((it, i) => {
		results.push({ text: tv('reportback.doc.item', { n: i + 1, title: it.title, due: formatIsoDate(it.dueDate) }), bold: true });
		if (it.state === 'done') {
			results.push({ text: tv('reportback.doc.done', { text: it.text }).trim(), indent: 1 });
			if (it.evidenceCount > 0) results.push({ text: tv('reportback.doc.evidence', { count: it.evidenceCount }), indent: 1 });
		} else if (it.state === 'in_progress') {
			const date = it.expectedDate ? formatIsoDate(it.expectedDate) : '……';
			results.push({ text: tv('reportback.doc.in_progress', { date, text: it.text }).trim(), indent: 1 });
		} else results.push({ text: tv('reportback.doc.not_done', { text: it.text }), indent: 1 });
	});
	if (d.items.length === 0) results.push({ text: tv('reportback.doc.no_items') });
	const summary = d.summary.trim();
	return {
		headerLeft: [(d.parentName ?? '').toLocaleUpperCase('vi'), d.unitName.toLocaleUpperCase('vi')],
		number: tv('reportback.doc.number', { abbr: abbreviation(d.unitName) }),
		motto: ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc'],
		placeDate: `${recordPlace(d.unitName)}, ${longVnDate(d.day)}`,
		title: tv('reportback.doc.title'),
		subtitle: tv('reportback.doc.subtitle'),
		draftNote: d.draft ? tv('reportback.doc.draft') : null,
		opening: tv('reportback.doc.opening', { date: formatIsoDate(d.checkDay), unit: inRunningText(d.unitName) }),
		sections: [
			{ heading: tv('reportback.doc.section.results'), lines: results },
			{ heading: tv('reportback.doc.section.totals'), lines: [{ text: tv('reportback.doc.totals', itemTotals(d.items)) }] },
			{
				heading: tv('reportback.doc.section.summary'),
				lines: (summary ? summary.split(/\n+/) : [tv('reportback.doc.no_summary')]).map((text) => ({ text }))
			}
		],
		signature: { title: tv('reportback.doc.sign_title'), hint: tv('reportback.doc.sign_hint'), name: d.signerName },
		recipients: [tv('reportback.doc.recipients'), tv('reportback.doc.recipient.team'), tv('reportback.doc.recipient.archive')]
	};
}

/** The document's text, in reading order (the page shows it; tests compare it with the PDF). */
export function reportBackText(doc: ReportBackDoc): string[] {
	return [
		...doc.headerLeft.filter(Boolean),
		doc.number,
		...doc.motto,
		doc.placeDate,
		doc.title,
		doc.subtitle,
		...(doc.draftNote ? [doc.draftNote] : []),
		doc.opening,
		...doc.sections.flatMap((s) => [s.heading, ...s.lines.map((l) => l.text)]),
		doc.signature.title,
		doc.signature.name,
		...doc.recipients
	];
}
