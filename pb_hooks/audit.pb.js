/// <reference path="../pb_data/types.d.ts" />
// The audit trail (issue #15 point 1, docs/audit.md): every create, update and delete of a domain record
// appends a hash-chained entry to `audit_trail` inside the save's own transaction (lib/audit.js). The
// execute hooks wrap the write and the append in one transaction (joining the request's or batch's
// transaction when there is one), so a save refused by a later hook (e.g. the version guard in
// versions.pb.js) or by the database leaves no entry, and an entry that cannot be written undoes the save.
// The acting user comes from the `X-Audit-Actor` header the app's client sends (src/lib/server/pb/
// actor.ts); writes without it (cron jobs, maintenance, fixtures) are recorded with an empty actor.

const AUDITED = [
	'users',
	'users',
	'units',
	'unit_events',
	'staff',
	'staff_transfers',
	'violation_types',
	'calendar_days',
	'inspection_plans',
	'plan_tasks',
	'inspections',
	'attendance_records',
	'roll_call_conflicts',
	'findings',
	'corrective_actions',
	'action_updates',
	'explanation_requests',
	'finding_objections',
	'report_backs',
	'document_settings',
	'report_drafts',
	'issued_reports',
	'tthc_period_stats',
	'tthc_dossiers',
	'import_mappings'
];

onRecordCreateRequest(
	(e) => {
		require(`${__hooks}/lib/audit.js`).markActor(e);
		e.next();
	},
	...AUDITED
);
onRecordUpdateRequest(
	(e) => {
		require(`${__hooks}/lib/audit.js`).markActor(e);
		e.next();
	},
	...AUDITED
);
onRecordDeleteRequest(
	(e) => {
		require(`${__hooks}/lib/audit.js`).markActor(e);
		e.next();
	},
	...AUDITED
);

// Each execute hook runs the rest of the save and the append in one transaction (lib/audit.js
// saveAudited), then gives the event its own app back: PocketBase runs the after-success work of a save
// (e.g. dropping a user's auth origins after a password change, deleting a removed record's files) with
// the event's app, and a transaction already committed there fails the request (400).
onRecordCreateExecute((e) => require(`${__hooks}/lib/audit.js`).saveAudited(e, 'create'), ...AUDITED);
onRecordUpdateExecute((e) => require(`${__hooks}/lib/audit.js`).saveAudited(e, 'update'), ...AUDITED);
onRecordDeleteExecute((e) => require(`${__hooks}/lib/audit.js`).saveAudited(e, 'delete'), ...AUDITED);
