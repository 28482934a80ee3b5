// `npm run bench:calendar`: a throwaway PocketBase filled with a year's plan of 200 checks over 500 units
// (plus 20 surprise checks), then the p95 server time of the calendar page (month and week) and the check
// list page, measured through the same service calls and row mapping the pages' loads make, for an
// inspector (secrecy filter on) and a leader. The last line is the figure; target < 300 ms.
import { startTestPocketbase } from '../tests/support/pocketbase';
import { createPb } from '../src/lib/server/pb/create';
import { createServices } from '../src/lib/server/app';
import { usersRepo } from '../src/lib/server/repos/users';
import { seedCalendar } from '../src/lib/server/seed/index';
import { checkRow } from '../src/lib/domain/check-view';
import { daysOf, gridRange } from '../src/lib/domain/calendar-grid';
import { addDays } from '../src/lib/domain/format';
import { toActor } from '../src/lib/domain/user';

const UNITS = 500;
const CHECKS = 200;
const SURPRISE = 20;
const YEAR = 2026;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 60);

const pbServer = await startTestPocketbase();
try {
	const pb = await createPb(pbServer.url, pbServer.email, pbServer.password);
	const services = createServices(pb, () => new Date(`${YEAR}-06-15T03:00:00Z`));
	await seedCalendar(pb);

	// 500 units under one province, in batches (one transaction each).
	const root = await pb.collection('units').create({ code: 'B', name: 'Tỉnh thử', kind: 'province', active: true });
	const unitIds: string[] = [];
	for (let start = 0; start < UNITS; start += 250) {
		const batch = pb.createBatch();
		for (let i = start; i < Math.min(UNITS, start + 250); i++) {
			batch.collection('units').create({ code: `B.${i}`, name: `Phường thử ${i}`, kind: 'ward', active: true, parent: root.id });
		}
		for (const r of await batch.send()) unitIds.push(String((r.body as { id: string }).id));
	}
	const users = usersRepo(pb);
	const inspectors = [];
	for (let i = 0; i < 12; i++)
		inspectors.push(
			await users.create({ email: `kt${i}@bench.local`, password: 'Bench-password-1', name: `Kiểm tra viên ${i}`, role: 'inspector' })
		);
	const leader = await users.create({ email: 'ld@bench.local', password: 'Bench-password-1', name: 'Lãnh đạo', role: 'leader' });
	const plan = await pb
		.collection('inspection_plans')
		.create({ title: `Kế hoạch năm ${YEAR}`, period_kind: 'year', year: YEAR, status: 'approved', created_by: inspectors[0]!.id });

	// 200 scheduled checks spread over the working weeks of the year, plus surprise checks.
	const batch = pb.createBatch();
	for (let i = 0; i < CHECKS + SURPRISE; i++) {
		const day = addDays(`${YEAR}-01-05`, Math.floor((i % CHECKS) * (355 / CHECKS)));
		const lead = inspectors[i % inspectors.length]!.id;
		const surprise = i >= CHECKS;
		batch.collection('inspections').create({
			title: surprise ? `Đột xuất ${i}` : `Kiểm tra ${i}`,
			kind: surprise ? 'surprise' : 'scheduled',
			trigger: surprise ? 'complaint' : 'plan',
			plan: surprise ? '' : plan.id,
			unit: unitIds[(i * 7) % UNITS],
			focus: ['attendance'],
			scheduled_start: `${day} 01:00:00.000Z`,
			scheduled_end: `${day} 04:30:00.000Z`,
			lead,
			team: [inspectors[(i + 1) % inspectors.length]!.id],
			status: day < `${YEAR}-06-15` && !surprise ? 'completed' : 'planned'
		});
	}
	await batch.send();

	const actors = [toActor(inspectors[3]!), toActor(leader)];
	const time = async (fn: () => Promise<unknown>) => {
		const t = performance.now();
		await fn();
		return performance.now() - t;
	};
	const monthPage = async (actor: (typeof actors)[number], month: number, view: 'month' | 'week') => {
		const anchor = `${YEAR}-${String(month).padStart(2, '0')}-15`;
		const range = gridRange(view, anchor, anchor);
		const { checks, days } = await services.checks.calendarRange(actor, range.from, range.to, false);
		const rows = checks.map(checkRow);
		return { rows, days: daysOf(range.from, range.to).length + days.length };
	};
	const listPage = async (actor: (typeof actors)[number], month: number) => {
		const from = `${YEAR}-${String(month).padStart(2, '0')}-01`;
		const { rows } = await services.checks.listPage(actor, {
			from,
			to: addDays(from, 90),
			unit: root.id,
			kind: undefined,
			status: undefined,
			inspector: null,
			mine: false
		});
		return rows.map(checkRow);
	};

	// Warm-up, then measure.
	for (const a of actors) await monthPage(a, 1, 'month');
	const samples = { calendar: [] as number[], list: [] as number[] };
	for (let r = 0; r < ROUNDS; r++) {
		const actor = actors[r % actors.length]!;
		const month = (r % 12) + 1;
		samples.calendar.push(await time(() => monthPage(actor, month, r % 3 === 0 ? 'week' : 'month')));
		samples.list.push(await time(() => listPage(actor, month)));
	}
	const p95 = (xs: number[]) => {
		const s = [...xs].sort((a, b) => a - b);
		return s[Math.min(s.length - 1, Math.ceil(0.95 * s.length) - 1)]!;
	};
	const check = await pb.collection('inspections').getList(1, 1, { filter: "kind = 'scheduled'" });
	console.log(`${UNITS} units, ${check.totalItems} scheduled + ${SURPRISE} surprise checks, ${ROUNDS} rounds per page`);
	const cal = p95(samples.calendar);
	const list = p95(samples.list);
	console.log(
		`bench:calendar p95 calendar page ${cal.toFixed(1)} ms, list page ${list.toFixed(1)} ms (target < 300 ms) ${Math.max(cal, list) < 300 ? 'OK' : 'OVER'}`
	);
} finally {
	await pbServer.stop();
}
