/// <reference path="../pb_data/types.d.ts" />
// Accounts: PocketBase's built-in `users` auth collection, with role, unit and active flag.
// All CRUD rules null (superusers only): the SvelteKit server is the only way in. Password auth stays on
// so the server can check a password; the server then refuses inactive accounts with a clear message
// (a PocketBase token alone opens nothing: every rule is null).
const ORIGINAL = {
	listRule: 'id = @request.auth.id',
	viewRule: 'id = @request.auth.id',
	createRule: '',
	updateRule: 'id = @request.auth.id',
	deleteRule: 'id = @request.auth.id',
	authRule: '',
	manageRule: null
};
migrate(
	(app) => {
		const users = app.findCollectionByNameOrId('users');
		users.fields.add(
			new SelectField({
				name: 'role',
				required: true,
				maxSelect: 1,
				values: ['admin', 'leader', 'inspector', 'unit_head']
			})
		);
		users.fields.add(new RelationField({ name: 'unit', collectionId: 'pbc_units', maxSelect: 1 }));
		users.fields.add(new BoolField({ name: 'active' }));
		users.fields.add(new TextField({ name: 'position', max: 200 }));
		users.fields.add(new TextField({ name: 'phone', max: 30 }));
		users.fields.add(new SelectField({ name: 'locale', maxSelect: 1, values: ['vi', 'en'] }));
		// Per notification kind: { "<kind>": false } switches e-mail off for that kind.
		users.fields.add(new JSONField({ name: 'email_prefs', maxSize: 10000 }));
		users.listRule = null;
		users.viewRule = null;
		users.createRule = null;
		users.updateRule = null;
		users.deleteRule = null;
		users.manageRule = null;
		users.oauth2.enabled = false;
		users.otp.enabled = false;
		users.mfa.enabled = false;
		users.addIndex('idx_users_role', false, 'role', '');
		users.addIndex('idx_users_unit', false, 'unit', '');
		app.save(users);
	},
	(app) => {
		const users = app.findCollectionByNameOrId('users');
		for (const f of ['role', 'unit', 'active', 'position', 'phone', 'locale', 'email_prefs']) {
			users.fields.removeByName(f);
		}
		users.removeIndex('idx_users_role');
		users.removeIndex('idx_users_unit');
		Object.assign(users, ORIGINAL);
		app.save(users);
	}
);
