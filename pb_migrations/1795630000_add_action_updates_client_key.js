/// <reference path="../pb_data/types.d.ts" />
// Idempotency key of a corrective-action step within its action (docs/deploy.md "Crash durability"):
// a step sent again after a crash or a lost answer (same key) can never write a second history row.
// Empty for rows written before, by the scheduler and by the completion of a check.
migrate(
	(app) => {
		const updates = app.findCollectionByNameOrId('action_updates');
		updates.fields.add(new TextField({ name: 'client_key', max: 100 }));
		updates.addIndex('idx_action_updates_client_key', true, 'action, client_key', "client_key != ''");
		app.save(updates);
	},
	(app) => {
		const updates = app.findCollectionByNameOrId('action_updates');
		updates.removeIndex('idx_action_updates_client_key');
		updates.fields.removeByName('client_key');
		app.save(updates);
	}
);
