// Forms and queries of the staff roster. Messages are i18n keys.
import { z } from 'zod';
import { MAX_CODE_LENGTH, MAX_PERSON_NAME_LENGTH, MAX_POSITION_LENGTH } from '../import/model';
import { GENDERS, STAFF_CATEGORIES } from '../vocabulary';
import { normalizeText } from '../text';
import { isPersonName } from '../person-name';
import { parseVnDate } from '../time';
import { RECORD_ID } from '../ids';
import { MAX_EMAIL_LENGTH, MAX_PHONE_INPUT_LENGTH, normalizeEmail, normalizeVnPhone } from '../contact';

// Same rule as the import (domain/import/fields.ts): ASCII business codes.
const CODE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._\-/]*$/;

const text = (max: number) =>
	z
		.string()
		.optional()
		.transform((v) => normalizeText(v ?? ''))
		.pipe(z.string().max(max, 'errors.too_long'));

const requiredText = (max: number) => text(max).pipe(z.string().min(1, 'errors.required'));

const recordId = z.string({ message: 'errors.required' }).regex(RECORD_ID, 'errors.invalid');

/** dd/MM/yyyy → 'YYYY-MM-DD'; a date that does not exist (31/02/1990) is refused. Empty → null. */
const optionalVnDate = z
	.string()
	.optional()
	.transform((v, ctx): string | null => {
		const s = (v ?? '').trim();
		if (s === '') return null;
		const d = parseVnDate(s);
		if (!d) {
			ctx.addIssue({ code: 'custom', message: 'staff.error.date' });
			return z.NEVER;
		}
		return d;
	});

const vnDate = optionalVnDate.transform((d, ctx): string => {
	if (d === null) {
		ctx.addIssue({ code: 'custom', message: 'errors.required' });
		return z.NEVER;
	}
	return d;
});

const emptyToNull = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === '' || v === undefined ? null : v), schema.nullable());

/** Roster filters from the URL. Unknown or malformed values fall back to the defaults, never a 500. */
export const staffQuerySchema = z.object({
	q: z.string().max(100).catch('').default(''),
	unit: z.string().regex(RECORD_ID).optional().catch(undefined),
	category: z.enum(STAFF_CATEGORIES).optional().catch(undefined),
	status: z.enum(['active', 'inactive', 'all']).catch('active').default('active'),
	page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1)
});
export type StaffQuery = z.infer<typeof staffQuerySchema>;

export function readStaffQuery(params: URLSearchParams): StaffQuery {
	const raw: Record<string, string> = {};
	for (const k of ['q', 'unit', 'category', 'status', 'page']) {
		const v = params.get(k);
		if (v !== null && v !== '') raw[k] = v;
	}
	return staffQuerySchema.parse(raw);
}

/** A Vietnamese phone number (domain/contact.ts): spaces and dots allowed, stored as 10 digits. Empty → ''. */
export const phoneField = z
	.string()
	.optional()
	.transform((v, ctx): string => {
		const s = (v ?? '').trim();
		if (s === '') return '';
		const phone = s.length > MAX_PHONE_INPUT_LENGTH ? null : normalizeVnPhone(s);
		if (phone === null) {
			ctx.addIssue({ code: 'custom', message: 'staff.error.phone' });
			return z.NEVER;
		}
		return phone;
	});

/** An email address (shape checked by zod), stored lower case. Empty → ''. */
export const emailField = z
	.string()
	.optional()
	.transform((v, ctx): string => {
		const s = (v ?? '').trim();
		if (s === '') return '';
		const email = s.length > MAX_EMAIL_LENGTH ? null : normalizeEmail(s);
		if (email === null) {
			ctx.addIssue({ code: 'custom', message: 'errors.email' });
			return z.NEVER;
		}
		return email;
	});

const personFields = {
	fullName: requiredText(MAX_PERSON_NAME_LENGTH).refine((s) => s === '' || isPersonName(s), 'errors.person_name'),
	gender: emptyToNull(z.enum(GENDERS, { message: 'errors.invalid' })),
	birthDate: optionalVnDate,
	position: text(MAX_POSITION_LENGTH),
	phone: phoneField,
	email: emailField,
	category: z.enum(STAFF_CATEGORIES, { message: 'errors.required' })
};

export const staffCreateSchema = z.object({
	employeeCode: z
		.string({ message: 'errors.required' })
		.trim()
		.min(1, 'errors.required')
		.max(MAX_CODE_LENGTH, 'errors.too_long')
		.regex(CODE_PATTERN, 'staff.error.code'),
	unitId: recordId,
	...personFields
});
export type StaffCreate = z.infer<typeof staffCreateSchema>;

export const staffEditSchema = z.object(personFields);
export type StaffEdit = z.infer<typeof staffEditSchema>;

export const staffTransferSchema = z.object({
	toUnitId: recordId,
	effectiveDate: vnDate,
	reason: text(1000)
});
export type StaffTransferInput = z.infer<typeof staffTransferSchema>;

// ---- import / export ------------------------------------------------------------------------------

export const IMPORT_KINDS = ['units', 'staff'] as const;

export const importPreviewSchema = z.object({
	kind: z.enum(IMPORT_KINDS, { message: 'errors.required' }),
	file: z.instanceof(File, { message: 'import.ui.no_file' }).refine((f) => f.size > 0 && f.name !== '', 'import.ui.no_file')
});

export const importCommitSchema = z.object({
	token: z.string().regex(/^[A-Za-z0-9_-]{20,64}$/, 'import.ui.expired')
});

/** The mapping step's answer: the kept file and, per unmatched column, `map:<header key>` = field or '' (ignore). */
export const importRemapSchema = z.object({
	draft: z.string().regex(/^[A-Za-z0-9_-]{20,64}$/, 'import.ui.expired'),
	mapping: z.record(z.string().max(200), z.string().max(40)).refine((m) => Object.keys(m).length <= 200)
});

/** Reads `map:<key>` fields of a posted mapping form. */
export function readMappingFields(form: FormData): Record<string, string> {
	const out: Record<string, string> = {};
	for (const [name, value] of form.entries()) {
		if (name.startsWith('map:') && typeof value === 'string') out[name.slice(4)] = value;
	}
	return out;
}

/** The error-file download: the kept file's draft token. */
export const importErrorsQuerySchema = z.object({ draft: z.string().regex(/^[A-Za-z0-9_-]{20,64}$/) });

export const exportQuerySchema = z.object({
	what: z.enum(IMPORT_KINDS),
	format: z.enum(['csv', 'xlsx'])
});

/** The counts shown after a commit (from the redirect's query string; display only). */
export const importDoneSchema = z.object({
	done: z.enum(IMPORT_KINDS),
	create: z.coerce.number().int().min(0),
	update: z.coerce.number().int().min(0),
	unchanged: z.coerce.number().int().min(0)
});
