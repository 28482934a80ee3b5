/// <reference path="../pb_data/types.d.ts" />
// Idempotency key of a finding within its check: a double-submitted form (same key) or a re-saved roll
// call (key "att:<attendance id>") can never create a second row.
migrate(
	(app) => {
		const findings = app.findCollectionByNameOrId('findings');
		findings.fields.add(new TextField({ name: 'client_key', max: 100 }));
		findings.addIndex('idx_findings_client_key', true, 'inspection, client_key', "client_key != ''");
		app.save(findings);
	},
	(app) => {
		const findings = app.findCollectionByNameOrId('findings');
		findings.removeIndex('idx_findings_client_key');
		findings.fields.removeByName('client_key');
		app.save(findings);
	}
);
