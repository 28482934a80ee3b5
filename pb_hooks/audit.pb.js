/// <reference path="../pb_data/types.d.ts" />
// The audit trail (issue #15 point 1, docs/audit.md): every create, update and delete of a domain record
// appends a hash-chained entry to `audit_trail` inside the save's own transaction (lib/audit.js). The
// execute hooks wrap the write and the append in one transaction (joining the request's or batch's
// transaction when there is one), so a save refused by a later hook (e.g. the version guard in
// versions.pb.js) or by the database leaves no entry, and an entry that cannot be written undoes the save.
// The acting user comes from the `X-Audit-Actor` header the app's client sends (src/lib/server/pb/
// actor.ts), read once per request by the middleware below; writes without it (cron jobs, maintenance,
// fixtures) are recorded with an empty actor.

// The audited collections: one list (lib/audited.json), read by the audit page's filter too
// (src/lib/server/services/audit-trail.ts).
const AUDITED = require(`${__hooks}/lib/audited.json`);

// Every write request of the app runs in one transaction that carries who acts (lib/audit.js
// inRequestTransaction): a router middleware runs once per HTTP request, a batch included, where a
// record request hook would run once per batch item (docs/audit.md "Cost").
// Reads (most requests) pass before anything is loaded.
routerUse((e) => {
	const m = e.request.method;
	if (m === 'GET' || m === 'HEAD' || m === 'OPTIONS') return e.next();
	return require(`${__hooks}/lib/audit.js`).inRequestTransaction(e);
});

// Each execute hook runs the rest of the save and the append in one transaction (lib/audit.js
// saveAudited), then gives the event its own app back: PocketBase runs the after-success work of a save
// (e.g. dropping a user's auth origins after a password change, deleting a removed record's files) with
// the event's app, and a transaction already committed there fails the request (400).
onRecordCreateExecute((e) => require(`${__hooks}/lib/audit.js`).saveAudited(e, 'create'), ...AUDITED);
onRecordUpdateExecute((e) => require(`${__hooks}/lib/audit.js`).saveAudited(e, 'update'), ...AUDITED);
onRecordDeleteExecute((e) => require(`${__hooks}/lib/audit.js`).saveAudited(e, 'delete'), ...AUDITED);
