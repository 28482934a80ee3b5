// One description, three renderers (model.ts): the format a caller asks for, and the response that
// serves it (PDF and DOCX as files, the print view as a page).
import { renderDocx } from './docx';
import { PRINT_CSP, renderHtml } from './html';
import type { OfficialDocument } from './model';
import { renderPdf } from './pdf';

export const DOCUMENT_FORMATS = ['pdf', 'docx', 'html'] as const;
export type DocumentFormat = (typeof DOCUMENT_FORMATS)[number];

/** `?format=` of a download route: 'pdf' unless it names another format. */
export function documentFormat(url: URL): DocumentFormat {
	const f = url.searchParams.get('format');
	return (DOCUMENT_FORMATS as readonly string[]).includes(f ?? '') ? (f as DocumentFormat) : 'pdf';
}

export async function renderDocument(format: DocumentFormat, doc: OfficialDocument, lang = 'vi'): Promise<Uint8Array> {
	if (format === 'pdf') return renderPdf(doc);
	if (format === 'docx') return renderDocx(doc);
	return new TextEncoder().encode(renderHtml(doc, lang));
}

const TYPES: Record<DocumentFormat, string> = {
	pdf: 'application/pdf',
	docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
	html: 'text/html; charset=utf-8'
};

/** The rendered document: PDF inline, DOCX as an attachment, the print view as a page; never cached. */
export function documentResponse(
	format: DocumentFormat,
	bytes: Uint8Array,
	basename: string,
	disposition?: 'inline' | 'attachment'
): Response {
	const headers: Record<string, string> = { 'content-type': TYPES[format], 'cache-control': 'private, no-store' };
	if (format !== 'html')
		headers['content-disposition'] = `${disposition ?? (format === 'pdf' ? 'inline' : 'attachment')}; filename="${basename}.${format}"`;
	else headers['content-security-policy'] = PRINT_CSP;
	return new Response(bytes as BodyInit, { headers });
}
