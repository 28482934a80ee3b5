/// <reference path="../pb_data/types.d.ts" />
// Findings (vi phạm): against a named staff member or the unit as a whole. Photos are protected files,
// served only through the app after authorization. A correction after the check is locked is a new
// amendment row pointing at the original (`amends`), never an overwrite.
migrate(
	(app) => {
		const users = app.findCollectionByNameOrId('users');
		const findings = new Collection({
			id: 'pbc_findings',
			type: 'base',
			name: 'findings',
			fields: [
				{ name: 'inspection', type: 'relation', required: true, collectionId: 'pbc_inspections', maxSelect: 1 },
				// The unit the finding happened in, kept as it was (a later merge does not rewrite it).
				{ name: 'unit', type: 'relation', required: true, collectionId: 'pbc_units', maxSelect: 1 },
				{ name: 'staff', type: 'relation', collectionId: 'pbc_staff', maxSelect: 1 },
				{ name: 'violation_type', type: 'relation', required: true, collectionId: 'pbc_violation_types', maxSelect: 1 },
				// Denormalised from the type for fast aggregates.
				{
					name: 'category',
					type: 'select',
					required: true,
					maxSelect: 1,
					values: ['attendance', 'office_culture', 'conduct', 'procedures', 'other']
				},
				{ name: 'description', type: 'text', max: 5000 },
				{ name: 'observed_at', type: 'date', required: true },
				{ name: 'source', type: 'select', maxSelect: 1, values: ['manual', 'attendance', 'checklist'] },
				{ name: 'attendance', type: 'relation', collectionId: 'pbc_attendance_records', maxSelect: 1 },
				{
					name: 'photos',
					type: 'file',
					maxSelect: 5,
					maxSize: 5242880,
					mimeTypes: ['image/jpeg', 'image/png', 'image/webp'],
					protected: true
				},
				// Per photo: [{ name, sha256, captured_at, has_location }]
				{ name: 'photo_meta', type: 'json', maxSize: 20000 },
				// Written explanation of the person named (bản tường trình).
				{ name: 'explanation_status', type: 'select', maxSelect: 1, values: ['none', 'requested', 'received'] },
				{ name: 'explanation_text', type: 'text', max: 20000 },
				{
					name: 'explanation_file',
					type: 'file',
					maxSelect: 1,
					maxSize: 10485760,
					mimeTypes: ['application/pdf', 'image/jpeg', 'image/png'],
					protected: true
				},
				{ name: 'amend_reason', type: 'text', max: 2000 },
				{ name: 'superseded', type: 'bool' },
				{ name: 'created_by', type: 'relation', collectionId: users.id, maxSelect: 1 },
				{ name: 'created', type: 'autodate', onCreate: true },
				{ name: 'updated', type: 'autodate', onCreate: true, onUpdate: true }
			],
			indexes: [
				'CREATE INDEX idx_findings_inspection ON findings (inspection)',
				'CREATE INDEX idx_findings_observed ON findings (observed_at, category)',
				'CREATE INDEX idx_findings_unit ON findings (unit, observed_at)',
				'CREATE INDEX idx_findings_staff ON findings (staff, observed_at)',
				'CREATE INDEX idx_findings_type ON findings (violation_type)'
			]
		});
		app.save(findings);
		findings.fields.add(new RelationField({ name: 'amends', collectionId: findings.id, maxSelect: 1 }));
		findings.addIndex('idx_findings_amends', false, 'amends', '');
		app.save(findings);
	},
	(app) => {
		app.delete(app.findCollectionByNameOrId('findings'));
	}
);
