// The offline outbox's sync at scale (issue #14, docs/offline.md "Outbox and sync"): `npm run bench:sync`.
// A fresh PocketBase with the project's migrations and hooks; a check of a 400-person unit, started;
// a device queue of 500 records — the start, 399 roll-call changes, 50 findings and 50 photos (one per
// finding, a small real JPEG) — planned into requests as the browser does (domain/sync.ts planRequests:
// batches of SYNC_BATCH_MAX, every photo alone) and applied through the sync endpoint's service
// (services/onsite/sync.ts; HTTP and the browser are not included). Then the whole queue once more, as a
// retry after a lost answer: it must write nothing. Last line: `sync <s> s` (the first pass).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startPocketbase } from './lib/pocketbase.mjs';
import { createServices } from '../src/lib/server/app';
import { createPb } from '../src/lib/server/pb/create';
import { seedCalendar, seedCatalogue } from '../src/lib/server/seed/index';
import { newClientKey, newRecordId, planRequests, type SyncKind } from '../src/lib/domain/sync';
import type { Actor } from '../src/lib/domain/user';

const JPEG = Buffer.from(
	'/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAAMCAgICAgMCAgIDAwMDBAYEBAQEBAgGBgUGCQgKCgkICQkKDA8MCgsOCwkJDRENDg8QEBEQCgwSExIQEw8QEBD/yQALCAAIAAgBAREA/8wABgAQEAX/2gAIAQEAAD8A0s8g/9k=',
	'base64'
);
const STAFF = 400;
const log = (s: string) => console.log(s);
const ms = (t: [number, number]) => t[0] * 1000 + t[1] / 1e6;

async function main() {
	const dataDir = mkdtempSync(join(tmpdir(), 'congvu-bench-sync-'));
	const env = { ...process.env, PB_SUPERUSER_EMAIL: 'bench@congvu.local', PB_SUPERUSER_PASSWORD: 'bench-password-123' };
	let server: Awaited<ReturnType<typeof startPocketbase>> | null = null;
	try {
		server = await startPocketbase({ dataDir, env });
		const pb = await createPb(server.url, env.PB_SUPERUSER_EMAIL, env.PB_SUPERUSER_PASSWORD);
		await seedCatalogue(pb);
		await seedCalendar(pb);
		const unit = await pb.collection('units').create({ code: 'BENCH.1', name: 'phường Đo Đạc', kind: 'ward', active: true });
		const staff: string[] = [];
		for (let i = 0; i < STAFF; i += 200) {
			const b = pb.createBatch();
			for (let k = i; k < Math.min(STAFF, i + 200); k++)
				b.collection('staff').create({
					employee_code: `B.${k}`,
					full_name: `Người Thử ${k}`,
					unit: unit.id,
					position: 'Công chức',
					category: 'cong_chuc',
					active: true
				});
			staff.push(...(await b.send()).map((r) => (r.body as { id: string }).id));
		}
		const user = await pb.collection('users').create({
			email: 'lead@bench.local',
			password: 'Mat-khau-bench-1',
			passwordConfirm: 'Mat-khau-bench-1',
			name: 'Trưởng đoàn',
			role: 'inspector',
			active: true
		});
		const check = await pb.collection('inspections').create({
			kind: 'scheduled',
			unit: unit.id,
			scheduled_start: '2026-03-02 00:30:00.000Z',
			scheduled_end: '2026-03-02 04:00:00.000Z',
			lead: user.id,
			team: [user.id],
			status: 'planned',
			focus: ['attendance', 'office_culture']
		});
		const types = await pb.collection('violation_types').getFullList({ filter: "category = 'office_culture'", fields: 'id' });
		const services = createServices(pb, () => new Date('2026-03-02T01:00:00Z'));
		const actor: Actor = { id: user.id, role: 'inspector', unitId: null };
		// The device starts the check online (the roster snapshot needs the server), then queues offline.
		const startKey = newClientKey();

		const statuses = ['late', 'absent_excused', 'absent_unexcused', 'business_trip'] as const;
		type Q = { kind: SyncKind; key: string; data: Record<string, unknown>; seq: number; file?: Buffer };
		const queue: Q[] = [{ kind: 'start', key: startKey, data: { lat: null, lon: null, accuracy: null }, seq: 0 }];
		for (let i = 0; i < 399; i++) {
			const status = statuses[i % statuses.length]!;
			queue.push({
				kind: 'roll_call',
				key: newClientKey(),
				seq: queue.length,
				data: { staffId: staff[i], status, base: 'present', lateMinutes: status === 'late' ? 10 : null, arrivalTime: '', note: '' }
			});
		}
		for (let i = 0; i < 50; i++) {
			const id = newRecordId();
			queue.push({
				kind: 'finding',
				key: newClientKey(),
				seq: queue.length,
				data: { id, staffId: staff[i], typeId: types[i % types.length]!.id, description: `Vi phạm ${i + 1}`, observedTime: '' }
			});
			queue.push({ kind: 'photo', key: newClientKey(), seq: queue.length, data: { findingId: id, lastModified: 0 }, file: JPEG });
		}
		if (queue.length !== 500) throw new Error(`queue of ${queue.length}`);

		// The roster snapshot exists once the check is started; the bench's start record does it.
		const run = async () => {
			const t = process.hrtime();
			let sent = 0;
			let dup = 0;
			for (const group of planRequests(queue)) {
				const file = group[0]!.kind === 'photo' ? new File([group[0]!.file! as BlobPart], 'p.jpg', { type: 'image/jpeg' }) : null;
				const t1 = process.hrtime();
				const r = await services.onsite.sync(
					actor,
					check.id,
					group.map(({ kind, key, data }) => ({ kind, key, data })),
					file
				);
				if (!r.ok) throw new Error(`refused ${r.status} ${r.code}`);
				if (process.env.BENCH_VERBOSE) log(`${group[0]!.kind} ×${group.length}: ${ms(process.hrtime(t1)).toFixed(0)} ms`);
				for (const o of r.value) {
					if (o.state !== 'sent') throw new Error(`${o.key}: ${o.state} ${'message' in o ? o.message : ''}`);
					sent++;
					if (o.duplicate) dup++;
				}
			}
			return { s: ms(process.hrtime(t)) / 1000, sent, dup };
		};
		// The start must precede the roll call's snapshot: the first request carries both, in that order.
		const first = await run();
		log(`first pass: ${first.sent} records sent in ${planRequests(queue).length} requests, ${first.s.toFixed(2)} s`);
		const again = await run();
		log(`retry of the whole queue: ${again.dup}/${again.sent} answered as already applied, ${again.s.toFixed(2)} s`);
		const findings = await pb
			.collection('findings')
			.getFullList({ filter: pb.filter('inspection = {:i}', { i: check.id }), fields: 'source,photos' });
		const manual = findings.filter((f) => f.source === 'manual');
		const photos = manual.reduce((n, f) => n + (f.photos as string[]).length, 0);
		log(`on the server: ${manual.length} findings, ${photos} photos, ${findings.length - manual.length} automatic roll-call findings`);
		if (manual.length !== 50 || photos !== 50 || again.dup !== 500) throw new Error('the server does not hold each record exactly once');
		log(`sync ${first.s.toFixed(2)} s`);
	} finally {
		await server?.stop?.();
		rmSync(dataDir, { recursive: true, force: true });
	}
}

main().catch((e) => {
	console.error(e);
	process.exit(1);
});
