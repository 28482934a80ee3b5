// Form schemas of the organisation admin screens (units, accounts, violation catalogue). Messages are
// i18n keys; parseForm translates them. Text is stored NFC with whitespace collapsed (domain/text.ts).
import { z } from 'zod';
import { normalizeText, utf8Bytes } from '../text';
import { isPersonName } from '../person-name';
import { parseVnDate } from '../time';
import { UNIT_KINDS } from '../vocabulary';
import { ROLES } from '../user';
import { RECORD_ID } from '../ids';

export { RECORD_ID };
/** Same shape as the import's unit codes (domain/import/fields.ts), so typed and imported codes agree. */
export const UNIT_CODE = /^[A-Za-z0-9][A-Za-z0-9._\-/]*$/;
/** Violation codes are upper case (pb_migrations violation_types.code). */
export const VIOLATION_CODE = /^[A-Z0-9][A-Z0-9-]*$/;
export const CATEGORIES = ['attendance', 'office_culture', 'conduct', 'procedures', 'other'] as const;
export const SEVERITIES = ['low', 'medium', 'high'] as const;
export const PASSWORD_MIN = 8;
/** PocketBase's password field refuses more than 71 characters (bcrypt's limit). */
export const PASSWORD_MAX = 71;

const text = (max: number) =>
	z.string({ message: 'errors.required' }).transform(normalizeText).pipe(z.string().min(1, 'errors.required').max(max, 'errors.too_long'));

const optionalText = (max: number) =>
	z
		.string()
		.optional()
		.transform((s) => normalizeText(s ?? ''))
		.pipe(z.string().max(max, 'errors.too_long'));

/** A multi-line note: NFC, trimmed, line breaks kept. */
const optionalNote = (max: number) =>
	z
		.string()
		.optional()
		.transform((s) => (s ?? '').normalize('NFC').trim())
		.pipe(z.string().max(max, 'errors.too_long'));

const id = z.string({ message: 'errors.required' }).regex(RECORD_ID, 'errors.invalid');
/** An optional record id: '' or absent → null. */
const optionalId = z
	.string()
	.optional()
	.transform((s) => (s ? s : null))
	.pipe(z.string().regex(RECORD_ID, 'errors.invalid').nullable());

const unitCode = z
	.string({ message: 'errors.required' })
	.trim()
	.min(1, 'errors.required')
	.max(64, 'errors.too_long')
	.regex(UNIT_CODE, 'units.error.code_invalid');

const unitKind = z.enum(UNIT_KINDS, { message: 'errors.required' });

/** dd/MM/yyyy, strictly (31/02/2025 is refused) → YYYY-MM-DD. */
const vnDate = z
	.string({ message: 'errors.required' })
	.trim()
	.min(1, 'errors.required')
	.transform((s, ctx) => {
		const d = parseVnDate(s);
		if (!d) {
			ctx.addIssue({ code: 'custom', message: 'units.error.date_invalid' });
			return z.NEVER;
		}
		return d;
	});

const toArray = (v: unknown) => (v === undefined || v === '' ? [] : Array.isArray(v) ? v : [v]);

export const unitCreateSchema = z.object({
	code: unitCode,
	name: text(300),
	kind: unitKind,
	parent: optionalId
});

export const unitRenameSchema = z.object({ name: text(300), kind: unitKind });

export const unitMoveSchema = z.object({ parent: optionalId });

export const unitMergeSchema = z
	.object({
		sources: z.preprocess(toArray, z.array(id).min(1, 'units.error.merge_no_sources').max(20, 'errors.invalid')),
		target_mode: z.enum(['existing', 'new'], { message: 'errors.required' }),
		target: optionalId,
		new_code: z.string().optional(),
		new_name: z.string().optional(),
		new_kind: z.string().optional(),
		new_parent: optionalId,
		effective_date: vnDate,
		reference: text(500)
	})
	.superRefine((v, ctx) => {
		if (v.target_mode === 'existing' && !v.target) {
			ctx.addIssue({ code: 'custom', path: ['target'], message: 'errors.required' });
		}
	})
	.transform((v, ctx) => {
		if (v.target_mode === 'existing') return { ...v, newUnit: null };
		const nu = unitCreateSchema.safeParse({ code: v.new_code, name: v.new_name, kind: v.new_kind, parent: v.new_parent ?? '' });
		if (!nu.success) {
			for (const i of nu.error.issues) ctx.addIssue({ code: 'custom', path: [`new_${String(i.path[0])}`], message: i.message });
			return z.NEVER;
		}
		return { ...v, newUnit: nu.data };
	});

export type UnitCreateInput = z.output<typeof unitCreateSchema>;
export type UnitMergeInput = z.output<typeof unitMergeSchema>;

export const idSchema = z.object({ id });

const email = z
	.string({ message: 'errors.required' })
	.trim()
	.min(1, 'errors.required')
	.max(254, 'errors.too_long')
	.pipe(z.email('errors.email'))
	.transform((s) => s.toLowerCase());

/** A new password (account creation, reset, and a user's own change). */
export const newPassword = z
	.string({ message: 'errors.required' })
	.min(1, 'errors.required')
	.min(PASSWORD_MIN, 'accounts.error.password_short')
	.max(PASSWORD_MAX, 'errors.too_long')
	// bcrypt reads 72 bytes at most, PocketBase refuses more: Vietnamese letters take 2–3 bytes each.
	.refine((s) => utf8Bytes(s) <= PASSWORD_MAX, 'accounts.error.password_bytes');

const role = z.enum(ROLES, { message: 'errors.required' });

export const accountCreateSchema = z.object({
	email,
	name: text(200).refine((s) => s === '' || isPersonName(s), 'errors.person_name'),
	role,
	unit: optionalId,
	position: optionalText(200),
	password: newPassword
});

export const accountEditSchema = z.object({
	name: text(200).refine((s) => s === '' || isPersonName(s), 'errors.person_name'),
	role,
	unit: optionalId,
	position: optionalText(200)
});

export const passwordResetSchema = z.object({ password: newPassword });

export const accountFilterSchema = z.object({
	q: optionalText(100),
	role: z
		.string()
		.optional()
		.transform((s) => ((ROLES as readonly string[]).includes(s ?? '') ? (s as (typeof ROLES)[number]) : null))
});

export type AccountCreateInput = z.output<typeof accountCreateSchema>;
export type AccountEditInput = z.output<typeof accountEditSchema>;

const fixDays = z
	.string({ message: 'errors.required' })
	.trim()
	.min(1, 'errors.required')
	.regex(/^\d{1,3}$/, 'catalogue.error.fix_days')
	.transform(Number)
	.pipe(z.number().int().min(0, 'catalogue.error.fix_days').max(365, 'catalogue.error.fix_days'));

const wording = {
	name_vi: text(500),
	name_en: optionalText(500),
	severity: z.enum(SEVERITIES, { message: 'errors.required' }),
	default_fix_days: fixDays,
	legal_basis: optionalNote(1000),
	notes: optionalNote(2000)
};

export const catalogueCreateSchema = z.object({
	code: z
		.string({ message: 'errors.required' })
		.trim()
		.min(1, 'errors.required')
		.max(64, 'errors.too_long')
		.regex(VIOLATION_CODE, 'catalogue.error.code_invalid'),
	category: z.enum(CATEGORIES, { message: 'errors.required' }),
	...wording
});

/** Editing never touches the code (codes are stable business keys); a posted `code` is ignored. */
export const catalogueEditSchema = z.object({ category: z.enum(CATEGORIES, { message: 'errors.required' }), ...wording });

export type CatalogueCreateInput = z.output<typeof catalogueCreateSchema>;
export type CatalogueEditInput = z.output<typeof catalogueEditSchema>;
