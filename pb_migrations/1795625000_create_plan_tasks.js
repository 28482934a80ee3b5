/// <reference path="../pb_data/types.d.ts" />
// Plan tasks (nhiệm vụ của kế hoạch, issue #16 §3): the work a plan lists besides its checks ("ban hành
// kế hoạch", "tổ chức tập huấn", "báo cáo quý"), each with an owner unit, a due date and a status.
// Dates are Vietnamese calendar days (YYYY-MM-DD). `version` is the guard of pb_hooks/versions.pb.js:
// a status change is written only from the version it was read in.
migrate(
	(app) => {
		const users = app.findCollectionByNameOrId('users');
		app.save(
			new Collection({
				id: 'pbc_plan_tasks',
				type: 'base',
				name: 'plan_tasks',
				fields: [
					{ name: 'plan', type: 'relation', required: true, collectionId: 'pbc_inspection_plans', maxSelect: 1, cascadeDelete: true },
					{ name: 'title', type: 'text', required: true, max: 500 },
					{ name: 'unit', type: 'relation', required: true, collectionId: 'pbc_units', maxSelect: 1 },
					{ name: 'due_on', type: 'text', required: true, max: 10, pattern: '^\\d{4}-\\d{2}-\\d{2}$' },
					{ name: 'status', type: 'select', required: true, maxSelect: 1, values: ['not_started', 'in_progress', 'done'] },
					{ name: 'done_on', type: 'text', max: 10, pattern: '^(\\d{4}-\\d{2}-\\d{2})?$' },
					{ name: 'created_by', type: 'relation', collectionId: users.id, maxSelect: 1 },
					{ name: 'version', type: 'number', onlyInt: true, min: 0 },
					{ name: 'created', type: 'autodate', onCreate: true },
					{ name: 'updated', type: 'autodate', onCreate: true, onUpdate: true }
				],
				indexes: ['CREATE INDEX idx_plan_tasks_plan ON plan_tasks (plan, due_on)']
			})
		);
	},
	(app) => {
		app.delete(app.findCollectionByNameOrId('plan_tasks'));
	}
);
