/// <reference path="../pb_data/types.d.ts" />
// Claiming a notification's mail before sending it (docs/deploy.md §10 "Exactly one mail per notification"), so two
// app processes (or a restarted one beside a send still running) never send the same mail twice:
//
// - POST /api/congvu/notifications/claim  { id, now, lease } -> { claimed }
//
// A pending mail whose time has come (email_next_at <= now) is claimed by moving email_next_at to
// `lease`; only the request that moved it gets `claimed: true`. The claimer then records the outcome
// (sent, or the next attempt); a process that dies mid-send leaves the mail to be retried after the
// lease. One transaction on PocketBase's one writer connection, so the update and its changes() count
// cannot interleave with another claim. Superuser only (the app's service account).
routerAdd(
	'POST',
	'/api/congvu/notifications/claim',
	(e) => {
		const b = e.requestInfo().body;
		const args = { id: String(b.id || ''), now: String(b.now || ''), lease: String(b.lease || '') };
		let claimed = false;
		e.app.runInTransaction((tx) => {
			tx.db()
				.newQuery(
					"UPDATE notifications SET email_next_at = {:lease} WHERE id = {:id} AND email_status = 'pending' AND email_next_at <= {:now}"
				)
				.bind(args)
				.execute();
			const m = new DynamicModel({ n: 0 });
			tx.db().newQuery('SELECT changes() AS n').one(m);
			claimed = m.n === 1;
		});
		return e.json(200, { claimed });
	},
	$apis.requireSuperuserAuth()
);
