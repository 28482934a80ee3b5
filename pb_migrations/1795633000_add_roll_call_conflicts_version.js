/// <reference path="../pb_data/types.d.ts" />
// A roll-call conflict is settled by a versioned write (docs/offline.md "Two devices, conflicts",
// docs/integrity.md): the lead's choice claims the conflict at the version it read, and
// pb_hooks/versions.pb.js refuses a second claim (409 "stale"), so two settlements at once write once.
migrate(
	(app) => {
		const c = app.findCollectionByNameOrId('roll_call_conflicts');
		c.fields.add(new NumberField({ name: 'version', onlyInt: true, min: 0 }));
		app.save(c);
	},
	(app) => {
		const c = app.findCollectionByNameOrId('roll_call_conflicts');
		c.fields.removeByName('version');
		app.save(c);
	}
);
