// One schema per corrective-action form; messages are i18n keys. Files are read separately
// (server/uploads.ts) and checked by domain/action-extras.ts checkEvidence.
import { z } from 'zod';
import { ACTION_STATUSES } from '../corrective-action';
import { CLIENT_KEY, RECORD_ID } from '../ids';

const optionalText = z.string().trim().max(20000, 'errors.too_long').optional().default('');
const requiredReason = z
	.string({ message: 'action.error.reason_required' })
	.trim()
	.min(1, 'action.error.reason_required')
	.max(5000, 'errors.too_long');
const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'action.error.invalid_date');

export const noteSchema = z.object({ note: optionalText });
export const textSchema = z.object({ text: optionalText });
export const explainSchema = z.object({
	text: z.string({ message: 'action.error.text_required' }).trim().min(1, 'action.error.text_required').max(20000, 'errors.too_long')
});
export const reasonSchema = z.object({ reason: requiredReason });

/**
 * The action's version the page showed (hidden `version` field of every step form): a step decided on
 * an older state is refused as stale (issue #11 §6). Absent or malformed → undefined (no page check).
 */
export function seenVersion(form: FormData | null): number | undefined {
	const raw = form?.get('version');
	if (typeof raw !== 'string' || raw === '') return undefined;
	const r = z.coerce.number().int().min(0).safeParse(raw);
	return r.success ? r.data : undefined;
}
/**
 * The step form's idempotency key (hidden `client_key` field, a fresh one per page load): a step sent
 * again with the same key is not written twice. Absent or malformed → undefined (no de-duplication).
 */
export function formClientKey(form: FormData | null): string | undefined {
	const raw = form?.get('client_key');
	return typeof raw === 'string' && CLIENT_KEY.test(raw) ? raw : undefined;
}
export const extensionSchema = z.object({ reason: requiredReason, new_due_date: isoDay });
export const delegateSchema = z.object({
	delegates: z
		.union([z.string(), z.array(z.string())])
		.optional()
		.transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]).filter((s) => s !== ''))
		.pipe(z.array(z.string().regex(RECORD_ID, 'errors.invalid')).max(10))
});

const optionalEnum = <T extends readonly [string, ...string[]]>(values: T) =>
	z.preprocess((v) => (v === '' ? undefined : v), z.enum(values).optional());
const optionalDay = z.preprocess((v) => (v === '' ? undefined : v), isoDay.optional());

export const ACTION_SORTS = ['due_asc', 'due_desc', 'updated_desc', 'unit'] as const;
export const ACTION_CATEGORIES = ['attendance', 'office_culture', 'conduct', 'procedures', 'other'] as const;

/** Board filters from the query string; anything malformed falls back to "no filter". */
export const boardFilterSchema = z.object({
	status: optionalEnum(ACTION_STATUSES),
	unit: z.preprocess((v) => (v === '' ? undefined : v), z.string().regex(RECORD_ID).optional()),
	category: optionalEnum(ACTION_CATEGORIES),
	due_from: optionalDay,
	due_to: optionalDay,
	overdue: z.preprocess((v) => v === '1' || v === 'true' || v === 'on', z.boolean()),
	sort: z.preprocess((v) => (v === '' || v === undefined ? 'due_asc' : v), z.enum(ACTION_SORTS).catch('due_asc'))
});
export type BoardFilter = z.output<typeof boardFilterSchema>;

export function parseBoardFilter(params: URLSearchParams): BoardFilter {
	const raw = Object.fromEntries(params.entries());
	const r = boardFilterSchema.safeParse(raw);
	return r.success ? r.data : { overdue: false, sort: 'due_asc' };
}

export const notificationIdSchema = z.object({ id: z.string().regex(RECORD_ID, 'errors.invalid') });
export const emailPrefsSchema = z.object({
	email: z
		.union([z.string(), z.array(z.string())])
		.optional()
		.transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]))
});
