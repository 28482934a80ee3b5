// The sync endpoint's input, validated on the server (issue #14, docs/offline.md "Outbox and sync").
// The outbox's pure helpers and types are in ../sync.ts.
import { z } from 'zod';
import { ROLL_CALL_STATUSES } from '../roll-call';
import { RECORD_ID } from '../ids';
import { SYNC_BATCH_MAX } from '../sync';
import { CHECKLIST_RESULTS } from '../checklist-form';
import { SIGNATURE_PARTIES } from '../onsite';

const id = z.string().regex(RECORD_ID, 'errors.invalid');
const key = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'errors.invalid');
const hhmm = z.union([z.literal(''), z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'onsite.error.time')]).default('');
const text = (max: number) => z.string().trim().max(max, 'errors.too_long').default('');
const status = z.enum(ROLL_CALL_STATUSES, { message: 'onsite.error.status' });

export const startData = z.object({
	lat: z.number().min(-90).max(90).nullable().default(null),
	lon: z.number().min(-180).max(180).nullable().default(null),
	accuracy: z.number().min(0).max(100000).nullable().default(null)
});

export const rollCallData = z.object({
	staffId: id,
	status,
	lateMinutes: z
		.number()
		.int('onsite.error.minutes')
		.min(0, 'onsite.error.minutes')
		.max(600, 'onsite.error.minutes')
		.nullable()
		.default(null),
	arrivalTime: hhmm,
	note: text(2000),
	/** The status the device showed before this change (what it was based on); null = unknown. */
	base: status.nullable().default(null)
});
export type RollCallData = z.output<typeof rollCallData>;

export const findingData = z.object({
	/** The finding's own id, chosen by the device, so its photos can name it before it is sent. */
	id,
	staffId: z.union([z.literal(''), id]).default(''),
	typeId: z.string().min(1, 'onsite.error.type_required').regex(RECORD_ID, 'onsite.error.type_required'),
	description: z.string().trim().min(1, 'errors.required').max(5000, 'errors.too_long'),
	observedTime: hhmm
});
export type FindingData = z.output<typeof findingData>;

export const photoData = z.object({
	findingId: id,
	lastModified: z.number().int().min(0).default(0),
	/** Where the photo was taken (its EXIF, else the device's position), sent only when the inspector keeps the location. */
	lat: z.number().min(-90).max(90).nullable().default(null),
	lon: z.number().min(-180).max(180).nullable().default(null)
});

export const explanationData = z.object({ findingId: id, text: z.string().trim().min(1, 'onsite.error.explanation_empty').max(20000) });

/** The checklist's answers as the form sent them (parseChecklist): per catalogue code a result and a note, and the person of an item marked "Vi phạm". */
export const checklistData = z.object({
	items: z.record(
		z.string().min(1).max(64),
		z.object({ result: z.enum(CHECKLIST_RESULTS, { message: 'errors.invalid' }), note: text(2000) })
	),
	people: z.record(z.string().min(1).max(64), id).default({}),
	/** "Tất cả đạt": every item not marked yet (neither here nor saved) is saved as "Đạt". */
	allPassed: z.boolean().default(false)
});

/** A checklist item's evidence photo: it goes to the item's finding (recorded by the checklist record before it). */
export const checklistPhotoData = z.object({ code: z.string().min(1).max(64), lastModified: z.number().int().min(0).default(0) });

/**
 * A new sampled TTHC dossier: its id chosen on the device (a retry finds it saved) and the form's fields
 * as typed, checked on the server by the dossier form's own schema (schemas/dossiers.ts) and rules.
 */
export const dossierData = z.object({ id, fields: z.record(z.string().min(1).max(64), z.string().max(2000)) });

/**
 * A signer of the record (biên bản): the PNG drawn on the device, or the signer's refusal with its reason
 * (schemas/onsite.ts signatureSchema and refusalSchema, the completion page's two forms).
 */
export const signatureData = z.discriminatedUnion('mode', [
	z.object({
		mode: z.literal('sign'),
		party: z.enum(SIGNATURE_PARTIES, { message: 'errors.invalid' }),
		png: z.string().startsWith('data:image/png;base64,', 'onsite.error.signature').max(1_500_000, 'onsite.error.signature')
	}),
	z.object({
		mode: z.literal('refuse'),
		party: z.enum(SIGNATURE_PARTIES, { message: 'errors.invalid' }),
		reason: z.string().max(2000, 'errors.too_long')
	})
]);

/** Completing the check (the completion page's form: signed on paper, how the actions are grouped). */
export const completeData = z.object({
	signedOnPaper: z.boolean().default(false),
	grouping: z.enum(['per_finding', 'per_type'], { message: 'errors.invalid' }).default('per_finding')
});

export const syncRecordSchema = z.discriminatedUnion('kind', [
	z.object({ kind: z.literal('start'), key, data: startData }),
	z.object({ kind: z.literal('roll_call'), key, data: rollCallData }),
	z.object({ kind: z.literal('finding'), key, data: findingData }),
	z.object({ kind: z.literal('photo'), key, data: photoData }),
	z.object({ kind: z.literal('checklist'), key, data: checklistData }),
	z.object({ kind: z.literal('checklist_photo'), key, data: checklistPhotoData }),
	z.object({ kind: z.literal('dossier'), key, data: dossierData }),
	z.object({ kind: z.literal('explanation'), key, data: explanationData }),
	z.object({ kind: z.literal('signature'), key, data: signatureData }),
	z.object({ kind: z.literal('complete'), key, data: completeData })
]);
export type SyncRecord = z.output<typeof syncRecordSchema>;

export const syncBatchSchema = z.object({ records: z.array(z.unknown()).min(1).max(SYNC_BATCH_MAX) });

/** The lead's choice on a roll-call conflict (the hub's `?/resolveConflict`). */
export const resolveConflictSchema = z.object({ conflict: id, choice: z.enum(['saved', 'device']) });
