/**
 * The contract shared by the parts of issue #17 (docs/report-formats.md): the texts an administrator
 * sets once for every document (issuing body, place, number prefixes, signer titles), the prose a leader
 * writes into the periodic report (sections I, III, IV, V), the facts of issuing it (number, date,
 * signer, recipients), and one signer of a document (signed, refused with a reason, or left blank).
 * Pure types and defaults: the settings are stored by a service, the documents rendered in
 * src/lib/server/documents/.
 */

/** Admin settings of the documents (issue #17 point 4). Defaults are today's fixed texts. */
export interface DocumentSettings {
	/** Cơ quan chủ quản, printed above the issuing body ('' when none): "Sở Nội vụ". */
	parentBody: string;
	/** Cơ quan ban hành: "Đoàn kiểm tra công vụ". */
	issuingBody: string;
	/** The issuing body's abbreviation in numbers and "Lưu: VT, …": "ĐKTCV". */
	issuingAbbr: string;
	/** The place in the report's "<place>, ngày … tháng … năm …" line: "Cửu An". */
	place: string;
	/** Number prefixes: "Số: 07/BB-ĐKTCV", "Số: 12/BC-ĐKTCV". */
	recordPrefix: string;
	reportPrefix: string;
	/** The report's signature: the authority line ("KT. TRƯỞNG ĐOÀN", may be '') and the signer's title. */
	reportSignerAuthority: string;
	reportSignerTitle: string;
}

export const DEFAULT_DOCUMENT_SETTINGS: DocumentSettings = {
	parentBody: 'Sở Nội vụ',
	issuingBody: 'Đoàn kiểm tra công vụ',
	issuingAbbr: 'ĐKTCV',
	place: 'Cửu An',
	recordPrefix: 'BB',
	reportPrefix: 'BC',
	reportSignerAuthority: '',
	reportSignerTitle: 'TRƯỞNG ĐOÀN'
};

/** The periodic report's free-text sections (docs/report-formats.md, "Sections"); '' = not written yet. */
export interface ReportProse {
	/** I. Công tác triển khai (tình hình và công tác chỉ đạo). */
	direction: string;
	/** III. Đánh giá chung: 1. Ưu điểm, 2. Hạn chế, tồn tại, 3. Nguyên nhân. */
	strengths: string;
	weaknesses: string;
	causes: string;
	/** IV. Phương hướng, nhiệm vụ. */
	nextSteps: string;
	/** V. Kiến nghị, đề xuất. */
	recommendations: string;
}

export const EMPTY_REPORT_PROSE: ReportProse = {
	direction: '',
	strengths: '',
	weaknesses: '',
	causes: '',
	nextSteps: '',
	recommendations: ''
};

/** What issuing a report fixes; a draft has `number: null` and prints "Số:      /BC-…". */
export interface IssueInfo {
	/** The number in the year's sequence (1, 2, …), never reused. */
	number: number | null;
	/** The issuing day, `YYYY-MM-DD` (Vietnamese date). */
	day: string | null;
	signerName: string;
	/** "Nơi nhận" lines, without the leading "- " and without "Lưu: VT, …" (the renderer adds it). */
	recipients: string[];
}

/** One signature slot of a document (biên bản: team lead, secretary, the unit's representative). */
export interface DocumentSigner {
	role: 'lead' | 'secretary' | 'representative' | 'member' | 'signer';
	/** Upper-case title above the signature: "TRƯỞNG ĐOÀN KIỂM TRA". */
	title: string;
	name: string;
	/** PNG bytes of the drawn signature, when signed in the app. */
	image?: Uint8Array;
	/** Set when the person refused to sign: the reason, printed in place of the signature. */
	refusedReason?: string;
}
