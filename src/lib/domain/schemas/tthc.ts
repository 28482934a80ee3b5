// Forms and queries of the TTHC period statistics (issue #16, docs/tthc.md). Messages are i18n keys.
// The counts stay text here: domain/tthc.ts readCounts checks them (the same rules as the import), so
// each bad count gets its message naming the field and what was typed.
import { z } from 'zod';
import { RECORD_ID } from '../ids';
import { COUNT_FIELDS, PERIOD_KINDS, type CountField } from '../tthc';

const recordId = z.string({ message: 'tthc.error.unit_required' }).regex(RECORD_ID, 'tthc.error.unit_required');
const countText = z.string().max(40, 'errors.too_long').optional();

export const tthcEntrySchema = z
	.object({
		unit: recordId,
		kind: z.enum(PERIOD_KINDS, { message: 'tthc.error.kind_required' }),
		year: z.coerce
			.number({ message: 'tthc.error.year_invalid' })
			.int('tthc.error.year_invalid')
			.min(2000, 'tthc.error.year_invalid')
			.max(2100, 'tthc.error.year_invalid'),
		part: z.coerce
			.number({ message: 'tthc.error.part_invalid' })
			.int('tthc.error.part_invalid')
			.min(1, 'tthc.error.part_invalid')
			.max(12, 'tthc.error.part_invalid')
			.optional(),
		version: z.coerce.number().int().min(0).default(0),
		...(Object.fromEntries(COUNT_FIELDS.map((f) => [f, countText])) as Record<CountField, typeof countText>)
	})
	.transform((v) => ({
		unit: v.unit,
		kind: v.kind,
		year: v.year,
		part: v.kind === 'year' ? 1 : (v.part ?? 0),
		version: v.version,
		counts: Object.fromEntries(COUNT_FIELDS.map((f) => [f, v[f] ?? ''])) as Record<CountField, string>
	}));

export type TthcEntryInput = z.output<typeof tthcEntrySchema>;

/** The entry page's query: which unit and period to open (all optional). */
export const tthcEntryQuerySchema = z.object({
	unit: z.string().regex(RECORD_ID).optional().catch(undefined),
	kind: z.enum(PERIOD_KINDS).optional().catch(undefined),
	year: z.coerce.number().int().min(2000).max(2100).optional().catch(undefined),
	part: z.coerce.number().int().min(1).max(12).optional().catch(undefined)
});

/** The list page's query: the unit and the decimals of the rates (0–2, default 1). */
export const tthcListQuerySchema = z.object({
	unit: z.string().regex(RECORD_ID).optional().catch(undefined),
	/** `quarter:2025-07-01`: the period of the overview. */
	period: z
		.string()
		.regex(/^(month|quarter|year):\d{4}-\d{2}-01$/)
		.optional()
		.catch(undefined),
	digits: z.coerce.number().int().min(0).max(2).catch(1).default(1)
});

export const tthcImportPreviewSchema = z.object({
	file: z.instanceof(File, { message: 'import.ui.no_file' }).refine((f) => f.size > 0 && f.name !== '', 'import.ui.no_file')
});

export const tthcImportCommitSchema = z.object({
	token: z.string().regex(/^[A-Za-z0-9_-]{20,64}$/, 'tthc.import.expired')
});
