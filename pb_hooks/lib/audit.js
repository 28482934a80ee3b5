// The audit trail (issue #15 point 1, docs/audit.md). Loaded with require() inside hook handlers.
//
// append() writes one entry of pb_migrations/1795628000_create_audit_trail.js with the app it is given,
// which is the transactional app of the record's own save: the entry commits or rolls back with the
// change. The chain tip is read in that same transaction; PocketBase has one writer connection, so no
// other append can come between the read and the insert (and seq/prev_hash are unique besides).
//
// The content is canonical JSON (object keys sorted, no spaces) of
// { seq, at, actor, action, collection, record, changes, reason }; hash = SHA-256(prev_hash + content).
// scripts/audit-verify.mjs recomputes the same. `changes` holds only the fields that changed, as
// { field: { before, after } } (create: after only, delete: before only). Password and token fields are
// never exported by PocketBase's record JSON and so never recorded; file fields record file names only.

const SKIP = { id: 1, collectionId: 1, collectionName: 1, expand: 1, created: 1, updated: 1, password: 1, tokenKey: 1 };

const { canonical } = require(`${__hooks}/lib/canonical.js`);

/** The record's field values as PocketBase exports them (no password/token), emails included. */
function snapshot(record) {
	if (!record) return {};
	const c = record.clone();
	c.ignoreEmailVisibility(true);
	const all = JSON.parse(JSON.stringify(c));
	const out = {};
	for (const k of Object.keys(all)) {
		if (SKIP[k] || k.charAt(0) === '@') continue;
		out[k] = all[k];
	}
	return out;
}

const empty = (v) => v === '' || v === null || v === undefined || (Array.isArray(v) && v.length === 0);

function diff(before, after, action) {
	const changes = {};
	const keys = {};
	for (const k of Object.keys(before)) keys[k] = 1;
	for (const k of Object.keys(after)) keys[k] = 1;
	for (const k of Object.keys(keys).sort()) {
		const b = before[k];
		const a = after[k];
		if (action === 'create') {
			if (!empty(a)) changes[k] = { after: a };
		} else if (action === 'delete') {
			if (!empty(b)) changes[k] = { before: b };
		} else if (canonical(b) !== canonical(a)) {
			changes[k] = { before: b === undefined ? null : b, after: a === undefined ? null : a };
		}
	}
	return changes;
}

function tip(app) {
	const rows = arrayOf(new DynamicModel({ seq: 0, hash: '' }));
	app.db().newQuery('SELECT seq, hash FROM audit_trail ORDER BY seq DESC LIMIT 1').all(rows);
	return rows.length ? { seq: rows[0].seq, hash: rows[0].hash } : { seq: 0, hash: '' };
}

const ID_ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

/** Appends one entry; `before` is the snapshot taken before the save (update/delete). */
function append(app, action, record, before) {
	const after = action === 'delete' ? {} : snapshot(record);
	const changes = diff(before || {}, after, action);
	if (action === 'update' && Object.keys(changes).length === 0) return; // nothing changed
	const ctx = requestContext(app);
	const actor = ctx ? ctx.actor : '';
	const reason = ctx ? ctx.reason : '';
	const last = tip(app);
	const entry = {
		seq: last.seq + 1,
		at: new Date().toISOString(),
		actor,
		action,
		collection: record.collection().name,
		record: record.id,
		changes,
		reason
	};
	const content = canonical(entry);
	const hash = $security.sha256(last.hash + content);
	app
		.db()
		.newQuery(
			`INSERT INTO audit_trail (id, seq, at, actor, action, target_collection, target_id, reason, content, prev_hash, hash)
			 VALUES ({:id}, {:seq}, {:at}, {:actor}, {:action}, {:col}, {:rid}, {:reason}, {:content}, {:prev}, {:hash})`
		)
		.bind({
			id: $security.randomStringWithAlphabet(15, ID_ALPHABET),
			seq: entry.seq,
			at: entry.at,
			actor,
			action,
			col: entry.collection,
			rid: record.id,
			reason,
			content,
			prev: last.hash,
			hash
		})
		.execute();
}

/**
 * Runs the rest of a create/update/delete (`e.next()`) and appends its entry in one transaction —
 * joining the request's or batch's transaction when there is one — then restores the event's app.
 */
function saveAudited(e, action) {
	const before = action === 'create' ? null : snapshot(e.record.original());
	const app = e.app;
	try {
		app.runInTransaction((tx) => {
			e.app = tx;
			e.next();
			append(tx, action, e.record, before);
		});
	} finally {
		e.app = app;
	}
}

// The request's context (who acts, why, which updates carry a version), for the execute hooks: the
// middleware (audit.pb.js) runs each write request of the app in one transaction and keeps the context in
// the app store while it runs. PocketBase has one writer connection and every audited save appends
// inside a transaction, so the only saves that can read the context are the ones of that request.
// Before, request hooks copied the headers onto each record: in a batch PocketBase runs item i+1 inside
// item i's request hooks, so each item held a hook VM and past the pool's 15 every item built a new one
// (docs/audit.md "Cost").
const CTX_KEY = 'congvu.requestContext';
const RECORD_PATH = /^\/api\/collections\/([^/?]+)\/records(?:\/([^/?]+))?(?:\?.*)?$/;
const WRITE_PATH = /^\/api\/(?:batch$|congvu\/|collections\/[^/]+\/records(?:\/[^/]+)?$)/;
const ACTOR = /^[a-z0-9]{15}$/;

function headerReason(raw) {
	if (!raw) return '';
	try {
		return decodeURIComponent(raw).slice(0, 2000);
	} catch (_) {
		return ''; // a malformed reason header is ignored, the change is still recorded
	}
}

/** `collection/id` of each update in the request whose body sends `version` (the version guard's writes). */
function versionedWrites(e, path, method) {
	const out = {};
	const add = (m, url, body) => {
		if ((m !== 'PATCH' && m !== 'PUT') || !body || !Object.prototype.hasOwnProperty.call(body, 'version')) return;
		const hit = RECORD_PATH.exec(url || '');
		if (hit && hit[2]) out[decodeURIComponent(hit[1]) + '/' + decodeURIComponent(hit[2])] = true;
	};
	if (method === 'PATCH') add(method, path, e.requestInfo().body);
	else if (path === '/api/batch') {
		const requests = (e.requestInfo().body || {}).requests;
		if (Array.isArray(requests)) for (const r of requests) add(String((r && r.method) || '').toUpperCase(), r && r.url, r && r.body);
	}
	return out;
}

/**
 * The middleware's work: a write request to the records API, the batch API or the app's routes runs in
 * one transaction with its context in the store; anything else passes through untouched.
 */
function inRequestTransaction(e) {
	const method = e.request.method;
	const path = e.request.url.path;
	if (method === 'GET' || method === 'HEAD' || method === 'OPTIONS' || !WRITE_PATH.test(path)) return e.next();
	const h = e.request.header;
	const actor = h.get('X-Audit-Actor');
	const ctx = {
		actor: ACTOR.test(actor) ? actor : '',
		reason: headerReason(h.get('X-Audit-Reason')),
		versioned: versionedWrites(e, path, method)
	};
	const app = e.app;
	try {
		app.runInTransaction((tx) => {
			e.app = tx;
			app.store().set(CTX_KEY, ctx);
			try {
				e.next();
			} finally {
				app.store().remove(CTX_KEY);
			}
		});
	} finally {
		e.app = app;
	}
}

/** The context of the request whose transaction `app` is in (none outside a transaction). */
function requestContext(app) {
	if (!app.isTransactional()) return null;
	return app.store().get(CTX_KEY) || null;
}

/** True when this update of `record` was sent with a version (pb_hooks/versions.pb.js). */
function isVersionedWrite(app, record) {
	const ctx = requestContext(app);
	if (!ctx) return false;
	const c = record.collection();
	return ctx.versioned[c.name + '/' + record.id] === true || ctx.versioned[c.id + '/' + record.id] === true;
}

module.exports = { append, saveAudited, snapshot, canonical, inRequestTransaction, isVersionedWrite };
