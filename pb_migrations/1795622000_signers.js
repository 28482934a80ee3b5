/// <reference path="../pb_data/types.d.ts" />
// Signers of the biên bản (issue #17 §3, docs/report-formats.md row 15): the team's secretary (a
// member of the team, "Thành viên kiêm Thư ký"), a third drawn signature (lead, secretary, the unit's
// representative), and per signer what was recorded: the stored PNG's SHA-256 or a refusal with its
// reason (signers: { "<role>": { file, sha256, at } | { refusedReason, name, at } }).
migrate(
	(app) => {
		const users = app.findCollectionByNameOrId('users');
		const c = app.findCollectionByNameOrId('inspections');
		c.fields.add(new RelationField({ name: 'secretary', collectionId: users.id, maxSelect: 1 }));
		c.fields.add(new JSONField({ name: 'signers', maxSize: 20000 }));
		const sig = c.fields.getByName('signatures');
		sig.maxSelect = 3;
		app.save(c);
	},
	(app) => {
		const c = app.findCollectionByNameOrId('inspections');
		c.fields.removeByName('secretary');
		c.fields.removeByName('signers');
		c.fields.getByName('signatures').maxSelect = 2;
		app.save(c);
	}
);
