/// <reference path="../pb_data/types.d.ts" />
// Corrective actions (chấn chỉnh, khắc phục) and their history (action_updates): every step with actor,
// time, comment and evidence files.
migrate(
	(app) => {
		const users = app.findCollectionByNameOrId('users');
		const actions = new Collection({
			id: 'pbc_corrective_actions',
			type: 'base',
			name: 'corrective_actions',
			fields: [
				{ name: 'title', type: 'text', required: true, max: 1000 },
				{ name: 'inspection', type: 'relation', collectionId: 'pbc_inspections', maxSelect: 1 },
				{ name: 'findings', type: 'relation', collectionId: 'pbc_findings', maxSelect: 200 },
				{ name: 'unit', type: 'relation', required: true, collectionId: 'pbc_units', maxSelect: 1 },
				{
					name: 'category',
					type: 'select',
					maxSelect: 1,
					values: ['attendance', 'office_culture', 'conduct', 'procedures', 'other']
				},
				{
					name: 'status',
					type: 'select',
					required: true,
					maxSelect: 1,
					values: ['open', 'in_progress', 'submitted', 'verified', 'closed']
				},
				{ name: 'due_date', type: 'text', required: true, pattern: '^\\d{4}-\\d{2}-\\d{2}$' },
				{ name: 'original_due_date', type: 'text', pattern: '^\\d{4}-\\d{2}-\\d{2}$' },
				{ name: 'delegate', type: 'relation', collectionId: users.id, maxSelect: 1 },
				{ name: 'unit_explanation', type: 'text', max: 20000 },
				{ name: 'return_count', type: 'number', onlyInt: true, min: 0 },
				{ name: 'pending_extension', type: 'json', maxSize: 5000 },
				{ name: 'submitted_at', type: 'date' },
				{ name: 'closed_at', type: 'date' },
				{ name: 'closed_on_time', type: 'bool' },
				{ name: 'overdue', type: 'bool' },
				// Reminders already sent: { "due_in_3": "<iso>", "due_in_1": ..., "overdue": ... } (each fires once).
				{ name: 'reminders', type: 'json', maxSize: 5000 },
				{ name: 'needs_reassignment', type: 'bool' },
				{ name: 'created', type: 'autodate', onCreate: true },
				{ name: 'updated', type: 'autodate', onCreate: true, onUpdate: true }
			],
			indexes: [
				'CREATE INDEX idx_actions_unit_status ON corrective_actions (unit, status)',
				'CREATE INDEX idx_actions_due ON corrective_actions (status, due_date)',
				'CREATE INDEX idx_actions_inspection ON corrective_actions (inspection)'
			]
		});
		app.save(actions);
		app.save(
			new Collection({
				id: 'pbc_action_updates',
				type: 'base',
				name: 'action_updates',
				fields: [
					{ name: 'action', type: 'relation', required: true, collectionId: actions.id, maxSelect: 1, cascadeDelete: true },
					{ name: 'actor', type: 'relation', collectionId: users.id, maxSelect: 1 },
					{
						name: 'kind',
						type: 'select',
						required: true,
						maxSelect: 1,
						values: [
							'create',
							'start',
							'comment',
							'explain',
							'submit',
							'return',
							'verify',
							'close',
							'request_extension',
							'approve_extension',
							'refuse_extension',
							'delegate',
							'overdue',
							'reassign'
						]
					},
					{ name: 'from_status', type: 'text', max: 20 },
					{ name: 'to_status', type: 'text', max: 20 },
					{ name: 'text', type: 'text', max: 20000 },
					{ name: 'new_due_date', type: 'text', max: 10 },
					{
						name: 'files',
						type: 'file',
						maxSelect: 10,
						maxSize: 10485760,
						mimeTypes: ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'],
						protected: true
					},
					{ name: 'created', type: 'autodate', onCreate: true }
				],
				indexes: ['CREATE INDEX idx_action_updates_action ON action_updates (action, created)']
			})
		);
	},
	(app) => {
		app.delete(app.findCollectionByNameOrId('action_updates'));
		app.delete(app.findCollectionByNameOrId('corrective_actions'));
	}
);
