/**
 * Plan tasks (nhiệm vụ của kế hoạch, issue #16 §3): the work a plan lists besides its checks, and the
 * plan's progress counted separately for tasks and checks in the "x/y, đạt z%" form of the reports
 * ("Nhiệm vụ: 54/59, đạt 91,5%"). Pure.
 */
import { formatAchieved } from './format';
import { isCountedCheck, isDoneCheck } from './figures';
import type { MessageKey } from './result';

export const TASK_STATUSES = ['not_started', 'in_progress', 'done'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

export interface PlanTask {
	id: string;
	planId: string;
	title: string;
	unitId: string;
	unitName: string;
	dueOn: string;
	status: TaskStatus;
	/** The day it was done (YYYY-MM-DD), '' unless done. */
	doneOn: string;
	version: number;
}

/** "54/59, đạt 91,5%": done of total, rounded half up — the one "x/y, đạt z%" form of format.ts. */
export function formatProgress(done: number, total: number, digits = 1): string {
	return formatAchieved(done, total, '', digits);
}

/** Tasks and checks counted separately: every task counts; checks as the figures count them. */
export function planTaskProgress(tasks: readonly { status: TaskStatus }[], checkStatuses: readonly string[]) {
	const tasksDone = tasks.filter((t) => t.status === 'done').length;
	const counted = checkStatuses.filter(isCountedCheck);
	const checksDone = counted.filter(isDoneCheck).length;
	return {
		tasks: { done: tasksDone, total: tasks.length, label: formatProgress(tasksDone, tasks.length) },
		checks: { done: checksDone, total: counted.length, label: formatProgress(checksDone, counted.length) }
	};
}

/**
 * Bad input of a task against its plan: a due date outside the plan's year, a completion date before
 * the task could start (outside the plan's year too) — message keys by form field.
 */
export function taskRefusals(
	t: { dueOn: string; status: TaskStatus; doneOn: string },
	plan: { year: number }
): Partial<Record<'due_on' | 'done_on', MessageKey>> {
	const out: Partial<Record<'due_on' | 'done_on', MessageKey>> = {};
	if (Number(t.dueOn.slice(0, 4)) !== plan.year) out.due_on = 'plan_task.error.due_outside_year';
	if (t.status === 'done' && !t.doneOn) out.done_on = 'plan_task.error.done_on_required';
	if (t.status !== 'done' && t.doneOn) out.done_on = 'plan_task.error.done_on_not_done';
	return out;
}

/** The task as stored after a status change: a done task keeps its completion day, any other has none. */
export function taskAfterStatus(status: TaskStatus, doneOn: string, today: string): { status: TaskStatus; doneOn: string } {
	return status === 'done' ? { status, doneOn: doneOn || today } : { status, doneOn: '' };
}
