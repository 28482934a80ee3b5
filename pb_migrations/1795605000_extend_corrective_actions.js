/// <reference path="../pb_data/types.d.ts" />
// Corrective-action state the workflow (domain/corrective-action.ts) needs beyond the first schema:
// who submitted and on which Vietnamese date (on-time rule), how many extensions were granted, and the
// delegates a unit head names (a list; the old single `delegate` stays for compatibility).
migrate(
	(app) => {
		const users = app.findCollectionByNameOrId('users');
		const c = app.findCollectionByNameOrId('corrective_actions');
		c.fields.add(new RelationField({ name: 'submitted_by', collectionId: users.id, maxSelect: 1 }));
		c.fields.add(new TextField({ name: 'submitted_on', max: 10, pattern: '^(\\d{4}-\\d{2}-\\d{2})?$' }));
		c.fields.add(new NumberField({ name: 'extension_count', onlyInt: true, min: 0 }));
		c.fields.add(new RelationField({ name: 'delegates', collectionId: users.id, maxSelect: 10 }));
		app.save(c);
	},
	(app) => {
		const c = app.findCollectionByNameOrId('corrective_actions');
		for (const f of ['submitted_by', 'submitted_on', 'extension_count', 'delegates']) c.fields.removeByName(f);
		app.save(c);
	}
);
