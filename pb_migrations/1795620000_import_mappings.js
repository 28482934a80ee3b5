/// <reference path="../pb_data/types.d.ts" />
// Column mappings an admin chose in the import's mapping step (issue #18 §1), remembered for the next
// file with the same header row: one row per import kind and header signature (a SHA-256 of the
// normalised header row, src/lib/domain/import/table.ts headerSignature). `mapping` is
// { headerKey: field | "" } ("" = ignore the column). Reached only through the server (no API rules).
migrate(
	(app) => {
		app.save(
			new Collection({
				id: 'pbc_import_mappings',
				type: 'base',
				name: 'import_mappings',
				fields: [
					{ name: 'kind', type: 'select', required: true, maxSelect: 1, values: ['units', 'staff'] },
					{ name: 'header_hash', type: 'text', required: true, min: 64, max: 64, pattern: '^[0-9a-f]{64}$' },
					{ name: 'mapping', type: 'json', maxSize: 20000 },
					{ name: 'created', type: 'autodate', onCreate: true },
					{ name: 'updated', type: 'autodate', onCreate: true, onUpdate: true }
				],
				indexes: ['CREATE UNIQUE INDEX idx_import_mappings_kind_hash ON import_mappings (kind, header_hash)']
			})
		);
	},
	(app) => {
		app.delete(app.findCollectionByNameOrId('import_mappings'));
	}
);
