// The report-back's download as a response (its document is report-back-doc.ts, rendered in index.ts).
import { documentResponse, type DocumentFormat } from './render';

/** The file named for its date (bao-cao-khac-phuc-dd-MM-yyyy.pdf|docx|html), never cached. */
export function reportBackResponse(format: DocumentFormat, bytes: Uint8Array, placeDate: string): Response {
	const day = placeDate.match(/\d+/g)?.join('-') ?? '';
	return documentResponse(format, bytes, `bao-cao-khac-phuc-${day}`);
}
