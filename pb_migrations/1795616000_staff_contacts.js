/// <reference path="../pb_data/types.d.ts" />
// Staff contacts (issue #18 §2): phone (10 digits starting with 0, stored as text so the leading
// zero stays; normalised by src/lib/domain/contact.ts) and email. Empty = unknown.
migrate(
	(app) => {
		const staff = app.findCollectionByNameOrId('staff');
		staff.fields.add(new TextField({ name: 'phone', max: 10, pattern: '^(0[0-9]{9})?$' }));
		staff.fields.add(new TextField({ name: 'email', max: 254 }));
		app.save(staff);
	},
	(app) => {
		const staff = app.findCollectionByNameOrId('staff');
		staff.fields.removeByName('phone');
		staff.fields.removeByName('email');
		app.save(staff);
	}
);
