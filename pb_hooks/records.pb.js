/// <reference path="../pb_data/types.d.ts" />
// Gives a completed check its biên bản number (pb_migrations/1795610000_record_numbers.js): in one
// transaction, the check's number if it has one already, else the next of its issuer's sequence for
// the year, written onto the check. Superuser only (the app decides who may complete a check).
routerAdd(
	'POST',
	'/api/congvu/checks/{id}/record-number',
	(e) => {
		const id = e.request.pathValue('id');
		const body = e.requestInfo().body;
		const year = Number(body.year);
		const issuer = String(body.issuer || '');
		const RECORD_ID = new RegExp(require(`${__hooks}/lib/record-id.json`).pattern);
		if (!RECORD_ID.test(id) || !(year >= 2000 && year <= 2100) || !issuer) return e.json(400, { message: 'bad request' });
		let out = null;
		e.app.runInTransaction((tx) => {
			const check = tx.findRecordById('inspections', id);
			if (check.getInt('record_number') > 0) {
				out = { number: check.getInt('record_number'), year: check.getInt('record_year') };
				return;
			}
			const row = new DynamicModel({ last: 0 });
			tx.db()
				.newQuery(
					`INSERT INTO record_sequences (issuer, year, last) VALUES ({:issuer}, {:year}, 1)
					ON CONFLICT (issuer, year) DO UPDATE SET last = last + 1 RETURNING last`
				)
				.bind({ issuer, year })
				.one(row);
			check.set('record_number', row.last);
			check.set('record_year', year);
			tx.save(check);
			out = { number: row.last, year };
		});
		return e.json(200, out);
	},
	$apis.requireSuperuserAuth()
);
