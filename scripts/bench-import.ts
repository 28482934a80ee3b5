// `npm run bench:import`: imports 2,000 generated staff rows from an XLSX into a throwaway PocketBase
// through the same service the import page calls (preview, then commit) and prints the seconds taken
// as its last line. The units are imported first the same way (not timed). The employee-code header is
// "Số hiệu", which no synonym matches, so the timing includes the mapping step (preview, the admin's
// mapping, the re-check of the kept cells) as an admin with such a file goes through it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startPocketbase } from './lib/pocketbase.mjs';
import { createPb } from '../src/lib/server/pb/create';
import { createServices } from '../src/lib/server/app';
import { usersRepo } from '../src/lib/server/repos/users';
import { toActor } from '../src/lib/domain/user';
import { exportStaffXlsx, exportUnitsCsv, readXlsx, writeXlsx } from '../src/lib/domain/import';
import { generateStaff, SAMPLE_COMMUNE_UNITS } from '../src/lib/domain/import/generate';

const ROWS = 2000;
const dataDir = mkdtempSync(join(tmpdir(), 'congvu-bench-import-'));
const server = await startPocketbase({ dataDir, env: {} });
try {
	const pb = await createPb(server.url, server.email, server.password);
	const services = createServices(pb);
	const admin = toActor(
		await usersRepo(pb).create({ email: 'bench@congvu.local', password: 'bench-password-123', name: 'Bench', role: 'admin' })
	);

	const units = [
		{ code: 'CA', name: 'UBND tỉnh Cửu An', kind: 'province' as const, parentCode: null, active: true },
		...SAMPLE_COMMUNE_UNITS.map((u) => ({ code: u.code, name: u.code, kind: u.kind, parentCode: 'CA', active: true }))
	];
	const unitPreview = await services.orgImport.preview(admin, 'units', { name: 'don-vi.csv', bytes: exportUnitsCsv(units) });
	if (!unitPreview.ok || !unitPreview.value.token) throw new Error('units did not validate');
	await services.orgImport.commit(admin, unitPreview.value.token);

	const exported = await readXlsx(await exportStaffXlsx(generateStaff(ROWS, { seed: 2025 })));
	if (!exported.ok) throw new Error('export unreadable');
	const [head, ...body] = exported.table.rows.map((r) => r.cells);
	head![0] = 'Số hiệu';
	const bytes = await writeXlsx(
		'Cán bộ',
		head!.map((h) => ({ header: h, type: 'text' as const })),
		body
	);
	const file = { name: 'can-bo.xlsx', bytes };
	const t0 = performance.now();
	const step = await services.orgImport.preview(admin, 'staff', file);
	if (!step.ok || step.value.mapping?.missing.join() !== 'Mã cán bộ') throw new Error('no mapping step');
	const preview = await services.orgImport.remap(admin, step.value.draft, { 'so hieu': 'employeeCode' });
	if (!preview.ok || !preview.value.token) throw new Error(`staff did not validate: ${JSON.stringify(preview).slice(0, 500)}`);
	const t1 = performance.now();
	const done = await services.orgImport.commit(admin, preview.value.token);
	const t2 = performance.now();
	if (!done.ok || done.value.counts.create !== ROWS) throw new Error(`commit failed: ${JSON.stringify(done)}`);
	const stored = (await pb.collection('staff').getList(1, 1, { fields: 'id' })).totalItems;
	if (stored !== ROWS) throw new Error(`expected ${ROWS} staff, found ${stored}`);

	console.log(`file: ${(file.bytes.length / 1024).toFixed(0)} KB XLSX, ${ROWS} rows`);
	console.log(`preview with the mapping step (read, map, validate + diff): ${((t1 - t0) / 1000).toFixed(2)} s`);
	console.log(`commit (validate again + one batch transaction): ${((t2 - t1) / 1000).toFixed(2)} s`);
	console.log(`import of ${ROWS} staff rows (preview + commit), seconds:`);
	console.log(((t2 - t0) / 1000).toFixed(2));
} finally {
	await server.stop();
	rmSync(dataDir, { recursive: true, force: true });
}
