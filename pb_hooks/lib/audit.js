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
	const actor = String(record.get('@actor') || '');
	const reason = String(record.get('@reason') || '');
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

/** Copies the acting user (and reason) from the request headers the app sends onto the record. */
function markActor(e) {
	const h = e.requestInfo().headers || {};
	const actor = h['x_audit_actor'] || '';
	if (/^[a-z0-9]{15}$/.test(actor)) e.record.set('@actor', actor);
	const reason = h['x_audit_reason'] || '';
	if (reason) {
		try {
			e.record.set('@reason', decodeURIComponent(reason).slice(0, 2000));
		} catch (_) {
			// a malformed reason header is ignored, the change is still recorded
		}
	}
}

module.exports = { append, saveAudited, snapshot, canonical, markActor };
