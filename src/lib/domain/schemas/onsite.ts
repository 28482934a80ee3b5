// Forms of the on-site inspection (issue #5). Messages are i18n keys.
import { z } from 'zod';
import { CLIENT_KEY, RECORD_ID } from '../ids';
import { isPersonName } from '../person-name';

const id = z.string().regex(RECORD_ID, 'errors.invalid');
const text = (max: number) => z.string().trim().max(max, 'errors.too_long').default('');
const optNumber = z
	.union([z.literal(''), z.coerce.number()])
	.optional()
	.transform((v) => (v === '' || v === undefined || Number.isNaN(v) ? null : v));
const hhmm = z.union([z.literal(''), z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'onsite.error.time')]).default('');
const clientKey = z.string().regex(CLIENT_KEY, 'errors.invalid');

export const startSchema = z.object({
	lat: optNumber.pipe(z.number().min(-90).max(90).nullable()),
	lon: optNumber.pipe(z.number().min(-180).max(180).nullable()),
	accuracy: optNumber.pipe(z.number().min(0).max(100000).nullable())
});

// The roll-call form's parsing has no zod: the roll-call page queues it for the outbox (first-load budget).
export { parseRollCall, type RollCallEntry } from '../roll-call-form';

// The checklist form's parsing has no zod: the checklist page queues it for the outbox (first-load budget).
export { CHECKLIST_RESULTS, parseChecklist, type ChecklistResult } from '../checklist-form';

const count = z
	.union([z.literal(''), z.coerce.number().int('onsite.error.count').min(0, 'onsite.error.count').max(100000, 'onsite.error.count')])
	.default('')
	.transform((v) => (v === '' ? 0 : v));

export const proceduresSchema = z
	.object({
		sampled: count,
		overdue: count,
		no_receipt: count,
		no_apology: count,
		online_share: z
			.union([z.literal(''), z.coerce.number().min(0, 'onsite.error.percent').max(100, 'onsite.error.percent')])
			.default('')
			.transform((v) => (v === '' ? null : v)),
		notes: text(5000)
	})
	.refine((p) => p.overdue <= p.sampled && p.no_receipt <= p.sampled, {
		message: 'onsite.error.more_than_sampled',
		path: ['overdue']
	})
	.refine((p) => p.no_apology <= p.overdue, { message: 'onsite.error.apology_more_than_overdue', path: ['no_apology'] });
export type Procedures = z.output<typeof proceduresSchema>;

export const findingSchema = z.object({
	client_key: clientKey,
	staff: z.union([z.literal(''), id]).default(''),
	violation_type: z.string().min(1, 'onsite.error.type_required').regex(RECORD_ID, 'errors.invalid'),
	description: z.string().trim().min(1, 'errors.required').max(5000, 'errors.too_long'),
	observed_time: hhmm,
	keep_location: z
		.literal('on')
		.optional()
		.transform((v) => v === 'on'),
	photo_meta: z.string().max(10000).default('[]')
});

export const explanationSchema = z.object({
	finding: id,
	text: text(20000)
});

export const detailsSchema = z.object({
	representative_name: text(200).refine((s) => s === '' || isPersonName(s), 'errors.person_name'),
	representative_position: text(200),
	unit_explanation: text(20000),
	conclusions: text(20000),
	/** The team's secretary: a member's id, '' for none; absent = unchanged. */
	secretary: z.union([z.literal(''), id]).optional()
});

const signParty = z.enum(['lead', 'secretary', 'representative'], { message: 'errors.invalid' });

export const signatureSchema = z.object({
	party: signParty,
	png: z.string().startsWith('data:image/png;base64,', 'onsite.error.signature').max(1_500_000, 'onsite.error.signature')
});

/** A signer recorded as refusing to sign: the reason is required (docs/report-formats.md row 13). */
export const refusalSchema = z.object({
	party: signParty,
	reason: z.string().trim().min(1, 'sign.error.reason_required').max(2000, 'errors.too_long')
});

export const completeSchema = z.object({
	signed_on_paper: z
		.literal('on')
		.optional()
		.transform((v) => v === 'on'),
	grouping: z.enum(['per_finding', 'per_type'], { message: 'errors.invalid' }).default('per_finding')
});

export const amendFindingSchema = z.object({
	client_key: clientKey,
	finding: id,
	description: z.string().trim().min(1, 'errors.required').max(5000, 'errors.too_long'),
	reason: z.string().trim().min(1, 'check.error.reason_required').max(2000, 'errors.too_long')
});

export const AMENDABLE_FIELDS = ['representative_name', 'representative_position', 'unit_explanation', 'conclusions'] as const;
export const amendCheckSchema = z.object({
	field: z.enum(AMENDABLE_FIELDS, { message: 'errors.invalid' }),
	after: text(20000),
	reason: z.string().trim().min(1, 'check.error.reason_required').max(2000, 'errors.too_long')
});
