// The admin's form of the document settings (issue #17 point 4; docs/report-formats.md, "Settings").
// Every text is stored NFC, trimmed, inner whitespace collapsed (domain/text.ts); each field has its own
// message so the admin reads beside the input what is missing. Limits match
// pb_migrations/1795623000_create_document_settings.js.
import { z } from 'zod';
import { normalizeText } from '../text';
import type { DocumentSettings } from '../official-document';
import type { MessageKey } from '../../i18n/vi';

/** Maximum lengths per field, shared with the page (maxlength) and the migration. */
export const DOCUMENT_SETTINGS_MAX = {
	parentBody: 200,
	issuingBody: 200,
	issuingAbbr: 20,
	place: 100,
	recordPrefix: 10,
	reportPrefix: 10,
	reportSignerAuthority: 100,
	reportSignerTitle: 100
} as const satisfies Record<keyof DocumentSettings, number>;

/**
 * An abbreviation or number prefix is one word of letters (Vietnamese ones included), digits and
 * hyphens: it is printed inside "Số: 07/BB-ĐKTCV", where a space or a slash would break the symbol.
 */
export const DOCUMENT_CODE = /^[\p{L}\p{N}]+(-[\p{L}\p{N}]+)*$/u;

const text = (max: number, required: MessageKey, opts: { code?: boolean; optional?: boolean } = {}) => {
	let inner = z.string().max(max, 'errors.too_long');
	if (!opts.optional) inner = inner.min(1, required);
	const base = z
		.string()
		.optional()
		.transform((s) => normalizeText(s ?? ''));
	if (!opts.code) return base.pipe(inner);
	return base.pipe(inner.refine((s) => s === '' || DOCUMENT_CODE.test(s), 'docsettings.error.code_chars'));
};

export const documentSettingsSchema = z
	.object({
		parent_body: text(DOCUMENT_SETTINGS_MAX.parentBody, 'errors.required', { optional: true }),
		issuing_body: text(DOCUMENT_SETTINGS_MAX.issuingBody, 'docsettings.error.issuing_body'),
		issuing_abbr: text(DOCUMENT_SETTINGS_MAX.issuingAbbr, 'docsettings.error.issuing_abbr', { code: true }),
		place: text(DOCUMENT_SETTINGS_MAX.place, 'docsettings.error.place'),
		record_prefix: text(DOCUMENT_SETTINGS_MAX.recordPrefix, 'docsettings.error.record_prefix', { code: true }),
		report_prefix: text(DOCUMENT_SETTINGS_MAX.reportPrefix, 'docsettings.error.report_prefix', { code: true }),
		report_signer_authority: text(DOCUMENT_SETTINGS_MAX.reportSignerAuthority, 'errors.required', { optional: true }),
		report_signer_title: text(DOCUMENT_SETTINGS_MAX.reportSignerTitle, 'docsettings.error.report_signer_title'),
		/** The version the page was read at (0 = nothing stored yet, the defaults). */
		version: z.coerce.number({ message: 'errors.invalid' }).int('errors.invalid').min(0, 'errors.invalid')
	})
	.transform((v): DocumentSettingsInput => ({
		settings: {
			parentBody: v.parent_body,
			issuingBody: v.issuing_body,
			issuingAbbr: v.issuing_abbr,
			place: v.place,
			recordPrefix: v.record_prefix,
			reportPrefix: v.report_prefix,
			reportSignerAuthority: v.report_signer_authority,
			reportSignerTitle: v.report_signer_title
		},
		version: v.version
	}));

export interface DocumentSettingsInput {
	settings: DocumentSettings;
	version: number;
}

/** The form's field names by setting, for the page (values, errors) and the route's echo. */
export const DOCUMENT_SETTINGS_FIELDS = {
	parentBody: 'parent_body',
	issuingBody: 'issuing_body',
	issuingAbbr: 'issuing_abbr',
	place: 'place',
	recordPrefix: 'record_prefix',
	reportPrefix: 'report_prefix',
	reportSignerAuthority: 'report_signer_authority',
	reportSignerTitle: 'report_signer_title'
} as const satisfies Record<keyof DocumentSettings, string>;
