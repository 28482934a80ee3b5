/// <reference path="../pb_data/types.d.ts" />
// Optimistic concurrency (docs/integrity.md): every record whose state changes through a workflow
// carries a `version`. The app reads a record at version v and writes v + 1; pb_hooks/versions.pb.js
// re-reads the row inside the write's own transaction and refuses (409 "stale") any other value, so of
// two people acting on the same state exactly one wins and nothing is doubled or lost.
const GUARDED = ['inspections', 'inspection_plans', 'corrective_actions', 'findings'];
migrate(
	(app) => {
		for (const name of GUARDED) {
			const c = app.findCollectionByNameOrId(name);
			c.fields.add(new NumberField({ name: 'version', onlyInt: true, min: 0 }));
			app.save(c);
		}
	},
	(app) => {
		for (const name of GUARDED) {
			const c = app.findCollectionByNameOrId(name);
			c.fields.removeByName('version');
			app.save(c);
		}
	}
);
