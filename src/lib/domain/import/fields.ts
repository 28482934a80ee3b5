// Cell values → typed values, as zod schemas whose issues carry our error codes and params.
// Every field schema takes `string | undefined`: undefined = the column is absent from the file
// (optional columns only), '' = an empty cell. Strings arrive already cleaned (table.ts `cleanCell`).

import { z } from 'zod';
import { vi } from '../../i18n/messages/import';
import { formatIsoDate } from '../time';
import { searchKey } from '../text';
import { isPersonName } from '../person-name';
import { normalizeEmail, normalizeVnPhone } from '../contact';
import type { ErrorParams, RowErrorCode } from './errors';
import { GENDERS, STAFF_CATEGORIES, UNIT_KINDS, type Gender, type StaffCategory, type UnitKind } from '../vocabulary';

type Ctx = { addIssue(issue: { code: 'custom'; message: string; params?: ErrorParams }): void };

function fail(ctx: Ctx, code: RowErrorCode, params: ErrorParams = {}): never {
	ctx.addIssue({ code: 'custom', message: code, params });
	return z.NEVER;
}

// Latin-1 characters that Vietnamese never uses but text typed with TCVN3 (.VnTime) or VNI fonts
// shows once read as Unicode ("TrÇn ThÞ", "V¨n", "Nguyeãn Vaên Ñöùc"), and that UTF-8 read as
// Windows-1252 produces ("Nguyá»…n"). Đ/đ look-alikes (Ð/ð) are mapped, not refused (cleanCell).
const LEGACY_FONT_CHARS =
	/[\u00A1-\u00BF\u00C4-\u00C7\u00CB\u00CE\u00CF\u00D1\u00D6-\u00D8\u00DB\u00DC\u00DE\u00DF\u00E4-\u00E7\u00EB\u00EE\u00EF\u00F1\u00F6-\u00F8\u00FB\u00FC\u00FE\u00FF]/;

export function looksLikeLegacyFont(s: string): boolean {
	return LEGACY_FONT_CHARS.test(s);
}

/** Required free text (names): not empty, at most `max` characters, no legacy-font garbage. */
export function requiredText(max: number) {
	return z
		.string()
		.optional()
		.transform((v, ctx) => {
			const s = v ?? '';
			if (s === '') return fail(ctx, 'import.error.required');
			if (s.length > max) return fail(ctx, 'import.error.too_long', { max });
			if (looksLikeLegacyFont(s)) return fail(ctx, 'import.error.legacy_font', { value: s });
			return s;
		});
}

/** A person's full name: required text with at least one letter (domain/person-name.ts). */
export function personName(max: number) {
	return requiredText(max).transform((s, ctx) => (isPersonName(s) ? s : fail(ctx, 'import.error.person_name')));
}

/** Optional free text: absent column → undefined, empty cell → null. */
export function optionalText(max: number) {
	return z
		.string()
		.optional()
		.transform((v, ctx): string | null | undefined => {
			if (v === undefined) return undefined;
			if (v === '') return null;
			if (v.length > max) return fail(ctx, 'import.error.too_long', { max });
			if (looksLikeLegacyFont(v)) return fail(ctx, 'import.error.legacy_font', { value: v });
			return v;
		});
}

// Codes are stable ASCII keys (docs/sample-province.md §1: "Unit codes are ASCII on purpose").
const CODE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._\-/]*$/;

/** A business code; compared exactly (case-sensitive), as the unique index in PocketBase does. */
export function requiredCode(max: number) {
	return z
		.string()
		.optional()
		.transform((v, ctx) => {
			const s = v ?? '';
			if (s === '') return fail(ctx, 'import.error.required');
			if (s.length > max) return fail(ctx, 'import.error.too_long', { max });
			if (!CODE_PATTERN.test(s)) return fail(ctx, 'import.error.code_invalid', { value: s });
			return s;
		});
}

/** An optional code (parent unit): empty → null. */
export function optionalCode(max: number) {
	return z
		.string()
		.optional()
		.transform((v, ctx): string | null => {
			if (v === undefined || v === '') return null;
			if (v.length > max) return fail(ctx, 'import.error.too_long', { max });
			if (!CODE_PATTERN.test(v)) return fail(ctx, 'import.error.code_invalid', { value: v });
			return v;
		});
}

// ---- contacts (rules in domain/contact.ts, shared with the staff form) ---------------------------

/** Optional phone: absent → undefined, empty → null, else the 10 digits. */
export const phoneField = z
	.string()
	.optional()
	.transform((v, ctx): string | null | undefined => {
		if (v === undefined) return undefined;
		if (v === '') return null;
		return normalizeVnPhone(v) ?? fail(ctx, 'import.error.phone_invalid', { value: v });
	});

/** Optional email: absent → undefined, empty → null, else lower case. */
export const emailField = z
	.string()
	.optional()
	.transform((v, ctx): string | null | undefined => {
		if (v === undefined) return undefined;
		if (v === '') return null;
		return normalizeEmail(v) ?? fail(ctx, 'import.error.email_invalid', { value: v });
	});

// ---- dates -------------------------------------------------------------------------------------

function isValidYmd(y: number, m: number, d: number): boolean {
	if (m < 1 || m > 12 || d < 1) return false;
	const days = [31, y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
	return d <= days[m - 1]!;
}

function ymd(y: number, m: number, d: number): string {
	return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/**
 * Parses a date cell: day first, as Vietnamese write it (dd/MM/yyyy, also d/M/yyyy and '-' or '.'
 * separators), or ISO 'YYYY-MM-DD' (what the XLSX reader makes of a real date cell). Broader than
 * time.ts `parseVnDate`, which is for form input. Month-first (US) dates are not accepted:
 * 03/02/1990 is 3 February. Returns null when malformed or not a real date (31/02/1990).
 */
export function parseSheetDate(s: string): string | null {
	let y: number, m: number, d: number;
	const dayFirst = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s);
	const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
	if (dayFirst) [d, m, y] = [Number(dayFirst[1]), Number(dayFirst[2]), Number(dayFirst[3])];
	else if (iso) [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
	else return null;
	return isValidYmd(y, m, d) ? ymd(y, m, d) : null;
}

export const MIN_BIRTH_DATE = '1900-01-01';

/** Optional date between `min` and `max` ('YYYY-MM-DD', inclusive). Absent → undefined, empty → null. */
export function optionalDate(min: string, max: string) {
	return z
		.string()
		.optional()
		.transform((v, ctx): string | null | undefined => {
			if (v === undefined) return undefined;
			if (v === '') return null;
			const date = parseSheetDate(v);
			if (date === null) return fail(ctx, 'import.error.date_invalid', { value: v });
			if (date < min || date > max) {
				return fail(ctx, 'import.error.date_out_of_range', {
					value: formatIsoDate(date),
					min: formatIsoDate(min),
					max: formatIsoDate(max)
				});
			}
			return date;
		});
}

// ---- labelled enums ----------------------------------------------------------------------------

/** Lookup by search key: labels match whatever the case, accents or NFC/NFD form. */
function labelMap<T extends string>(entries: [T, readonly string[]][]): Map<string, T> {
	const map = new Map<string, T>();
	for (const [value, names] of entries) {
		for (const name of [value, value.replace(/_/g, ' '), ...names]) map.set(searchKey(name), value);
	}
	return map;
}

const UNIT_KIND_ALIASES: Record<UnitKind, readonly string[]> = {
	province: ['Tỉnh', 'UBND tỉnh', 'Thành phố trực thuộc trung ương'],
	department: ['Sở', 'Ban', 'Ngành', 'Sở, ban, ngành', 'Sở, ngành', 'Cơ quan chuyên môn'],
	office: ['Phòng', 'Phòng/Ban', 'Phòng ban', 'Phòng, ban', 'Phòng chuyên môn'],
	public_service: ['Đơn vị sự nghiệp', 'ĐVSN', 'dvsn'],
	service_center: ['Trung tâm PVHCC', 'Trung tâm Phục vụ hành chính công', 'trung_tam_pvhcc'],
	ward: ['Phường', 'UBND phường'],
	commune: ['Xã', 'UBND xã'],
	special_zone: ['Đặc khu', 'dac_khu'],
	// Historical district-level units (before 01/07/2025): quận, thị xã and thành phố thuộc tỉnh
	// were district-level too; the model keeps one kind for all of them.
	district: ['Huyện', 'Quận', 'Thị xã', 'Thành phố thuộc tỉnh', 'huyen', 'quan', 'thi_xa'],
	town: ['Thị trấn', 'thi_tran'],
	other: ['Khác']
};

const STAFF_CATEGORY_ALIASES: Record<StaffCategory, readonly string[]> = {
	can_bo: [],
	cong_chuc: [],
	vien_chuc: [],
	contract: ['Hợp đồng', 'HĐLĐ', 'Lao động hợp đồng', 'Nhân viên hợp đồng']
};

const GENDER_ALIASES: Record<Gender, readonly string[]> = { male: ['M', 'Nam giới'], female: ['F', 'Nữ giới'], other: [] };

const unitKinds = labelMap(UNIT_KINDS.map((k) => [k, [vi[`unit.kind.${k}`], ...UNIT_KIND_ALIASES[k]]]));
const staffCategories = labelMap(STAFF_CATEGORIES.map((c) => [c, [vi[`staff.category.${c}`], ...STAFF_CATEGORY_ALIASES[c]]]));
const genders = labelMap(GENDERS.map((g) => [g, [vi[`staff.gender.${g}`], ...GENDER_ALIASES[g]]]));
const statuses = labelMap<'active' | 'inactive'>([
	['active', [vi['unit.status.active'], vi['staff.status.active'], 'Hoạt động', 'Đang công tác', 'Còn làm việc', 'Có', 'x', '1', 'true']],
	[
		'inactive',
		[
			vi['unit.status.inactive'],
			vi['staff.status.inactive'],
			'Không hoạt động',
			'Đã nghỉ',
			'Nghỉ việc',
			'Thôi việc',
			'Nghỉ hưu',
			'Đã giải thể',
			'Không',
			'0',
			'false'
		]
	]
]);

export function parseUnitKind(s: string): UnitKind | null {
	return unitKinds.get(searchKey(s)) ?? null;
}
export function parseStaffCategory(s: string): StaffCategory | null {
	return staffCategories.get(searchKey(s)) ?? null;
}
export function parseGender(s: string): Gender | null {
	return genders.get(searchKey(s)) ?? null;
}
export function parseStatus(s: string): boolean | null {
	const v = statuses.get(searchKey(s));
	return v === undefined ? null : v === 'active';
}

export const unitKindField = z
	.string()
	.optional()
	.transform((v, ctx) => {
		const s = v ?? '';
		if (s === '') return fail(ctx, 'import.error.required');
		return (
			parseUnitKind(s) ??
			fail(ctx, 'import.error.kind_invalid', {
				value: s,
				allowed: UNIT_KINDS.map((k) => vi[`unit.kind.${k}`]).join(', ')
			})
		);
	});

export const staffCategoryField = z
	.string()
	.optional()
	.transform((v, ctx) => {
		const s = v ?? '';
		if (s === '') return fail(ctx, 'import.error.required');
		return parseStaffCategory(s) ?? fail(ctx, 'import.error.category_invalid', { value: s });
	});

export const genderField = z
	.string()
	.optional()
	.transform((v, ctx): Gender | null | undefined => {
		if (v === undefined) return undefined;
		if (v === '') return null;
		return parseGender(v) ?? fail(ctx, 'import.error.gender_invalid', { value: v });
	});

/** Status column: absent → undefined, empty → active. Labels differ for units and staff. */
export function statusField(labels: { active: string; inactive: string }) {
	return z
		.string()
		.optional()
		.transform((v, ctx): boolean | undefined => {
			if (v === undefined) return undefined;
			if (v === '') return true;
			return parseStatus(v) ?? fail(ctx, 'import.error.status_invalid', { value: v, ...labels });
		});
}
