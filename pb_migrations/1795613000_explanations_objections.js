/// <reference path="../pb_data/types.d.ts" />
// Issue #13 §3–§4: written explanations the team requests after a finding (tường trình of the person,
// giải trình of the unit) with a due date, submitted by the unit in the app; and the unit's objections
// to a finding, decided by the check's lead or a leader (docs/background.md "Explanations and
// objections"). An accepted objection withdraws the finding by an amendment row (`withdrawn`) kept
// beside the original, and cancels its corrective action (status `cancelled`, history kind `cancel`).
migrate(
	(app) => {
		const users = app.findCollectionByNameOrId('users');
		const findings = app.findCollectionByNameOrId('findings');
		findings.fields.add(new BoolField({ name: 'withdrawn' }));
		app.save(findings);

		const actions = app.findCollectionByNameOrId('corrective_actions');
		actions.fields.getByName('status').values = ['open', 'in_progress', 'submitted', 'verified', 'closed', 'cancelled'];
		app.save(actions);
		const updates = app.findCollectionByNameOrId('action_updates');
		const kind = updates.fields.getByName('kind');
		kind.values = [...kind.values, 'cancel'];
		app.save(updates);

		const scan = (name) => ({
			name,
			type: 'file',
			maxSelect: 1,
			maxSize: 10485760,
			mimeTypes: ['application/pdf', 'image/jpeg', 'image/png'],
			protected: true
		});
		app.save(
			new Collection({
				id: 'pbc_explanation_requests',
				type: 'base',
				name: 'explanation_requests',
				fields: [
					{ name: 'finding', type: 'relation', required: true, collectionId: findings.id, maxSelect: 1, cascadeDelete: true },
					{ name: 'inspection', type: 'relation', required: true, collectionId: 'pbc_inspections', maxSelect: 1, cascadeDelete: true },
					{ name: 'unit', type: 'relation', required: true, collectionId: 'pbc_units', maxSelect: 1 },
					// 'person': tường trình of the staff member named; 'unit': giải trình of the unit.
					{ name: 'addressee', type: 'select', required: true, maxSelect: 1, values: ['person', 'unit'] },
					{ name: 'due_date', type: 'text', required: true, pattern: '^\\d{4}-\\d{2}-\\d{2}$' },
					{ name: 'requested_by', type: 'relation', collectionId: users.id, maxSelect: 1 },
					{ name: 'status', type: 'select', required: true, maxSelect: 1, values: ['requested', 'submitted'] },
					{ name: 'text', type: 'text', max: 20000 },
					scan('file'),
					{ name: 'submitted_by', type: 'relation', collectionId: users.id, maxSelect: 1 },
					{ name: 'submitted_at', type: 'date' },
					{ name: 'submitted_on', type: 'text', max: 10 },
					{ name: 'late', type: 'bool' },
					// Reminder keys already sent ({ "due_in_1_day@2026-03-05": "<iso>" }).
					{ name: 'reminders', type: 'json', maxSize: 5000 },
					{ name: 'version', type: 'number', onlyInt: true, min: 0 },
					{ name: 'created', type: 'autodate', onCreate: true },
					{ name: 'updated', type: 'autodate', onCreate: true, onUpdate: true }
				],
				indexes: [
					'CREATE UNIQUE INDEX idx_explanation_requests_one ON explanation_requests (finding, addressee)',
					'CREATE INDEX idx_explanation_requests_due ON explanation_requests (status, due_date)',
					'CREATE INDEX idx_explanation_requests_inspection ON explanation_requests (inspection)'
				]
			})
		);
		app.save(
			new Collection({
				id: 'pbc_finding_objections',
				type: 'base',
				name: 'finding_objections',
				fields: [
					{ name: 'finding', type: 'relation', required: true, collectionId: findings.id, maxSelect: 1, cascadeDelete: true },
					{ name: 'inspection', type: 'relation', required: true, collectionId: 'pbc_inspections', maxSelect: 1, cascadeDelete: true },
					{ name: 'unit', type: 'relation', required: true, collectionId: 'pbc_units', maxSelect: 1 },
					{ name: 'reason', type: 'text', required: true, max: 5000 },
					scan('file'),
					{ name: 'filed_by', type: 'relation', collectionId: users.id, maxSelect: 1 },
					{ name: 'status', type: 'select', required: true, maxSelect: 1, values: ['open', 'accepted', 'rejected'] },
					{ name: 'decided_by', type: 'relation', collectionId: users.id, maxSelect: 1 },
					{ name: 'decided_at', type: 'date' },
					{ name: 'decision_reason', type: 'text', max: 5000 },
					// The withdrawal amendment an accepted objection created.
					{ name: 'amendment', type: 'relation', collectionId: findings.id, maxSelect: 1 },
					{ name: 'version', type: 'number', onlyInt: true, min: 0 },
					{ name: 'created', type: 'autodate', onCreate: true },
					{ name: 'updated', type: 'autodate', onCreate: true, onUpdate: true }
				],
				indexes: [
					// One open objection per finding: two filed at once → one stands.
					"CREATE UNIQUE INDEX idx_finding_objections_open ON finding_objections (finding) WHERE status = 'open'",
					'CREATE INDEX idx_finding_objections_inspection ON finding_objections (inspection)'
				]
			})
		);
	},
	(app) => {
		app.delete(app.findCollectionByNameOrId('finding_objections'));
		app.delete(app.findCollectionByNameOrId('explanation_requests'));
		const findings = app.findCollectionByNameOrId('findings');
		findings.fields.removeByName('withdrawn');
		app.save(findings);
		const actions = app.findCollectionByNameOrId('corrective_actions');
		actions.fields.getByName('status').values = ['open', 'in_progress', 'submitted', 'verified', 'closed'];
		app.save(actions);
		const updates = app.findCollectionByNameOrId('action_updates');
		const kind = updates.fields.getByName('kind');
		kind.values = kind.values.filter((v) => v !== 'cancel');
		app.save(updates);
	}
);
