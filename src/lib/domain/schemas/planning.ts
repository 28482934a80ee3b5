// Forms of the planning area (plans, checks, campaigns, announced days). Messages are i18n keys.
import { z } from 'zod';
import { CHECK_KINDS } from '../check';
import { isIsoDate } from '../format';
import { RECORD_ID } from '../ids';

export const FOCUS_AREAS = ['attendance', 'office_culture', 'procedures'] as const;
export const TRIGGERS = ['plan', 'surprise', 'complaint', 'directive'] as const;
export type Trigger = (typeof TRIGGERS)[number];
export type FocusArea = (typeof FOCUS_AREAS)[number];

const ID = RECORD_ID;
const id = z.string({ message: 'errors.required' }).trim().regex(ID, 'errors.required');
const optionalId = z
	.string()
	.trim()
	.optional()
	.transform((s) => (s ? s : null))
	.refine((s) => s === null || ID.test(s), 'errors.invalid');
/** A form field that may come once (string) or many times (array). */
const many = <T extends z.ZodType>(item: T) =>
	z.preprocess((v) => (v === undefined || v === '' ? [] : Array.isArray(v) ? v : [v]), z.array(item));
const text = (max: number) => z.string().trim().max(max, 'errors.too_long').optional().default('');
const day = z.string({ message: 'errors.required' }).trim().refine(isIsoDate, 'errors.date');
const optionalDay = z
	.string()
	.trim()
	.optional()
	.transform((s) => (s ? s : null))
	.refine((s) => s === null || isIsoDate(s), 'errors.date');
const time = z
	.string()
	.trim()
	.regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'errors.time');

/** The date/time window: a day with start and end time; an optional end day for multi-day checks. */
const windowFields = {
	date: optionalDay,
	week: z
		.string()
		.trim()
		.optional()
		.transform((s) => (s ? s : null))
		.refine((s) => s === null || /^\d{4}-W\d{2}$/.test(s), 'errors.invalid'),
	startTime: time.optional().default('08:00'),
	endDate: optionalDay,
	endTime: time.optional().default('11:30')
};

const teamFields = {
	lead: optionalId,
	team: many(z.string().regex(ID, 'errors.invalid')),
	observers: many(z.string().regex(ID, 'errors.invalid')),
	observerNames: text(1000)
};

export const checkSchema = z.object({
	kind: z.enum(CHECK_KINDS, { message: 'errors.required' }),
	trigger: z.enum(TRIGGERS, { message: 'errors.required' }),
	title: text(500),
	unit: id,
	plan: optionalId,
	focus: many(z.enum(FOCUS_AREAS, { message: 'errors.invalid' })),
	...windowFields,
	...teamFields,
	/** Required when the check changes an approved plan (a recorded revision). */
	reason: text(2000)
});
export type CheckInput = z.output<typeof checkSchema>;

/** A scheduled check added to a plan: no kind/trigger (scheduled, from the plan). */
export const planCheckSchema = z.object({
	title: text(500),
	unit: id,
	focus: many(z.enum(FOCUS_AREAS, { message: 'errors.invalid' })),
	...windowFields,
	...teamFields,
	reason: text(2000)
});
export type PlanCheckInput = z.output<typeof planCheckSchema>;

export const campaignSchema = z.object({
	campaign: z.string({ message: 'errors.required' }).trim().min(1, 'errors.required').max(300, 'errors.too_long'),
	trigger: z.enum(TRIGGERS, { message: 'errors.required' }),
	units: many(z.string().regex(ID, 'errors.invalid')).refine((a) => a.length > 0, 'campaign.error.no_units'),
	focus: many(z.enum(FOCUS_AREAS, { message: 'errors.invalid' })),
	reportBackDate: optionalDay,
	...windowFields,
	...teamFields
});
export type CampaignInput = z.output<typeof campaignSchema>;

export const planSchema = z.object({
	title: z.string({ message: 'errors.required' }).trim().min(1, 'errors.required').max(500, 'errors.too_long'),
	periodKind: z.enum(['year', 'quarter'], { message: 'errors.required' }),
	year: z.coerce.number({ message: 'errors.invalid' }).int('errors.invalid').min(2000, 'errors.invalid').max(2100, 'errors.invalid'),
	quarter: z.coerce.number().int().min(0).max(4).optional().default(0),
	reference: text(300),
	legalBasis: text(2000),
	scope: text(5000),
	reason: text(2000)
});
export type PlanInput = z.output<typeof planSchema>;

export const reasonSchema = z.object({
	reason: z.string({ message: 'errors.required' }).trim().min(1, 'check.error.reason_required').max(2000, 'errors.too_long')
});

export const optionalReasonSchema = z.object({ reason: text(2000) });

export const rescheduleSchema = z.object({ ...windowFields });
export type RescheduleInput = z.output<typeof rescheduleSchema>;

export const removeCheckSchema = z.object({ check: id, reason: text(2000) });

export const calendarDaySchema = z.object({
	date: day,
	kind: z.enum(['day_off', 'working_day'], { message: 'errors.required' }),
	name: z.string({ message: 'errors.required' }).trim().min(1, 'errors.required').max(300, 'errors.too_long'),
	reference: text(300)
});
export type CalendarDayInput = z.output<typeof calendarDaySchema>;

export const deleteDaySchema = z.object({ id });

/** Query string of the check list. Unknown or malformed values are ignored (no error page). */
export const checkFilterSchema = z.object({
	from: optionalDay.catch(null),
	to: optionalDay.catch(null),
	unit: optionalId.catch(null),
	kind: z.enum(CHECK_KINDS).optional().catch(undefined),
	status: z.enum(['planned', 'in_progress', 'completed', 'closed', 'cancelled', 'postponed']).optional().catch(undefined),
	inspector: optionalId.catch(null),
	mine: z.enum(['1', '0']).optional().catch(undefined)
});
export type CheckFilterInput = z.output<typeof checkFilterSchema>;
