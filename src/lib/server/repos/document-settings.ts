// document_settings: the one row of the admin's document texts (pb_migrations/1795623000_create_document_settings.js).
// The first save creates it at version 1 (the unique `key` lets only one first save win); every later
// save is versioned (pb_hooks/versions.pb.js): it sends version + 1 and is refused if someone saved since.
import type { Pb } from '../pb/create';
import { AppError, mapPbError, orNull, unlessStale } from '../pb/errors';
import type { DocumentSettings } from '../../domain/official-document';

const KEY = 'documents';

export interface StoredDocumentSettings {
	id: string;
	settings: DocumentSettings;
	version: number;
	updated: string;
}

const toBody = (s: DocumentSettings, actorId: string) => ({
	parent_body: s.parentBody,
	issuing_body: s.issuingBody,
	issuing_abbr: s.issuingAbbr,
	place: s.place,
	record_prefix: s.recordPrefix,
	report_prefix: s.reportPrefix,
	report_signer_authority: s.reportSignerAuthority,
	report_signer_title: s.reportSignerTitle,
	updated_by: actorId
});

export function documentSettingsRepo(pb: Pb) {
	const col = () => pb.collection('document_settings');
	return {
		/** The stored row, or null when the admin never saved (the defaults apply). */
		async get(): Promise<StoredDocumentSettings | null> {
			const r = await orNull(col().getFirstListItem(pb.filter('key = {:k}', { k: KEY })));
			if (!r) return null;
			return {
				id: r.id,
				settings: {
					parentBody: String(r.parent_body ?? ''),
					issuingBody: String(r.issuing_body ?? ''),
					issuingAbbr: String(r.issuing_abbr ?? ''),
					place: String(r.place ?? ''),
					recordPrefix: String(r.record_prefix ?? ''),
					reportPrefix: String(r.report_prefix ?? ''),
					reportSignerAuthority: String(r.report_signer_authority ?? ''),
					reportSignerTitle: String(r.report_signer_title ?? '')
				},
				version: Number(r.version ?? 0),
				updated: String(r.updated ?? '')
			};
		},
		/** The first save, at version 1; false when another first save created the row already. */
		async create(s: DocumentSettings, actorId: string): Promise<boolean> {
			try {
				await col().create({ key: KEY, ...toBody(s, actorId), version: 1 });
				return true;
			} catch (e) {
				const m = mapPbError(e);
				if (m instanceof AppError && m.code === 'duplicate') return false;
				throw m;
			}
		},
		/** Writes if the row is still at `version`; false when someone else saved first. */
		async update(id: string, version: number, s: DocumentSettings, actorId: string): Promise<boolean> {
			return unlessStale(col().update(id, { ...toBody(s, actorId), version: version + 1 }));
		}
	};
}
