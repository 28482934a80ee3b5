/// <reference path="../pb_data/types.d.ts" />
// List pages' counts as one aggregate each (docs/performance.md); superuser only, like dashboard.pb.js.
routerAdd(
	'POST',
	'/api/congvu/action-counts',
	(e) => e.json(200, { counts: require(`${__hooks}/lib/counts.js`).actionCounts(e.app, e.requestInfo().body) }),
	$apis.requireSuperuserAuth()
);
