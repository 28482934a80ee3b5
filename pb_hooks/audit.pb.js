/// <reference path="../pb_data/types.d.ts" />
// The audit trail (issue #15 point 1, docs/audit.md): every create, update and delete of a domain record
// appends a hash-chained entry to `audit_trail` inside the save's own transaction (lib/audit.js). The
// execute hooks wrap the write and the append in one transaction (joining the request's or batch's
// transaction when there is one), so a save refused by a later hook (e.g. the version guard in
// versions.pb.js) or by the database leaves no entry, and an entry that cannot be written undoes the save.
// The acting user comes from the `X-Audit-Actor` header the app's client sends (src/lib/server/pb/
// actor.ts); writes without it (cron jobs, maintenance, fixtures) are recorded with an empty actor.

// `users` is not in the list yet: with the hook, a password change through the API failed (400) for a
// reason not found in time (docs/audit.md, "Not covered"); account changes stay in audit_log.
const AUDITED = [
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

onRecordCreateExecute(
	(e) => {
		const audit = require(`${__hooks}/lib/audit.js`);
		e.app.runInTransaction((tx) => {
			e.app = tx;
			e.next();
			audit.append(tx, 'create', e.record, null);
		});
	},
	...AUDITED
);

onRecordUpdateExecute(
	(e) => {
		const audit = require(`${__hooks}/lib/audit.js`);
		const before = audit.snapshot(e.record.original());
		e.app.runInTransaction((tx) => {
			e.app = tx;
			e.next();
			audit.append(tx, 'update', e.record, before);
		});
	},
	...AUDITED
);

onRecordDeleteExecute(
	(e) => {
		const audit = require(`${__hooks}/lib/audit.js`);
		const before = audit.snapshot(e.record.original());
		e.app.runInTransaction((tx) => {
			e.app = tx;
			e.next();
			audit.append(tx, 'delete', e.record, before);
		});
	},
	...AUDITED
);
