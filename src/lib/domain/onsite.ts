/**
 * On-site inspection (issue #5): pure rules the service and the pages share.
 * - photo checks (type sniffed from the bytes, size limit) and the metadata strip of a JPEG;
 * - roll-call entries → the findings they produce (one per violating person, idempotent);
 * - corrective actions proposed from the findings (per finding or per violation type), their due
 *   date counted in working days;
 * - the dates and times of the record (biên bản) in the Nghị định 30/2020 style.
 * No I/O, no clock: callers pass `now`/`today`.
 */
import { addWorkingDays, type WorkingCalendar } from './holidays';
import { isViolationStatus, violationCodeFor, type RollCallStatus } from './roll-call';
import { actionTitle, type Finding } from './finding';
import { sniffImage } from './file-type';

/** Largest photo accepted, after the phone has resized it (the schema's file limit). */
export const PHOTO_MAX_BYTES = 5 * 1024 * 1024;
export const PHOTO_MAX_MB = 5;
/** Photos per finding (the schema's `maxSelect`). */
export const PHOTO_MAX_COUNT = 5;
/** Longest edge the phone resizes a photo to before upload. */
export const PHOTO_MAX_EDGE = 1600;
/** Scanned written explanation (bản tường trình): PDF or image, 10 MB. */
export const SCAN_MAX_BYTES = 10 * 1024 * 1024;
/** A drawn signature PNG. */
export const SIGNATURE_MAX_BYTES = 1024 * 1024;

/**
 * A JPEG without its APP1 (EXIF, XMP: GPS position, camera serial) and APP13 (IPTC) segments. The
 * phone already re-encodes photos (which drops all metadata); this makes the same true for a photo
 * uploaded without JavaScript. Image data is untouched. Non-JPEG or malformed input is returned as is.
 */
export function stripJpegMetadata(b: Uint8Array): Uint8Array {
	if (sniffImage(b) !== 'image/jpeg') return b;
	const parts: Uint8Array[] = [b.subarray(0, 2)];
	let i = 2;
	while (i + 4 <= b.length) {
		if (b[i] !== 0xff) return b;
		const marker = b[i + 1]!;
		if (marker === 0xda) break; // start of scan: the rest is image data
		const len = (b[i + 2]! << 8) | b[i + 3]!;
		if (len < 2 || i + 2 + len > b.length) return b;
		if (marker !== 0xe1 && marker !== 0xed) parts.push(b.subarray(i, i + 2 + len));
		i += 2 + len;
	}
	parts.push(b.subarray(i));
	const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
	let o = 0;
	for (const p of parts) {
		out.set(p, o);
		o += p.length;
	}
	return out;
}

// --- Roll call → findings ------------------------------------------------------------------------

export interface AttendanceFact {
	attendanceId: string;
	staffId: string;
	status: RollCallStatus;
	lateMinutes: number | null;
	arrivalTime: string;
	note: string;
}

export interface AutoFinding {
	id: string;
	attendanceId: string;
	code: string;
	description: string;
}

export interface AutoFindingPlan {
	create: { attendanceId: string; staffId: string; code: string; description: string }[];
	update: { id: string; code: string; description: string }[];
	remove: string[];
}

/** The finding text of a violating roll-call status, e.g. "Đi muộn 22 phút (có mặt lúc 07:22)". */
export function attendanceDescription(
	a: Pick<AttendanceFact, 'status' | 'lateMinutes' | 'arrivalTime' | 'note'>,
	label: (status: RollCallStatus) => string
): string {
	const parts = [label(a.status)];
	if (a.status === 'late') {
		if (a.lateMinutes) parts[0] += ` ${a.lateMinutes} phút`;
		if (a.arrivalTime) parts.push(`có mặt lúc ${a.arrivalTime}`);
	}
	if (a.note.trim()) parts.push(a.note.trim());
	return parts.length > 1 ? `${parts[0]} (${parts.slice(1).join('; ')})` : parts[0]!;
}

/**
 * What the roll call must change among its automatic findings: one per violating person (late,
 * absent without reason, left early, away from post); a person whose status is no longer a
 * violation loses theirs; a changed status or note updates it. Saving twice plans nothing new.
 */
export function planAttendanceFindings(
	records: readonly AttendanceFact[],
	existing: readonly AutoFinding[],
	label: (status: RollCallStatus) => string
): AutoFindingPlan {
	const byAttendance = new Map(existing.map((f) => [f.attendanceId, f]));
	const plan: AutoFindingPlan = { create: [], update: [], remove: [] };
	const keep = new Set<string>();
	for (const r of records) {
		if (!isViolationStatus(r.status)) continue;
		const code = violationCodeFor(r.status)!;
		const description = attendanceDescription(r, label);
		const f = byAttendance.get(r.attendanceId);
		if (!f) plan.create.push({ attendanceId: r.attendanceId, staffId: r.staffId, code, description });
		else {
			keep.add(f.id);
			if (f.code !== code || f.description !== description) plan.update.push({ id: f.id, code, description });
		}
	}
	for (const f of existing) if (!keep.has(f.id)) plan.remove.push(f.id);
	return plan;
}

// --- Corrective actions proposed from findings -----------------------------------------------------

export type ActionGrouping = 'per_finding' | 'per_type';

export interface FindingForAction {
	id: string;
	typeId: string;
	typeCode: string;
	typeName: string;
	category: string;
	defaultFixDays: number;
	staffName: string;
	description: string;
	/** Where it was recorded: a roll-call finding's description names its status (see `findingWhat`). */
	source?: Finding['source'];
}

export interface ProposedAction {
	title: string;
	findingIds: string[];
	category: string;
	dueDate: string;
}

/**
 * One corrective action per finding, or one per violation type grouping its findings. The due date
 * is the type's `default_fix_days` counted in working days after the completion day (holidays.ts
 * convention: the start day never counts), the shortest of a group's types winning.
 */
export function proposeActions(
	findings: readonly FindingForAction[],
	grouping: ActionGrouping,
	completionDay: string,
	calendar: WorkingCalendar
): ProposedAction[] {
	const due = (days: number) => addWorkingDays(completionDay, Math.max(0, Math.round(days)), calendar);
	if (grouping === 'per_finding') {
		return findings.map((f) => ({
			title: actionTitle(f),
			findingIds: [f.id],
			category: f.category,
			dueDate: due(f.defaultFixDays)
		}));
	}
	const groups = new Map<string, FindingForAction[]>();
	for (const f of findings) groups.set(f.typeId, [...(groups.get(f.typeId) ?? []), f]);
	return [...groups.values()].map((g) => {
		const names = g.map((f) => f.staffName).filter(Boolean);
		return {
			title: `${g[0]!.typeName} (${g.length})${names.length ? `: ${names.join(', ')}` : ''}`.slice(0, 1000),
			findingIds: g.map((f) => f.id),
			category: g[0]!.category,
			dueDate: due(Math.min(...g.map((f) => f.defaultFixDays)))
		};
	});
}

// --- Record (biên bản) dates ---------------------------------------------------------------------

/**
 * "ngày 17 tháng 9 năm 2025" from "2025-09-17": a leading zero only for days below 10 and for
 * months 1 and 2 (Nghị định 30/2020/NĐ-CP, Phụ lục I): "ngày 05 tháng 02 năm 2026".
 */
export function longVnDate(ymd: string): string {
	const [y, m, d] = ymd.split('-').map(Number) as [number, number, number];
	const dd = d < 10 ? `0${d}` : String(d);
	const mm = m <= 2 ? `0${m}` : String(m);
	return `ngày ${dd} tháng ${mm} năm ${y}`;
}

/** "07:05" → "07 giờ 05 phút". */
export function vnClockWords(hhmm: string): string {
	const [h, m] = hhmm.split(':');
	return `${h} giờ ${m} phút`;
}

/** Stored signature files are named "<party>_<suffix>.png"; which party a file belongs to. */
export const SIGNATURE_PARTIES = ['lead', 'secretary', 'representative'] as const;
export type SignatureParty = (typeof SIGNATURE_PARTIES)[number];

export function signatureParty(fileName: string): SignatureParty | null {
	for (const p of SIGNATURE_PARTIES) if (fileName.startsWith(`${p}_`) || fileName === `${p}.png`) return p;
	return null;
}
