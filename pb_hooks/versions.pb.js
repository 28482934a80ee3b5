/// <reference path="../pb_data/types.d.ts" />
// The version guard (pb_migrations/1795611000_add_versions.js, docs/integrity.md). A workflow write
// sends `version: v + 1` where v is the version it read. The request hook marks such a write and runs it in a
// transaction; the execute hook, inside it (PocketBase has one writer connection, so the re-read and
// the write cannot interleave with another write), re-reads the stored version and refuses
// the write with 409 "stale" unless it is exactly the next one. Writes that do not send a version
// (fixtures, maintenance) are left alone; the app's repos always send one for workflow state.
onRecordUpdateRequest(
	(e) => {
		const body = e.requestInfo().body || {};
		if (!Object.prototype.hasOwnProperty.call(body, 'version')) return e.next();
		e.record.set('@versioned', true);
		// A plain update is one statement outside any transaction: wrap the request in one, so the
		// execute hook's re-read and the write hold the single writer together. In a batch this joins
		// the batch's transaction.
		e.app.runInTransaction((tx) => {
			e.app = tx;
			e.next();
		});
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

onRecordUpdateExecute(
	(e) => {
		if (e.record.get('@versioned') === true) {
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
