/// <reference path="../pb_data/types.d.ts" />
// Issued periodic reports (pb_migrations/1795621000_report_drafts_issued.js, issue #17 §2).
// - The number: the app asks for the next number of the year (GET below, a peek that gives nothing
//   away), renders the files with it and creates the record. Inside the create's own transaction
//   (one SQLite writer: the re-read and the write cannot interleave with another issue) the number must
//   be exactly the year's last + 1, and the sequence advances to it; otherwise 409 "number_taken" and
//   the app renders again with the next number. So two issues at once get two numbers or one refusal,
//   never the same number, and a number once given is never given again (the sequence never goes back,
//   not even if a record were removed behind the app's back). The unique index (year, number) is the
//   second guard.
// - Frozen: an issued report is never changed nor deleted, whoever asks (superusers too).
routerAdd(
	'GET',
	'/api/congvu/reports/next-number',
	(e) => {
		const year = Number(e.request.url.query().get('year'));
		if (!(year >= 2000 && year <= 2100)) return e.json(400, { message: 'bad request' });
		const row = new DynamicModel({ last: 0 });
		try {
			e.app.db().newQuery('SELECT last FROM report_sequences WHERE year = {:year}').bind({ year }).one(row);
		} catch (_) {
			row.last = 0; // no number given this year yet
		}
		return e.json(200, { year, next: row.last + 1 });
	},
	$apis.requireSuperuserAuth()
);

onRecordCreateExecute((e) => {
	const year = e.record.getInt('year');
	const number = e.record.getInt('number');
	const row = new DynamicModel({ last: 0 });
	try {
		e.app.db().newQuery('SELECT last FROM report_sequences WHERE year = {:year}').bind({ year }).one(row);
	} catch (_) {
		row.last = 0; // the year's first report
	}
	if (number !== row.last + 1) throw new ApiError(409, 'number_taken', { number: { code: 'number_taken', message: 'number_taken' } });
	e.app
		.db()
		.newQuery('INSERT INTO report_sequences (year, last) VALUES ({:year}, {:number}) ON CONFLICT (year) DO UPDATE SET last = {:number}')
		.bind({ year, number })
		.execute();
	e.next();
}, 'issued_reports');

onRecordUpdateExecute(() => {
	throw new ApiError(403, 'issued reports never change');
}, 'issued_reports');

onRecordDeleteExecute(() => {
	throw new ApiError(403, 'issued reports are kept');
}, 'issued_reports');
