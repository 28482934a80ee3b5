// issued_reports <-> domain (issue #17 §2; pb_migrations/1795621000_report_drafts_issued.js). Create
// only: the record is frozen by pb_hooks/issued-reports.pb.js, which also checks the number against the
// year's sequence inside the create's transaction (`create` answers 'taken' when another issue got
// that number first; the caller renders again with the next one).
import type { RecordModel } from 'pocketbase';
import type { Pb } from '../pb/create';
import { AppError, mapPbError, orNull } from '../pb/errors';
import { isRecordId } from '../pb/query';
import { storedFileBytes } from '../pb/files';
import type { DocumentSettings, ReportProse } from '../../domain/official-document';
import type { ReportData } from '../../domain/report';
import type { ReportPeriod } from '../../domain/report-issue';
import { issuedNumberLabel, proseOf } from '../../domain/report-issue';
import { DEFAULT_DOCUMENT_SETTINGS } from '../../domain/official-document';

export type StoredFormat = 'pdf' | 'docx' | 'html';

/** A rendered file to store: its format (the extension), bytes and hex SHA-256. */
export interface StoredFile {
	format: StoredFormat;
	bytes: Uint8Array;
	sha256: string;
}

export interface IssuedReportInput {
	year: number;
	number: number;
	day: string;
	period: ReportPeriod;
	title: string;
	query: string;
	signerName: string;
	recipients: string[];
	prose: ReportProse;
	settings: DocumentSettings;
	report: ReportData;
	files: StoredFile[];
	issuedBy: string;
	issuedByName: string;
}

export interface IssuedReportSummary {
	id: string;
	year: number;
	number: number;
	day: string;
	period: ReportPeriod;
	title: string;
	signerName: string;
	recipients: string[];
	/** Format → hex SHA-256 of the stored file. */
	hashes: Partial<Record<StoredFormat, string>>;
	/** Format → stored file name. */
	files: Partial<Record<StoredFormat, string>>;
	issuedByName: string;
	/** The number as printed with the settings it was issued under: "12/BC-ĐKTCV". */
	numberLabel: string;
}

export interface IssuedReport extends IssuedReportSummary {
	prose: ReportProse;
	report: ReportData;
	settings: DocumentSettings;
}

const MIME: Record<StoredFormat, string> = {
	pdf: 'application/pdf',
	docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
	html: 'text/html'
};
export const mimeOf = (f: StoredFormat) => MIME[f];

const str = (v: unknown) => (v == null ? '' : String(v));
const formatOfName = (name: string): StoredFormat | null => {
	const ext = name.slice(name.lastIndexOf('.') + 1).toLowerCase();
	return ext === 'pdf' || ext === 'docx' || ext === 'html' ? ext : null;
};

function toSummary(r: RecordModel): IssuedReportSummary {
	const files: Partial<Record<StoredFormat, string>> = {};
	for (const n of ([] as string[]).concat((r.files as string[] | undefined) ?? [])) {
		const f = formatOfName(n);
		if (f) files[f] = n;
	}
	return {
		id: r.id,
		year: Number(r.year),
		number: Number(r.number),
		day: str(r.day),
		period: { kind: r.period_kind === 'year' ? 'year' : 'quarter', key: str(r.period_key) },
		title: str(r.title),
		signerName: str(r.signer_name),
		recipients: Array.isArray(r.recipients) ? (r.recipients as unknown[]).map(String) : [],
		hashes: (r.hashes && typeof r.hashes === 'object' ? r.hashes : {}) as Partial<Record<StoredFormat, string>>,
		files,
		issuedByName: str(r.issued_by_name),
		numberLabel: issuedNumberLabel(Number(r.number), { ...DEFAULT_DOCUMENT_SETTINGS, ...(r.settings as Partial<DocumentSettings> | null) })
	};
}

const SUMMARY_FIELDS = 'id,year,number,day,period_kind,period_key,title,signer_name,recipients,hashes,files,issued_by_name,settings';

export function issuedReportsRepo(pb: Pb) {
	const col = () => pb.collection('issued_reports');
	return {
		/** The number the next issue of `year` would get (the sequence's last + 1; nothing is reserved). */
		async nextNumber(year: number): Promise<number> {
			const r = await pb.send<{ next: number }>('/api/congvu/reports/next-number', { method: 'GET', query: { year } });
			return r.next;
		},
		/** Stores an issued report; 'taken' when its number was given to another issue meanwhile. */
		async create(i: IssuedReportInput): Promise<{ id: string } | 'taken'> {
			const form = new FormData();
			const fields: Record<string, string> = {
				year: String(i.year),
				number: String(i.number),
				day: i.day,
				period_kind: i.period.kind,
				period_key: i.period.key,
				title: i.title,
				query: i.query,
				signer_name: i.signerName,
				recipients: JSON.stringify(i.recipients),
				prose: JSON.stringify(i.prose),
				settings: JSON.stringify(i.settings),
				report: JSON.stringify(i.report),
				hashes: JSON.stringify(Object.fromEntries(i.files.map((f) => [f.format, f.sha256]))),
				issued_by: i.issuedBy,
				issued_by_name: i.issuedByName
			};
			for (const [k, v] of Object.entries(fields)) form.append(k, v);
			const base = `bao-cao-${i.number}-${i.year}`;
			for (const f of i.files) form.append('files', new Blob([f.bytes as BlobPart], { type: MIME[f.format] }), `${base}.${f.format}`);
			try {
				const r = await col().create(form);
				return { id: r.id };
			} catch (e) {
				const status = (e as { status?: number }).status;
				if (status === 409) return 'taken';
				const m = mapPbError(e);
				if (m instanceof AppError && m.code === 'duplicate') return 'taken';
				throw m;
			}
		},
		/** Every issued report, newest first (a few per year: no paging needed). */
		async list(): Promise<IssuedReportSummary[]> {
			const rows = await col().getFullList({ sort: '-year,-number', fields: SUMMARY_FIELDS });
			return rows.map(toSummary);
		},
		async get(id: string): Promise<IssuedReport | null> {
			if (!isRecordId(id)) return null;
			const r = await orNull(col().getOne(id));
			if (!r) return null;
			return {
				...toSummary(r),
				prose: proseOf(r.prose as Partial<ReportProse>),
				report: r.report as ReportData,
				settings: r.settings as DocumentSettings
			};
		},
		/** The stored bytes of one format, as PocketBase serves them; null when that format was not stored. */
		async file(id: string, format: StoredFormat): Promise<{ summary: IssuedReportSummary; bytes: Uint8Array } | null> {
			if (!isRecordId(id)) return null;
			const r = await orNull(col().getOne(id, { fields: SUMMARY_FIELDS + ',collectionId,collectionName' }));
			if (!r) return null;
			const summary = toSummary(r);
			const name = summary.files[format];
			if (!name) return null;
			const f = await storedFileBytes(pb, r, name);
			if (!f) throw new AppError('unavailable');
			return { summary, bytes: f.bytes };
		}
	};
}
