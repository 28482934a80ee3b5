// Every migration applies to an empty data folder and every one rolls back (its down step works).
import { describe, expect, test } from 'vitest';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MIGRATIONS_DIR, migrate, resolvePocketbase } from '../../scripts/lib/pocketbase.mjs';

const files = readdirSync(MIGRATIONS_DIR as string)
	.filter((f) => f.endsWith('.js'))
	.sort();

describe('migrations', () => {
	test('apply all to an empty data folder, roll all back, apply again', () => {
		const dir = mkdtempSync(join(tmpdir(), 'congvu-mig-'));
		try {
			const bin = resolvePocketbase();
			const up = String(migrate(bin, dir, ['up']));
			for (const f of files) expect(up).toContain(`Applied ${f}`);

			const down = String(migrate(bin, dir, ['down', String(files.length)]));
			for (const f of files) expect(down).toContain(`Reverted ${f}`);
			// Only the project's migrations were reverted, not PocketBase's own.
			expect(down.match(/Reverted /g)).toHaveLength(files.length);

			const again = String(migrate(bin, dir, ['up']));
			for (const f of files) expect(again).toContain(`Applied ${f}`);
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});
});
