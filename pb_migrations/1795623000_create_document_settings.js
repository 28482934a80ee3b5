/// <reference path="../pb_data/types.d.ts" />
// Document settings (issue #17 point 4, docs/report-formats.md "Settings"): the texts every official
// document prints — the parent body, the issuing body and its abbreviation, the place, the number
// prefixes, the report signer's lines. One row (`key` = 'documents', unique, so two first saves cannot
// both create one); no row means the defaults of src/lib/domain/official-document.ts. Only the app's
// admin service writes it (all API rules null: superusers only). `version` is the guard of
// pb_hooks/versions.pb.js: a save made from a stale page is refused.
migrate(
	(app) => {
		const users = app.findCollectionByNameOrId('users');
		app.save(
			new Collection({
				id: 'pbc_document_settings',
				type: 'base',
				name: 'document_settings',
				fields: [
					{ name: 'key', type: 'text', required: true, max: 32 },
					{ name: 'parent_body', type: 'text', max: 200 },
					{ name: 'issuing_body', type: 'text', required: true, max: 200 },
					{ name: 'issuing_abbr', type: 'text', required: true, max: 20 },
					{ name: 'place', type: 'text', required: true, max: 100 },
					{ name: 'record_prefix', type: 'text', required: true, max: 10 },
					{ name: 'report_prefix', type: 'text', required: true, max: 10 },
					{ name: 'report_signer_authority', type: 'text', max: 100 },
					{ name: 'report_signer_title', type: 'text', required: true, max: 100 },
					{ name: 'updated_by', type: 'relation', collectionId: users.id, maxSelect: 1 },
					{ name: 'version', type: 'number', onlyInt: true, min: 0 },
					{ name: 'created', type: 'autodate', onCreate: true },
					{ name: 'updated', type: 'autodate', onCreate: true, onUpdate: true }
				],
				indexes: ['CREATE UNIQUE INDEX idx_document_settings_key ON document_settings (key)']
			})
		);
	},
	(app) => {
		app.delete(app.findCollectionByNameOrId('document_settings'));
	}
);
