// Forms of written explanations and objections (issue #13 §3–§4). Messages are i18n keys.
import { z } from 'zod';
import { RECORD_ID } from '../ids';
import { ADDRESSEES } from '../explanations';

const id = z.string().regex(RECORD_ID, 'errors.invalid');
const text = (max: number) => z.string().trim().max(max, 'errors.too_long').default('');

/** The team asks for a written explanation on a finding. */
export const requestExplanationSchema = z.object({
	finding: id,
	addressee: z.enum(ADDRESSEES as [string, ...string[]], { message: 'errors.required' }).transform((v) => v as 'person' | 'unit'),
	due_date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'explain.error.due_invalid')
});

/** The unit submits it (the scan is read from the form apart). */
export const submitExplanationSchema = z.object({
	request: id,
	text: text(20000)
});

/** The unit head objects (the evidence file is read apart). */
export const objectionSchema = z.object({
	reason: z.string().trim().min(1, 'objection.error.reason_required').max(5000, 'errors.too_long')
});

/** The lead or a leader decides. */
export const decideObjectionSchema = z.object({
	objection: id,
	decision: z.enum(['accept', 'reject'], { message: 'errors.required' }),
	reason: text(5000)
});
