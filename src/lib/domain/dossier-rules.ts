/**
 * Dossiers sampled on site (hồ sơ thủ tục hành chính kiểm tra xác suất, issue #16 §4) and the rules that
 * turn a dossier into findings of the catalogue's TTHC types. Pure; docs/tthc-dossiers.md has the rules
 * and their sources.
 *
 * - TTHC-OVERDUE: returned after the due date, or not returned and the due date passed by the check's
 *   day (NĐ 61/2018/NĐ-CP; NĐ 107/2021/NĐ-CP) — whether or not an apology slip was issued.
 * - TTHC-OVERDUE-NO-APOLOGY: overdue and no Phiếu xin lỗi và hẹn lại ngày trả kết quả (TT 01/2018/TT-VPCP
 *   Mẫu 04).
 * - TTHC-APOLOGY-LATE: the slip was issued after the last working day before the due date (NĐ 61/2018
 *   "chậm nhất 01 ngày trước ngày hết hạn"; whether the day is a calendar or a working day is not
 *   verified — the app counts working days, with the calendar of domain/holidays.ts, and the finding
 *   names the slip's date, the latest allowed date and the due date).
 * - TTHC-REAPPOINT-TWICE: the return date was reset more than once (NĐ 61/2018: hẹn lại một lần).
 * - TTHC-LOG-MISMATCH: returned on paper but still "processing" in the one-stop software (TT 01/2018
 *   Mẫu 05, 06).
 */
import { addDays, isIsoDate } from './format';
import { calendarDay, type WorkingCalendar } from './holidays';
import { formatIsoDate } from './time';
import { searchKey } from './text';
import { t } from '../i18n/t';
import type { MessageKey } from './result';

export const DOSSIER_STATUSES = ['processing', 'returned'] as const;
export type DossierStatus = (typeof DOSSIER_STATUSES)[number];

/**
 * Fields (lĩnh vực) of the procedures a ward or commune resolves, as the one-stop systems group them.
 * A closed list so figures by field add up; "other" for the rest.
 */
export const TTHC_FIELDS = [
	'civil_status',
	'certification',
	'land',
	'construction',
	'business',
	'labour_social',
	'culture',
	'health',
	'education',
	'environment',
	'agriculture',
	'home_affairs',
	'other'
] as const;
export type TthcField = (typeof TTHC_FIELDS)[number];

/** Vietnamese names and the synonyms an export may use (matched accent- and case-insensitively). */
const FIELD_NAMES: Record<TthcField, readonly string[]> = {
	civil_status: ['Hộ tịch', 'Tư pháp - Hộ tịch', 'Tư pháp hộ tịch', 'Tư pháp'],
	certification: ['Chứng thực'],
	land: ['Đất đai'],
	construction: ['Xây dựng', 'Quy hoạch - Xây dựng'],
	business: ['Kinh doanh', 'Hộ kinh doanh', 'Đăng ký kinh doanh', 'Công thương'],
	labour_social: ['Lao động - Thương binh và Xã hội', 'Lao động, thương binh và xã hội', 'Bảo trợ xã hội', 'Người có công'],
	culture: ['Văn hóa', 'Văn hóa - Thông tin', 'Thể thao'],
	health: ['Y tế'],
	education: ['Giáo dục', 'Giáo dục và Đào tạo'],
	environment: ['Tài nguyên và Môi trường', 'Môi trường'],
	agriculture: ['Nông nghiệp', 'Nông nghiệp và Phát triển nông thôn'],
	home_affairs: ['Nội vụ', 'Thi đua - Khen thưởng', 'Tôn giáo'],
	other: ['Khác', 'Lĩnh vực khác']
};

const FIELD_BY_KEY = new Map<string, TthcField>();
for (const f of TTHC_FIELDS) {
	FIELD_BY_KEY.set(f, f);
	for (const name of FIELD_NAMES[f])
		FIELD_BY_KEY.set(
			searchKey(name)
				.replace(/[^a-z0-9]+/g, ' ')
				.trim(),
			f
		);
}

/** A field from its code or one of its Vietnamese names ("Hộ tịch", "HO TICH"); null when unknown. */
export function parseTthcField(s: string): TthcField | null {
	const k = searchKey(s)
		.replace(/[^a-z0-9]+/g, ' ')
		.trim();
	return FIELD_BY_KEY.get(s.trim()) ?? FIELD_BY_KEY.get(k) ?? null;
}

/** The Vietnamese name of a field (the record is Vietnamese whatever the screen language). */
export const tthcFieldName = (f: string): string => FIELD_NAMES[f as TthcField]?.[0] ?? f;

/** A sampled dossier as the rules see it; dates are Vietnamese calendar days YYYY-MM-DD. */
export interface DossierFacts {
	code: string;
	procedure: string;
	field: string;
	receivedOn: string;
	dueOn: string;
	/** The day the result was returned (paper), '' when not yet returned. */
	returnedOn: string;
	softwareStatus: DossierStatus;
	paperStatus: DossierStatus;
	apologyIssued: boolean;
	/** The apology slip's date, '' when none. */
	apologyOn: string;
	/** How many times the return date was reset (hẹn lại). */
	resetCount: number;
}

export interface Dossier extends DossierFacts {
	id: string;
	inspectionId: string;
	position: number;
	version: number;
}

/** The codes the rules produce, in the order the record lists them. */
export const DOSSIER_RULES = [
	'TTHC-OVERDUE',
	'TTHC-OVERDUE-NO-APOLOGY',
	'TTHC-APOLOGY-LATE',
	'TTHC-REAPPOINT-TWICE',
	'TTHC-LOG-MISMATCH'
] as const;
export type DossierRule = (typeof DOSSIER_RULES)[number];

/** How many resets of the return date are allowed (NĐ 61/2018: the date is reset once). */
export const MAX_RESETS = 1;

/** Overdue: returned after the due date, or not returned and the due date is before the check's day. */
export function isOverdue(d: Pick<DossierFacts, 'dueOn' | 'returnedOn'>, checkDay: string): boolean {
	return d.returnedOn ? d.returnedOn > d.dueOn : checkDay > d.dueOn;
}

/**
 * The latest day an apology slip may carry: the last working day strictly before the due date
 * ("chậm nhất 01 ngày trước ngày hết hạn", counted in working days). `calendar` must cover the due
 * date's year and the one before.
 */
export function latestApologyDay(dueOn: string, calendar: WorkingCalendar): string {
	let day = addDays(dueOn, -1);
	for (let i = 0; i < 60 && !calendarDay(day, calendar).isWorkingDay; i++) day = addDays(day, -1);
	return day;
}

/** The years a calendar must span for {@link evaluateDossier} on these dossiers. */
export function calendarYears(ds: readonly Pick<DossierFacts, 'dueOn'>[], checkDay: string): { fromYear: number; toYear: number } {
	const years = [checkDay, ...ds.map((d) => d.dueOn)].filter(isIsoDate).map((s) => Number(s.slice(0, 4)));
	return { fromYear: Math.min(...years) - 1, toYear: Math.max(...years) };
}

export interface RuleHit {
	rule: DossierRule;
	/** The Vietnamese description of the finding: the dossier's code and the facts that make the rule hold. */
	description: string;
}

/** Every rule that holds for `d` at a check on `checkDay`, with the finding's description. */
export function evaluateDossier(d: DossierFacts, checkDay: string, calendar: WorkingCalendar): RuleHit[] {
	const hits: RuleHit[] = [];
	const head = dossierHead(d);
	const say = (rule: DossierRule, key: MessageKey, params: Record<string, string | number> = {}) =>
		hits.push({ rule, description: `${head}: ${t('vi', key, params)}` });
	const due = formatIsoDate(d.dueOn);
	if (isOverdue(d, checkDay)) {
		if (d.returnedOn) say('TTHC-OVERDUE', 'dossier.rule.overdue_returned', { due, returned: formatIsoDate(d.returnedOn) });
		else say('TTHC-OVERDUE', 'dossier.rule.overdue_pending', { due, day: formatIsoDate(checkDay) });
		if (!d.apologyIssued) say('TTHC-OVERDUE-NO-APOLOGY', 'dossier.rule.no_apology', { due });
	}
	if (d.apologyIssued && d.apologyOn) {
		const latest = latestApologyDay(d.dueOn, calendar);
		if (d.apologyOn > latest) {
			say('TTHC-APOLOGY-LATE', 'dossier.rule.apology_late', { apology: formatIsoDate(d.apologyOn), latest: formatIsoDate(latest), due });
		}
	}
	if (d.resetCount > MAX_RESETS) say('TTHC-REAPPOINT-TWICE', 'dossier.rule.reset', { count: d.resetCount });
	if (d.paperStatus === 'returned' && d.softwareStatus !== 'returned') {
		say('TTHC-LOG-MISMATCH', 'dossier.rule.log_mismatch', d.returnedOn ? { returned: formatIsoDate(d.returnedOn) } : { returned: '—' });
	}
	return hits;
}

/** "Hồ sơ số MH-2508-00123 (Chứng thực bản sao; lĩnh vực Chứng thực; tiếp nhận 01/08/2025)". */
function dossierHead(d: DossierFacts): string {
	return t('vi', 'dossier.rule.head', {
		code: d.code,
		procedure: d.procedure,
		field: tthcFieldName(d.field),
		received: formatIsoDate(d.receivedOn)
	});
}

/** The client key of the automatic finding of one dossier and rule: the same on every re-evaluation. */
export const dossierFindingKey = (dossierId: string, rule: DossierRule) => `tthc:${dossierId}:${rule}`;

/** The dossier id and rule of an automatic finding's client key, or null for any other finding. */
export function parseDossierFindingKey(key: string): { dossierId: string; rule: DossierRule } | null {
	const m = /^tthc:([a-z0-9]+):(TTHC-[A-Z-]+)$/.exec(key);
	if (!m || !(DOSSIER_RULES as readonly string[]).includes(m[2]!)) return null;
	return { dossierId: m[1]!, rule: m[2] as DossierRule };
}

export interface DossierFindingPlan {
	create: { key: string; rule: DossierRule; description: string }[];
	/** Existing automatic findings to bring back or rewrite (the rule holds, the text changed or it was withdrawn). */
	update: { id: string; description: string; restore: boolean }[];
	/** Existing automatic findings whose rule no longer holds (the dossier was edited or deleted): withdrawn. */
	withdraw: string[];
}

/**
 * What the automatic findings of a check must become: one per dossier and rule that holds (by client
 * key), so re-evaluating never doubles one; a finding whose rule no longer holds is withdrawn
 * (superseded, so no figure or record counts it) and brought back, rewritten, if it holds again.
 */
export function planDossierFindings(
	dossiers: readonly (DossierFacts & { id: string })[],
	existing: readonly { id: string; clientKey: string; description: string; superseded: boolean }[],
	checkDay: string,
	calendar: WorkingCalendar
): DossierFindingPlan {
	const wanted = new Map<string, { rule: DossierRule; description: string }>();
	for (const d of dossiers) for (const h of evaluateDossier(d, checkDay, calendar)) wanted.set(dossierFindingKey(d.id, h.rule), h);
	const plan: DossierFindingPlan = { create: [], update: [], withdraw: [] };
	const seen = new Set<string>();
	for (const f of existing) {
		if (!parseDossierFindingKey(f.clientKey)) continue;
		seen.add(f.clientKey);
		const w = wanted.get(f.clientKey);
		if (!w) {
			if (!f.superseded) plan.withdraw.push(f.id);
		} else if (f.superseded || f.description !== w.description) {
			plan.update.push({ id: f.id, description: w.description, restore: f.superseded });
		}
	}
	for (const [key, w] of wanted) if (!seen.has(key)) plan.create.push({ key, ...w });
	return plan;
}

/**
 * Bad input of one dossier (dates out of order, an apology without its date): message keys by form
 * field. The dates are already real YYYY-MM-DD days (the schema checks that).
 */
export function dossierRefusals(d: DossierFacts): Partial<Record<keyof DossierFacts, MessageKey>> {
	const out: Partial<Record<keyof DossierFacts, MessageKey>> = {};
	if (d.dueOn < d.receivedOn) out.dueOn = 'dossier.error.due_before_received';
	if (d.returnedOn && d.returnedOn < d.receivedOn) out.returnedOn = 'dossier.error.returned_before_received';
	if (d.apologyIssued && !d.apologyOn) out.apologyOn = 'dossier.error.apology_date_required';
	if (!d.apologyIssued && d.apologyOn) out.apologyOn = 'dossier.error.apology_date_without_slip';
	if (d.apologyOn && d.apologyOn < d.receivedOn) out.apologyOn = 'dossier.error.apology_before_received';
	return out;
}

/**
 * The check's procedure counts derived from its sampled dossiers (docs/tthc-dossiers.md): sampled,
 * overdue and overdue without an apology slip. Used instead of the typed counts whenever the check has
 * dossier rows; the typed "no receipt" count, online share and notes are kept as typed.
 */
export function dossierCounts(
	ds: readonly Pick<DossierFacts, 'dueOn' | 'returnedOn' | 'apologyIssued'>[],
	checkDay: string
): { sampled: number; overdue: number; no_apology: number } {
	const overdue = ds.filter((d) => isOverdue(d, checkDay));
	return { sampled: ds.length, overdue: overdue.length, no_apology: overdue.filter((d) => !d.apologyIssued).length };
}
