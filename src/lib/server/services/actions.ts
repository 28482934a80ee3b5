// Corrective actions after the check: the board, the detail with its history, every workflow step,
// the unit's explanation, delegates, evidence files and the deadline checks of the scheduler.
//
// Every step: authorize('action.view') (a unit head of another unit gets 403) → the policy's rule for
// the step's side (`STEP_POLICY`: action.respond / action.verify / action.comment; refused → 403) →
// domain applyAction (when, input) → the new state and ONE action_updates row written in one batch
// transaction, only if the action is still at the version it was read in (else 409 errors.stale,
// nothing written) → notifications (stored; mail goes out in the background and never fails the step).
import { error } from '@sveltejs/kit';
import type { Pb } from '../pb/create';
import type { Actor } from '../../domain/user';
import { authorize, can, type Action, type Scoped } from '../authz';
import { actionsRepo, toState, type ActionPatch, type ActionRecord } from '../repos/actions';
import { actionScopeRepo } from '../repos/action-scope';
import { subtreeIds } from '../../domain/org-tree';
import type { NotificationService } from './notifications';
import {
	ACTION_STATUSES,
	actionOutcome,
	applyAction,
	closedOnTime,
	dueReminders,
	isOverdue,
	isResponder,
	type ActionErrorCode,
	type ActionInput,
	type ActionType,
	type CorrectiveAction
} from '../../domain/corrective-action';
import {
	availableSteps,
	checkDelegates,
	checkEvidence,
	checkExplanation,
	responderQueue,
	type EvidenceError,
	type ExtraErrorCode,
	type NotificationKind
} from '../../domain/action-extras';
import { ok, refuse, type MessageParams, type Refusal, type Result } from '../../domain/result';
import { addDays } from '../../domain/format';
import { vnDay } from '../../domain/time';
import { workingDaysBetween, type WorkingCalendar } from '../../domain/holidays';
import type { CalendarService } from './calendar';
import type { BoardFilter } from '../../domain/schemas/actions';
import { isRecordId } from '../pb/query';

/**
 * The HTTP status of every refusal a step can give: who may not (403), what the input lacks (400),
 * or the action's state (409). Total over the codes, so a new code cannot be left to a guess.
 */
type StepCode = ActionErrorCode | ExtraErrorCode | EvidenceError['code'] | 'errors.stale';
const STATUS_OF_CODE: Record<StepCode, 400 | 403 | 409> = {
	'action.error.forbidden': 403,
	'action.error.not_unit_head': 403,
	'action.error.not_responder': 403,
	'action.error.not_verifier': 403,
	'action.error.own_response': 403,
	'action.error.conflict_of_interest': 403,
	'action.error.evidence_required': 400,
	'action.error.text_required': 400,
	'action.error.reason_required': 400,
	'action.error.invalid_date': 400,
	'action.error.date_in_past': 400,
	'action.error.extension_not_later': 400,
	'action.error.file_type': 400,
	'action.error.file_size': 400,
	'action.error.file_count': 400,
	'action.error.file_empty': 400,
	'action.error.already_started': 409,
	'action.error.awaiting_verification': 409,
	'action.error.already_verified': 409,
	'action.error.closed': 409,
	'action.error.not_submitted': 409,
	'action.error.not_verified': 409,
	'action.error.extension_pending': 409,
	'action.error.extension_limit': 409,
	'action.error.no_pending_extension': 409,
	'action.error.illegal_transition': 409,
	'action.error.delegate_invalid': 409,
	'errors.stale': 409
};

function refusal(code: StepCode, params: MessageParams = {}): Refusal {
	return refuse(STATUS_OF_CODE[code], code, undefined, params);
}

/**
 * The policy action that authorizes each step (issue #11 §4): the unit side's steps are
 * `action.respond`, the verifying side's `action.verify` (the originating check's team or a leader,
 * never the responder), comments either side's. Refused → 403 with the side's message.
 */
export const STEP_POLICY: Record<ActionType, { action: Action; refusal: ActionErrorCode }> = {
	start: { action: 'action.respond', refusal: 'action.error.not_responder' },
	submit: { action: 'action.respond', refusal: 'action.error.not_responder' },
	request_extension: { action: 'action.respond', refusal: 'action.error.not_responder' },
	return: { action: 'action.verify', refusal: 'action.error.not_verifier' },
	verify: { action: 'action.verify', refusal: 'action.error.not_verifier' },
	close: { action: 'action.verify', refusal: 'action.error.not_verifier' },
	approve_extension: { action: 'action.verify', refusal: 'action.error.not_verifier' },
	refuse_extension: { action: 'action.verify', refusal: 'action.error.not_verifier' },
	comment: { action: 'action.comment', refusal: 'action.error.forbidden' }
};

/**
 * What the page showed when the user acted: the action's version and the form's idempotency key
 * (hidden form fields). A step sent again with a key already stored for the action (a phone resending
 * after a crash or a lost answer, a double submit) is answered as done and writes nothing more
 * (docs/deploy.md "Crash durability").
 */
export interface Seen {
	version?: number;
	clientKey?: string;
}
const isStaleRead = (a: ActionRecord, seen: Seen) => seen.version !== undefined && seen.version !== a.version;

function scopeOf(a: ActionRecord, actor: Actor): Scoped {
	return {
		unitId: a.unitId,
		delegateId: a.delegateIds.includes(actor.id) ? actor.id : null,
		responderId: a.submittedBy,
		requesterId: a.pendingExtension?.requestedBy ?? null,
		originTeam: a.originTeam
	};
}

/** How often the scheduler re-reads and retries an action another write changed under it. */
const SCHEDULER_RETRIES = 5;

/** Working days left until the due date (negative when past); null outside the calendar's years. */
function workingDaysLeft(today: string, due: string, cal: WorkingCalendar): number | null {
	try {
		return workingDaysBetween(today, due, cal);
	} catch {
		return null;
	}
}

async function evidenceFacts(files: File[]) {
	return Promise.all(
		files.map(async (f) => ({ name: f.name, type: f.type, size: f.size, head: new Uint8Array(await f.slice(0, 16).arrayBuffer()) }))
	);
}

export function actionService(pb: Pb, clock: () => Date, notifications: NotificationService, calendar: CalendarService) {
	const repo = actionsRepo(pb);
	/** The working calendar (statutory holidays + the admin's announced days) around today. */
	const workingCalendar = () => {
		const y = Number(today().slice(0, 4));
		return calendar.workingCalendar(y - 2, y + 2);
	};
	const scope = actionScopeRepo(pb);
	const today = () => vnDay(clock());

	/** True when this form's step is already stored for the action (same client key). */
	async function alreadyWritten(a: ActionRecord, seen: Seen): Promise<boolean> {
		return !!seen.clientKey && (await repo.stepByClientKey(a.id, seen.clientKey)) !== null;
	}

	/** Loads an action the actor may see: unknown → 404, not theirs → 403. */
	async function load(actor: Actor, id: string): Promise<ActionRecord> {
		const a = isRecordId(id) ? await repo.get(id) : null;
		if (!a) error(404, 'errors.not_found');
		authorize(actor, 'action.view', scopeOf(a, actor));
		return a;
	}

	async function unitSide(a: ActionRecord): Promise<string[]> {
		return [...(await scope.unitHeads(a.unitId)).map((p) => p.id), ...a.delegateIds];
	}
	async function verifierSide(a: ActionRecord): Promise<string[]> {
		const team = await repo.inspectionTeam(a.inspectionId);
		return team.length ? team : (await scope.leaders()).map((p) => p.id);
	}

	/** The steps `actor` may take now: allowed by the policy and by the state (the domain's probe). */
	function stepsFor(a: ActionRecord, actor: Actor, day: string): ActionType[] {
		const s = scopeOf(a, actor);
		return availableSteps(toState(a), actor, day, clock().toISOString()).filter((t) => can(actor, STEP_POLICY[t].action, s));
	}

	async function tell(
		a: ActionRecord,
		actor: Actor | null,
		to: string[],
		kind: NotificationKind,
		extra: Record<string, string | number> = {},
		dedupeKey?: string
	) {
		try {
			await notifications.notify({
				userIds: to.filter((id) => id !== actor?.id),
				kind,
				params: { title: a.title, unit: a.unitName, ...extra },
				link: `/actions/${a.id}`,
				dedupeKey
			});
		} catch (e) {
			// The step is already saved; a notification failure must not turn it into an error.
			console.error(`[actions] notification for ${a.id} failed`, e);
		}
	}

	/**
	 * Who hears of a step, and once: with the form's client key the notifications are keyed by it (a
	 * resend of the same step adds only what is missing), without one by the version the step wrote.
	 */
	async function notifyStep(
		a: ActionRecord,
		actor: Actor,
		type: string,
		entry: { text: string; dueDate: string },
		version: number,
		seen: Seen
	) {
		const unit = () => unitSide(a);
		const verifiers = () => verifierSide(a);
		const once = (kind: string) => (seen.clientKey ? `action:${a.id}:key:${seen.clientKey}:${kind}` : `action:${a.id}:v${version}:${kind}`);
		const keyed = (kind: string) => (seen.clientKey ? once(kind) : undefined);
		switch (type) {
			case 'submit':
				return tell(a, actor, await verifiers(), 'action_submitted', {}, keyed('action_submitted'));
			case 'return':
				return tell(a, actor, await unit(), 'action_returned', { reason: entry.text }, once('action_returned'));
			case 'verify':
				return tell(a, actor, await unit(), 'action_verified', {}, keyed('action_verified'));
			case 'close':
				return tell(a, actor, await unit(), 'action_closed', {}, keyed('action_closed'));
			case 'request_extension':
				return tell(a, actor, await verifiers(), 'extension_requested', { date: entry.dueDate }, keyed('extension_requested'));
			case 'approve_extension':
				return tell(a, actor, await unit(), 'extension_approved', { date: entry.dueDate }, once('extension_approved'));
			case 'refuse_extension':
				return tell(a, actor, await unit(), 'extension_refused', { date: entry.dueDate }, once('extension_refused'));
			case 'comment':
				return tell(
					a,
					actor,
					isResponder(actor, toState(a)) ? await verifiers() : await unit(),
					'action_comment',
					{},
					keyed('action_comment')
				);
		}
	}

	/** True when this form's step is already stored; its notifications are completed (see notifyStep). */
	async function resent(a: ActionRecord, actor: Actor, seen: Seen): Promise<boolean> {
		const prior = seen.clientKey ? await repo.stepByClientKey(a.id, seen.clientKey) : null;
		if (!prior) return false;
		await notifyStep(a, actor, prior.kind, { text: prior.text, dueDate: prior.newDueDate }, 0, seen);
		return true;
	}

	function patchOf(before: ActionRecord, next: CorrectiveAction, type: ActionInput['type'], now: string, day: string): ActionPatch {
		const p: ActionPatch = {
			status: next.status,
			dueDate: next.dueDate,
			returnCount: next.returnCount,
			extensionCount: next.extensionCount,
			pendingExtension: next.pendingExtension,
			submittedBy: next.submittedBy,
			submittedAt: next.submittedAt,
			submittedOn: next.submittedOn,
			overdue: isOverdue(next, day)
		};
		// Leaving the overdue state by an extension or acceptance clears the flag; the history keeps it.
		if (type === 'verify') p.closedOnTime = closedOnTime(next);
		// The first deadline is kept for reports (đúng hạn / quá hạn so với hạn ban đầu).
		if (type === 'approve_extension') p.originalDueDate = before.originalDueDate;
		if (type === 'close') {
			p.closedAt = now;
			p.closedOnTime = closedOnTime(next);
		}
		return p;
	}

	return {
		/**
		 * The board: filtered, sorted, with counts per status. Authz: action.list; who reads the unit tree
		 * (org.read: the office) sees every unit's actions and may pick a unit, everyone else only their own unit.
		 */
		async board(actor: Actor, f: BoardFilter) {
			authorize(actor, 'action.list');
			const canPickUnit = can(actor, 'org.read');
			// Only who may pick a unit needs the tree (the picker, a subtree's ids).
			const units = canPickUnit ? await scope.units() : [];
			let unitIds: string[] | undefined;
			if (!canPickUnit) unitIds = actor.unitId ? [actor.unitId] : [];
			else if (f.unit) unitIds = subtreeIds(units, f.unit);
			const q = { unitIds, status: f.status, category: f.category, dueFrom: f.due_from, dueTo: f.due_to, overdue: f.overdue, sort: f.sort };
			const [items, counts] = await Promise.all([repo.list(q), repo.countByStatus(q, ACTION_STATUSES)]);
			const day = today();
			return {
				items: items.map((a) => ({ ...a, outcome: actionOutcome(a, day), isOverdue: isOverdue(a, day) })),
				counts,
				canPickUnit,
				units: canPickUnit ? units : []
			};
		},

		/** The unit head's home: what waits for them first. */
		async unitQueue(actor: Actor) {
			authorize(actor, 'action.list');
			if (actor.role !== 'unit_head' || !actor.unitId) return { todo: [], waiting: [] };
			const items = await repo.list({ unitIds: [actor.unitId], sort: 'due_asc' }, 500);
			const day = today();
			const q = responderQueue(items, day);
			const cal = await workingCalendar();
			const decorate = (a: ActionRecord) => ({ ...a, isOverdue: isOverdue(a, day), daysLeft: workingDaysLeft(day, a.dueDate, cal) });
			return { todo: q.todo.map(decorate), waiting: q.waiting.map(decorate) };
		},

		/** One action with its history and the steps the actor may take. Authz: action.view. */
		async detail(actor: Actor, id: string) {
			const a = await load(actor, id);
			const day = today();
			const state = toState(a);
			const history = await repo.history(a.id);
			const isHead = can(actor, 'action.delegate', scopeOf(a, actor));
			const canRespond = can(actor, 'action.respond', scopeOf(a, actor)) && checkExplanation(state, actor, 'x') === null;
			// The originating team's ids decide who verifies; the page needs only the flags they give.
			const { originTeam: _team, ...action } = a;
			return {
				action,
				history,
				findings: await repo.findings(a.findingIds),
				steps: stepsFor(a, actor, day),
				canExplain: canRespond,
				canDelegate: isHead && a.status !== 'closed',
				delegateCandidates: isHead ? (await scope.usersOfUnit(a.unitId)).filter((p) => p.active && p.id !== actor.id) : [],
				delegates: await scope.people(a.delegateIds),
				outcome: actionOutcome(a, day),
				isOverdue: isOverdue(a, day),
				workingDaysLeft: workingDaysLeft(day, a.dueDate, await workingCalendar()),
				today: day
			};
		},

		/**
		 * One workflow step (start, submit, return, verify, close, request/approve/refuse extension,
		 * comment) with optional evidence files. Authz: action.view, then the step's policy action
		 * ({@link STEP_POLICY}: 403 with its code), then the domain's when/input rules. Failure codes:
		 * action.error.* (domain), action.error.file_* (evidence), errors.stale (409: the action changed
		 * since `seen.version`, the version the page showed, or another step was written between this
		 * one's read and write; nothing written). A comment changes no state and skips the page check.
		 */
		async step(actor: Actor, id: string, input: ActionInput, files: File[] = [], seen: Seen = {}): Promise<Result> {
			const a = await load(actor, id);
			const rule = STEP_POLICY[input.type];
			if (!rule || !can(actor, rule.action, scopeOf(a, actor))) return refusal(rule?.refusal ?? 'action.error.forbidden');
			// Sent again (its first answer lost): already done, before the state and version checks that
			// the first write itself changed. Its notifications are sent again under the same keys: the ones
			// that went out are not repeated, the ones a crash lost after the write are (docs/deploy.md §10).
			if (await resent(a, actor, seen)) return ok();
			if (input.type !== 'comment' && isStaleRead(a, seen)) return refusal('errors.stale');
			const bad = checkEvidence(await evidenceFacts(files));
			if (bad) return refusal(bad.code, bad.params);
			const withEvidence: ActionInput =
				(input.type === 'submit' || input.type === 'comment') && files.length ? { ...input, evidenceIds: files.map((f) => f.name) } : input;
			const now = clock().toISOString();
			const day = today();
			const r = applyAction(toState(a), withEvidence, actor, { now, today: day });
			if (!r.ok) return refusal(r.code, r.params);
			const written = await repo.applyStep(a.id, a.version, patchOf(a, r.state, input.type, now, day), {
				actorId: actor.id,
				kind: input.type,
				fromStatus: r.entry.from,
				toStatus: r.entry.to,
				text: r.entry.text,
				newDueDate: r.entry.dueDate,
				files,
				clientKey: seen.clientKey
			});
			if (!written) return (await resent(a, actor, seen)) ? ok() : refusal('errors.stale');
			await notifyStep(a, actor, input.type, { text: r.entry.text ?? '', dueDate: r.entry.dueDate ?? '' }, a.version + 1, seen);
			return ok();
		},

		/**
		 * The unit's explanation (giải trình), kept apart from the fix. Authz: action.view + action.respond
		 * (else 403 not_responder). Failure codes: action.error.*, errors.stale.
		 */
		async explain(actor: Actor, id: string, text: string, seen: Seen = {}): Promise<Result> {
			const a = await load(actor, id);
			if (!can(actor, 'action.respond', scopeOf(a, actor))) return refusal('action.error.not_responder');
			if (await alreadyWritten(a, seen)) return ok();
			if (isStaleRead(a, seen)) return refusal('errors.stale');
			const code = checkExplanation(toState(a), actor, text);
			if (code) return refusal(code);
			const written = await repo.applyStep(
				a.id,
				a.version,
				{ unitExplanation: text.trim() },
				{
					actorId: actor.id,
					kind: 'explain',
					fromStatus: a.status,
					toStatus: a.status,
					text: text.trim(),
					clientKey: seen.clientKey
				}
			);
			return written || (await alreadyWritten(a, seen)) ? ok() : refusal('errors.stale');
		},

		/**
		 * The unit head names (or clears) delegates who may respond. Authz: action.view, then
		 * action.delegate (the unit's head; else 403 not_unit_head). Failure codes: action.error.*, errors.stale.
		 */
		async setDelegates(actor: Actor, id: string, ids: string[], seen: Seen = {}): Promise<Result> {
			const a = await load(actor, id);
			if (!can(actor, 'action.delegate', scopeOf(a, actor))) return refusal('action.error.not_unit_head');
			if (await alreadyWritten(a, seen)) return ok();
			if (isStaleRead(a, seen)) return refusal('errors.stale');
			const people = await scope.people(ids);
			if (people.length !== new Set(ids).size) return refusal('action.error.delegate_invalid');
			const code = checkDelegates(toState(a), actor, people);
			if (code) return refusal(code);
			const written = await repo.applyStep(
				a.id,
				a.version,
				{ delegateIds: people.map((p) => p.id) },
				{
					actorId: actor.id,
					kind: 'delegate',
					fromStatus: a.status,
					toStatus: a.status,
					text: people.map((p) => p.name).join(', '),
					clientKey: seen.clientKey
				}
			);
			if (!written) return (await alreadyWritten(a, seen)) ? ok() : refusal('errors.stale');
			const added = people.map((p) => p.id).filter((p) => !a.delegateIds.includes(p));
			await tell(a, actor, added, 'action_delegated', {}, `action:${a.id}:v${a.version + 1}:action_delegated`);
			return ok();
		},

		/** An evidence file, streamed after authorizing the action it belongs to. Authz: action.view. */
		async file(actor: Actor, updateId: string, name: string, thumb: boolean): Promise<Response> {
			const found = isRecordId(updateId) ? await repo.updateWithFile(updateId, name) : null;
			if (!found) error(404, 'errors.not_found');
			await load(actor, found.actionId);
			const upstream = await repo.openFile(found.record, name, thumb && /\.(jpe?g|png|webp)$/i.test(name) ? '100x100' : undefined);
			if (!upstream) error(404, 'errors.not_found');
			return new Response(upstream.body, {
				headers: {
					'content-type': upstream.type,
					'cache-control': 'private, max-age=300',
					'x-content-type-options': 'nosniff'
				}
			});
		},

		/**
		 * Scheduler step (no actor): reminders 3 and 1 days before the due date and the overdue flag,
		 * each once. Restart-safe: the keys sent are stored on the action and every notification has a
		 * dedupe key unique per user, so a crash between the two only re-tries a no-op. Each action's
		 * flags are one versioned write: when a user's step lands between the read and the write, the
		 * write is refused, the action re-read and the run decided again on what is stored now — the
		 * scheduler neither loses its own flag nor clobbers the step (issue #11 §6).
		 */
		async runDueChecks(now: Date = clock()) {
			const day = vnDay(now);
			const due = await repo.listDueBy(addDays(day, 3));
			let sent = 0;
			let flagged = 0;
			for (const first of due) {
				let a: ActionRecord | null = first;
				for (let attempt = 0; a && attempt < SCHEDULER_RETRIES; attempt++) {
					const state = toState(a);
					// At most one reminder is due (domain/corrective-action.ts dueReminders).
					const reminders = dueReminders(state, day, a.reminderKeys);
					for (const r of reminders) {
						const leaders = r.audience === 'unit_and_leadership' ? (await scope.leaders()).map((p) => p.id) : [];
						await tell(a, null, [...(await unitSide(a)), ...leaders], r.kind, { date: r.params.date }, `action:${a.id}:${r.key}`);
					}
					const overdue = isOverdue(state, day);
					if (reminders.length === 0 && overdue === a.overdue) break;
					const patch: ActionPatch = { overdue };
					if (reminders.length)
						patch.reminderKeys = { ...a.reminders, ...Object.fromEntries(reminders.map((r) => [r.key, now.toISOString()])) };
					const flags = reminders.some((r) => r.kind === 'overdue');
					const written = flags
						? await repo.applyStep(a.id, a.version, patch, {
								actorId: null,
								kind: 'overdue',
								fromStatus: a.status,
								toStatus: a.status,
								newDueDate: a.dueDate
							})
						: await repo.update(a.id, a.version, patch);
					if (written) {
						sent += reminders.length;
						if (flags) flagged++;
						break;
					}
					a = await repo.get(a.id);
				}
			}
			return { checked: due.length, reminders: sent, flagged };
		}
	};
}

export type ActionService = ReturnType<typeof actionService>;
