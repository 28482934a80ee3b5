// Forms of the report-back (issue #13 §5). Messages are i18n keys. The per-action fields
// (`text_<action>`, `date_<action>`, domain/report-back.ts itemField) are checked for shape here and
// for content by the domain (a reason is required next to each not-done action).
import { z } from 'zod';
import { isIsoDate } from '../format';

const text = (max: number) => z.string().trim().max(max, 'errors.too_long').optional().default('');

/** The unit head's report: a summary plus one text (and for in-progress items a date) per action. */
export const reportBackSubmitSchema = z.object({ summary: text(5000) }).catchall(z.string().max(4000, 'errors.too_long'));

/** The team's return: the reason is checked by the service after authorization (a blank is refused there). */
export const reportBackReturnSchema = z.object({ reason: text(2000) });

/** The lead's report-back date; blank clears it. */
export const reportBackDateSchema = z.object({
	reportBackDate: z
		.string()
		.trim()
		.optional()
		.transform((s) => (s ? s : null))
		.refine((s) => s === null || isIsoDate(s), 'errors.date'),
	version: z.coerce.number().int().min(0).optional()
});
