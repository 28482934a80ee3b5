// Forms of issue #16 §3–§4: a plan task, a sampled dossier. Messages are i18n keys.
import { z } from 'zod';
import { isIsoDate } from '../format';
import { RECORD_ID } from '../ids';
import { TASK_STATUSES } from '../plan-tasks';
import { DOSSIER_STATUSES, parseTthcField, type DossierFacts } from '../dossier-rules';

const id = z.string({ message: 'errors.required' }).trim().regex(RECORD_ID, 'errors.invalid');
const version = z.coerce.number({ message: 'errors.invalid' }).int('errors.invalid').min(0, 'errors.invalid');
const day = (message: 'plan_task.error.date' | 'dossier.error.date_invalid') =>
	z.string({ message: 'errors.required' }).trim().min(1, 'errors.required').refine(isIsoDate, message);
const optionalDay = (message: 'plan_task.error.date' | 'dossier.error.date_invalid') =>
	z
		.string()
		.trim()
		.optional()
		.default('')
		.refine((s) => s === '' || isIsoDate(s), message);
const ticked = z
	.literal('on')
	.optional()
	.transform((v) => v === 'on');

export const planTaskSchema = z.object({
	title: z.string({ message: 'errors.required' }).trim().min(1, 'errors.required').max(500, 'errors.too_long'),
	unit: z.string({ message: 'errors.required' }).trim().min(1, 'errors.required').regex(RECORD_ID, 'plan_task.error.unit_unknown'),
	due_on: day('plan_task.error.date'),
	status: z.enum(TASK_STATUSES, { message: 'errors.invalid' }).default('not_started'),
	done_on: optionalDay('plan_task.error.date')
});
export type PlanTaskInput = z.output<typeof planTaskSchema>;
export const editPlanTaskSchema = planTaskSchema.extend({ task: id, version });
export const completePlanTaskSchema = z.object({ task: id, version });

/** Dossier codes as one-stop systems print them: "MH-2508-00123", "000.00.07.H12-250801-0001". */
export const DOSSIER_CODE = /^[A-Za-z0-9][A-Za-z0-9._\-/]*$/;

export const dossierSchema = z
	.object({
		code: z
			.string({ message: 'errors.required' })
			.trim()
			.min(1, 'errors.required')
			.max(60, 'errors.too_long')
			.regex(DOSSIER_CODE, 'dossier.error.code_invalid'),
		procedure: z.string({ message: 'errors.required' }).trim().min(1, 'errors.required').max(500, 'errors.too_long'),
		field: z
			.string({ message: 'errors.required' })
			.trim()
			.min(1, 'errors.required')
			.refine((s) => parseTthcField(s) !== null, 'dossier.error.field_unknown'),
		received_on: day('dossier.error.date_invalid'),
		due_on: day('dossier.error.date_invalid'),
		returned_on: optionalDay('dossier.error.date_invalid'),
		software_status: z.enum(DOSSIER_STATUSES, { message: 'errors.required' }),
		paper_status: z.enum(DOSSIER_STATUSES, { message: 'errors.required' }),
		apology_issued: ticked,
		apology_on: optionalDay('dossier.error.date_invalid'),
		reset_count: z
			.union([
				z.literal(''),
				z.coerce.number().int('dossier.error.count_invalid').min(0, 'dossier.error.count_invalid').max(99, 'dossier.error.count_invalid')
			])
			.optional()
			.default('')
			.transform((v) => (v === '' ? 0 : v))
	})
	.transform((d): DossierFacts => ({
		code: d.code,
		procedure: d.procedure,
		field: parseTthcField(d.field)!,
		receivedOn: d.received_on,
		dueOn: d.due_on,
		returnedOn: d.returned_on,
		softwareStatus: d.software_status,
		paperStatus: d.paper_status,
		apologyIssued: d.apology_issued,
		apologyOn: d.apology_on,
		resetCount: d.reset_count
	}));
export const editDossierSchema = z.object({ dossier: id, version });
export const deleteDossierSchema = z.object({ dossier: id, version });

/** Form field of each dossier fact (refusals of the rules name the input). */
export const DOSSIER_FORM_FIELD: Record<keyof DossierFacts, string> = {
	code: 'code',
	procedure: 'procedure',
	field: 'field',
	receivedOn: 'received_on',
	dueOn: 'due_on',
	returnedOn: 'returned_on',
	softwareStatus: 'software_status',
	paperStatus: 'paper_status',
	apologyIssued: 'apology_issued',
	apologyOn: 'apology_on',
	resetCount: 'reset_count'
};
