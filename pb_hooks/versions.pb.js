/// <reference path="../pb_data/types.d.ts" />
// The version guard (pb_migrations/1795611000_add_versions.js, docs/integrity.md). A workflow write
// sends `version: v + 1` where v is the version it read. The audit middleware (lib/audit.js) notes which
// updates of a request send a version and runs the request in one transaction; this execute hook, inside
// it (PocketBase has one writer connection, so the re-read and the write cannot interleave with another
// write), re-reads the stored version and refuses the write with 409 "stale" unless it is exactly the
// next one. Writes that do not send a version (fixtures, maintenance) are left alone; the app's repos
// always send one for workflow state. Every versioned collection is audited (lib/audited.json), so this
// runs inside the audit's transaction too.
onRecordUpdateExecute(
	(e) => {
		if (require(`${__hooks}/lib/audit.js`).isVersionedWrite(e.app, e.record)) {
			const stored = e.app.findRecordById(e.record.collection().name, e.record.id).getInt('version');
			if (e.record.getInt('version') !== stored + 1) {
				throw new ApiError(409, 'stale', { version: { code: 'stale', message: 'stale' } });
			}
		}
		e.next();
	},
	'inspections',
	'inspection_plans',
	'corrective_actions',
	'findings',
	'explanation_requests',
	'finding_objections',
	'report_backs',
	'document_settings',
	'report_drafts',
	'tthc_period_stats',
	'plan_tasks',
	'tthc_dossiers',
	'roll_call_conflicts'
);
