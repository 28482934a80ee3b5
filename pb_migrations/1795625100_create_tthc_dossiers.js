/// <reference path="../pb_data/types.d.ts" />
// Dossiers sampled on site (hồ sơ TTHC kiểm tra xác suất, issue #16 §4; docs/tthc-dossiers.md): one row
// per dossier a check's team looked at, in the order they entered them (`position`). Dates are
// Vietnamese calendar days (YYYY-MM-DD). A dossier code appears once per check (unique index).
// `version` is the guard of pb_hooks/versions.pb.js (an edit is written only from the version read).
migrate(
	(app) => {
		const users = app.findCollectionByNameOrId('users');
		const day = (name, required) => ({
			name,
			type: 'text',
			required,
			max: 10,
			pattern: required ? '^\\d{4}-\\d{2}-\\d{2}$' : '^(\\d{4}-\\d{2}-\\d{2})?$'
		});
		app.save(
			new Collection({
				id: 'pbc_tthc_dossiers',
				type: 'base',
				name: 'tthc_dossiers',
				fields: [
					{ name: 'inspection', type: 'relation', required: true, collectionId: 'pbc_inspections', maxSelect: 1, cascadeDelete: true },
					{ name: 'unit', type: 'relation', required: true, collectionId: 'pbc_units', maxSelect: 1 },
					{ name: 'code', type: 'text', required: true, max: 60 },
					{ name: 'procedure', type: 'text', required: true, max: 500 },
					{ name: 'field', type: 'text', required: true, max: 40 },
					day('received_on', true),
					day('due_on', true),
					day('returned_on', false),
					{ name: 'software_status', type: 'select', required: true, maxSelect: 1, values: ['processing', 'returned'] },
					{ name: 'paper_status', type: 'select', required: true, maxSelect: 1, values: ['processing', 'returned'] },
					{ name: 'apology_issued', type: 'bool' },
					day('apology_on', false),
					{ name: 'reset_count', type: 'number', onlyInt: true, min: 0, max: 99 },
					{ name: 'position', type: 'number', onlyInt: true, min: 0 },
					{ name: 'created_by', type: 'relation', collectionId: users.id, maxSelect: 1 },
					{ name: 'version', type: 'number', onlyInt: true, min: 0 },
					{ name: 'created', type: 'autodate', onCreate: true },
					{ name: 'updated', type: 'autodate', onCreate: true, onUpdate: true }
				],
				indexes: [
					'CREATE UNIQUE INDEX idx_tthc_dossiers_code ON tthc_dossiers (inspection, code)',
					'CREATE INDEX idx_tthc_dossiers_order ON tthc_dossiers (inspection, position)'
				]
			})
		);
		// The findings the dossier rules produce (services/onsite/dossiers.ts) carry source 'dossier'.
		const findings = app.findCollectionByNameOrId('findings');
		const source = findings.fields.getByName('source');
		source.values = ['manual', 'attendance', 'checklist', 'dossier'];
		app.save(findings);
	},
	(app) => {
		app.delete(app.findCollectionByNameOrId('tthc_dossiers'));
		const findings = app.findCollectionByNameOrId('findings');
		findings.fields.getByName('source').values = ['manual', 'attendance', 'checklist'];
		app.save(findings);
	}
);
