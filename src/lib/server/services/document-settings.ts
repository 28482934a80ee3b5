// The admin's document settings (issue #17 point 4; docs/report-formats.md, "Settings"): the issuing
// body, the place, the number prefixes and the report signer's lines that every document prints.
// `get()` is what the document services read (no actor: printing a document someone may already see
// needs no extra right); `view`/`save` are the admin page's use cases (authz: settings.documents).
import type { Actor } from '../../domain/user';
import { authorize } from '../authz';
import type { Pb } from '../pb/create';
import { auditRepo } from '../repos/audit';
import { documentSettingsRepo } from '../repos/document-settings';
import { DEFAULT_DOCUMENT_SETTINGS, type DocumentSettings } from '../../domain/official-document';
import { ok, refuse, type Result } from '../../domain/result';

export interface DocumentSettingsView {
	settings: DocumentSettings;
	/** The version to send back with a save; 0 while nothing is stored (the defaults). */
	version: number;
	/** When the row was last saved (PocketBase date), null for the defaults. */
	updated: string | null;
}

const stale = () => refuse(409, 'docsettings.error.stale');

export function documentSettingsService(pb: Pb) {
	const repo = documentSettingsRepo(pb);
	const audit = auditRepo(pb);
	// One read per process until the next save (this service is the only writer: all API rules are null).
	let cached: Promise<DocumentSettingsView> | null = null;

	function current(): Promise<DocumentSettingsView> {
		if (!cached) {
			cached = repo
				.get()
				.then((r) =>
					r
						? { settings: r.settings, version: r.version, updated: r.updated || null }
						: { settings: { ...DEFAULT_DOCUMENT_SETTINGS }, version: 0, updated: null }
				)
				.catch((e) => {
					cached = null;
					throw e;
				});
		}
		return cached;
	}

	return {
		/** The settings every document prints: the stored ones, or DEFAULT_DOCUMENT_SETTINGS when never saved. */
		async get(): Promise<DocumentSettings> {
			return { ...(await current()).settings };
		},

		/** The settings with their version, for the admin page. Authz: settings.documents. */
		async view(actor: Actor): Promise<DocumentSettingsView> {
			authorize(actor, 'settings.documents');
			const v = await current();
			return { ...v, settings: { ...v.settings } };
		},

		/**
		 * Saves the settings read at `version` (0 = the defaults, nothing stored). Authz:
		 * settings.documents. Refusal: 409 docsettings.error.stale when someone saved since.
		 * `input` is parsed by documentSettingsSchema (domain/schemas/document-settings.ts).
		 */
		async save(actor: Actor, input: DocumentSettings, version: number): Promise<Result> {
			authorize(actor, 'settings.documents');
			cached = null;
			const before = await repo.get();
			if ((before?.version ?? 0) !== version) return stale();
			const written = before ? await repo.update(before.id, version, input, actor.id) : await repo.create(input, actor.id);
			cached = null;
			if (!written) return stale();
			await audit.write({
				actorId: actor.id,
				action: 'document_settings.save',
				collection: 'document_settings',
				id: before?.id ?? '',
				data: { from: before?.settings ?? DEFAULT_DOCUMENT_SETTINGS, to: input }
			});
			return ok();
		}
	};
}

export type DocumentSettingsService = ReturnType<typeof documentSettingsService>;
