// Forms of the report's draft and of issuing it (issue #17 §2). Messages are i18n keys.
import { z } from 'zod';
import { recipientLines } from '../report-issue';
import { isPersonName } from '../person-name';

const prose = z.string().max(20000, 'errors.too_long').optional().default('');

/** The leader's prose of sections I, III, IV, V and the version the page was loaded at (0: no draft yet). */
export const reportDraftSchema = z.object({
	direction: prose,
	strengths: prose,
	weaknesses: prose,
	causes: prose,
	nextSteps: prose,
	recommendations: prose,
	version: z.coerce.number({ message: 'errors.invalid' }).int('errors.invalid').min(0, 'errors.invalid')
});

/** Issuing: the signer's name and the "Nơi nhận" lines (one a line, at least one). */
export const reportIssueSchema = z.object({
	signerName: z
		.string()
		.trim()
		.min(1, 'errors.required')
		.max(200, 'errors.too_long')
		.refine((s) => s === '' || isPersonName(s), 'errors.person_name'),
	recipients: z
		.string()
		.max(5000, 'errors.too_long')
		.optional()
		.default('')
		.transform((s) => recipientLines(s))
		.refine((l) => l.length > 0, 'report.issue.error.recipients')
		.refine((l) => l.length <= 30 && l.every((x) => x.length <= 300), 'report.issue.error.recipients_long')
		// A line names a unit or a person ("Như trên", "Lưu: VT"): the name rule of docs/fuzzing.md item 7.
		.refine((l) => l.every(isPersonName), 'report.issue.error.recipient_name')
});
