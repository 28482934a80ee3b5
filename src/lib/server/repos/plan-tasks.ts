// plan_tasks <-> domain PlanTask (issue #16 §3).
import type { RecordModel } from 'pocketbase';
import type { Pb } from '../pb/create';
import { orNull, unlessStale } from '../pb/errors';
import { isRecordId } from '../pb/query';
import type { PlanTask, TaskStatus } from '../../domain/plan-tasks';

export type { PlanTask };

export interface PlanTaskWrite {
	title: string;
	unitId: string;
	dueOn: string;
	status: TaskStatus;
	doneOn: string;
}

function toTask(r: RecordModel): PlanTask {
	return {
		id: r.id,
		planId: String(r.plan),
		title: String(r.title ?? ''),
		unitId: String(r.unit ?? ''),
		unitName: String(r.expand?.unit?.name ?? ''),
		dueOn: String(r.due_on ?? ''),
		status: (r.status || 'not_started') as TaskStatus,
		doneOn: String(r.done_on ?? ''),
		version: Number(r.version ?? 0)
	};
}

const body = (t: PlanTaskWrite) => ({ title: t.title, unit: t.unitId, due_on: t.dueOn, status: t.status, done_on: t.doneOn });

export function planTasksRepo(pb: Pb) {
	const col = () => pb.collection('plan_tasks');
	return {
		async list(planId: string): Promise<PlanTask[]> {
			const rows = await col().getFullList({ filter: pb.filter('plan = {:p}', { p: planId }), sort: 'due_on,created', expand: 'unit' });
			return rows.map(toTask);
		},
		async get(id: string): Promise<PlanTask | null> {
			if (!isRecordId(id)) return null;
			const r = await orNull(col().getOne(id, { expand: 'unit' }));
			return r ? toTask(r) : null;
		},
		async create(planId: string, t: PlanTaskWrite, createdBy: string): Promise<PlanTask> {
			return toTask(await col().create({ plan: planId, ...body(t), created_by: createdBy, version: 0 }, { expand: 'unit' }));
		},
		/** Writes the task if it is still at `version`; false when someone else wrote first. */
		async update(id: string, version: number, t: Partial<PlanTaskWrite>): Promise<boolean> {
			const b: Record<string, unknown> = { version: version + 1 };
			if (t.title !== undefined) b.title = t.title;
			if (t.unitId !== undefined) b.unit = t.unitId;
			if (t.dueOn !== undefined) b.due_on = t.dueOn;
			if (t.status !== undefined) b.status = t.status;
			if (t.doneOn !== undefined) b.done_on = t.doneOn;
			return unlessStale(col().update(id, b));
		}
	};
}
