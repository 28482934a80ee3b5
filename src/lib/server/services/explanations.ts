/**
 * Written explanations after a check (issue #13 §3), and the two views of a finding's written answers:
 * the unit's (/unit/findings/[id]) and the team's (/checks/[id]/responses). Objections are
 * services/objections.ts; both read a finding in its check through {@link findingContext}.
 *
 * Authorization: requesting is `check.conduct` (the check's lead and members); submitting is
 * `finding.explain` (the unit's head, or a delegate of the finding's corrective action); the unit's
 * view needs `finding.view` and a completed check; the team's view `check.view`. Rules are
 * domain/explanations.ts: a request has a due date not before today (default: a few working days); a
 * submission after it is accepted and marked late. The finding's on-site explanation and the biên
 * bản are never written here.
 */
import { error } from '@sveltejs/kit';
import type { Pb } from '../pb/create';
import type { Actor } from '../../domain/user';
import { authorize, can, type Scoped } from '../authz';
import { AppError } from '../pb/errors';
import { onsiteRepo, type OnsiteCheck } from '../repos/onsite';
import { findingsRepo, type Finding } from '../repos/findings';
import { responsesRepo, type FindingAction, type Scan } from '../repos/responses';
import { auditRepo } from '../repos/audit';
import type { NotificationService } from './notifications';
import type { CalendarService } from './calendar';
import { ok, refuse, stale, type Result } from '../../domain/result';
import { addDays } from '../../domain/format';
import { vnDay } from '../../domain/time';
import { isDoneCheck } from '../../domain/figures';
import { SCAN_MAX_BYTES } from '../../domain/onsite';
import { sniffFileType } from '../../domain/file-type';
import {
	checkObjection,
	checkRequest,
	checkSubmission,
	defaultExplanationDue,
	explanationReminder,
	objectionDeadline,
	type Addressee
} from '../../domain/explanations';

export function checkScope(c: OnsiteCheck, unitId = c.unitId): Scoped {
	return {
		unitId,
		check: { kind: c.kind, status: c.status, leadId: c.leadId, teamIds: c.teamIds, observerIds: c.observerIds, startedAt: c.startedAt }
	};
}

/** A finding's scope for the unit side: its unit, and the actor when a delegate of its action. */
export function unitScope(c: OnsiteCheck, f: Finding, action: FindingAction | null, actor: Actor): Scoped {
	return { ...checkScope(c, f.unitId), delegateId: action?.delegateIds.includes(actor.id) ? actor.id : null };
}

/** A scanned, signed copy: PDF, JPEG or PNG by its bytes, at most SCAN_MAX_BYTES; null when none was sent. */
export async function readScan(file: File | null, base: string): Promise<{ ok: true; scan: Scan | null } | { ok: false }> {
	if (!file || file.size === 0) return { ok: true, scan: null };
	if (file.size > SCAN_MAX_BYTES) return { ok: false };
	const bytes = new Uint8Array(await file.arrayBuffer());
	const type = sniffFileType(bytes);
	if (!type || type === 'image/webp') return { ok: false };
	return { ok: true, scan: { bytes, type, name: `${base}.${type === 'application/pdf' ? 'pdf' : type.slice(6)}` } };
}

/** The completion day (Vietnamese date) of a done check, else null. */
export const completedDay = (c: OnsiteCheck) => (isDoneCheck(c.status) && c.completedAt ? vnDay(c.completedAt) : null);

export function findingContext(pb: Pb) {
	const checks = onsiteRepo(pb);
	const fnd = findingsRepo(pb);
	return {
		fnd,
		checks,
		/** The finding and its check; unknown → 404; a check the actor may not see → 403/404. */
		async load(actor: Actor, findingId: string) {
			const f = await fnd.get(findingId);
			if (!f) error(404, 'errors.not_found');
			const c = await checks.get(f.inspectionId);
			if (!c) error(404, 'errors.not_found');
			authorize(actor, 'check.view', checkScope(c, f.unitId));
			return { f, c };
		}
	};
}

export function explanationService(pb: Pb, clock: () => Date, notifications: NotificationService, calendar: CalendarService) {
	const ctx = findingContext(pb);
	const repo = responsesRepo(pb);
	const audit = auditRepo(pb);
	const today = () => vnDay(clock());
	const cal = () => {
		const y = Number(today().slice(0, 4));
		return calendar.workingCalendar(y - 1, y + 1);
	};

	async function tell(
		to: string[],
		actor: Actor | null,
		kind: string,
		params: Record<string, string | number>,
		link: string,
		dedupeKey?: string
	) {
		try {
			await notifications.notify({ userIds: to.filter((id) => id !== actor?.id), kind, params, link, dedupeKey });
		} catch (e) {
			console.error(`[explanations] notification ${kind} failed`, e);
		}
	}

	/** Who answers for the unit: its heads and the delegates of the finding's action. */
	async function unitSide(f: Finding) {
		const action = await repo.actionOf(f.id);
		return [...(await repo.unitHeads(f.unitId)), ...(action?.delegateIds ?? [])];
	}

	const titleOf = (f: Finding) => (f.staffName ? `${f.typeName} — ${f.staffName}` : f.typeName);

	return {
		/**
		 * The team requests a written explanation on a finding, due `dueDate` (YYYY-MM-DD, not before
		 * today). Authz: check.view + check.conduct. Once per finding and addressee (409 already_requested).
		 * The unit is told now when the check is completed (else its reminders reach it).
		 */
		async request(actor: Actor, findingId: string, input: { addressee: Addressee; dueDate: string }): Promise<Result<{ id: string }>> {
			const { f, c } = await ctx.load(actor, findingId);
			authorize(actor, 'check.conduct', checkScope(c, f.unitId));
			if (c.status === 'planned' || c.status === 'cancelled' || c.status === 'postponed') return refuse(409, 'explain.error.check_state');
			if (f.superseded) return refuse(409, 'explain.error.superseded');
			const bad = checkRequest({ addressee: input.addressee, dueDate: input.dueDate, hasPerson: !!f.staffId }, today());
			if (bad) return refuse(400, bad, bad === 'explain.error.needs_person' ? 'addressee' : 'due_date');
			let id: string;
			try {
				id = (
					await repo.createRequest({
						findingId: f.id,
						inspectionId: c.id,
						unitId: f.unitId,
						addressee: input.addressee,
						dueDate: input.dueDate,
						requestedBy: actor.id
					})
				).id;
			} catch (e) {
				if (e instanceof AppError && e.code === 'duplicate') return refuse(409, 'explain.error.already_requested', 'addressee');
				throw e;
			}
			await audit.write({ actorId: actor.id, action: 'explanation.request', collection: 'explanation_requests', id, data: input });
			if (completedDay(c)) {
				await tell(
					await unitSide(f),
					actor,
					'explanation_requested',
					{ title: titleOf(f), unit: c.unitName, date: input.dueDate },
					`/unit/findings/${f.id}`,
					`explanation:${id}:${ANNOUNCED}`
				);
			}
			return ok({ id });
		},

		/**
		 * The unit submits a requested explanation: text and/or a scan (PDF/JPEG/PNG). Authz: check.view +
		 * finding.explain. The check must be completed; after the due date it is accepted and marked late.
		 * Of two submissions at once one is kept (version guard; the other 409 stale).
		 */
		async submit(actor: Actor, requestId: string, text: string, file: File | null): Promise<Result<{ late: boolean }>> {
			const req = await repo.request(requestId);
			if (!req) error(404, 'errors.not_found');
			const { f, c } = await ctx.load(actor, req.findingId);
			const action = await repo.actionOf(f.id);
			authorize(actor, 'finding.explain', unitScope(c, f, action, actor));
			if (!completedDay(c)) return refuse(409, 'explain.error.not_completed');
			const scan = await readScan(file, 'giai-trinh');
			if (!scan.ok) return refuse(400, 'explain.error.file', 'file', { mb: SCAN_MAX_BYTES / 1024 / 1024 });
			const day = today();
			const r = checkSubmission(req, { text, hasFile: !!scan.scan }, day);
			if (!r.ok) return refuse(r.code === 'explain.error.empty' ? 400 : 409, r.code, r.code === 'explain.error.empty' ? 'text' : undefined);
			const written = await repo.submit(req.id, req.version, {
				text: text.trim(),
				file: scan.scan,
				by: actor.id,
				at: clock().toISOString(),
				on: day,
				late: r.late
			});
			if (!written) return stale();
			await audit.write({
				actorId: actor.id,
				action: 'explanation.submit',
				collection: 'explanation_requests',
				id: req.id,
				data: { late: r.late }
			});
			await tell(
				await repo.teamOf(c.id),
				actor,
				'explanation_submitted',
				{ title: titleOf(f), unit: c.unitName, date: day },
				`/checks/${c.id}/responses#f-${f.id}`
			);
			return ok({ late: r.late });
		},

		/**
		 * Scheduler step. A request made while the check was still on site is announced to the unit once
		 * the check is completed; then the day before and on the due date, and once overdue, the unit side
		 * of every open request is reminded — once each (keys on the request, dedupe keys on the
		 * notifications), so repeated runs and restarts never send twice.
		 */
		async runDueChecks(now: Date = clock()) {
			const day = vnDay(now);
			const open = await repo.open();
			let sent = 0;
			for (const first of open) {
				let r: typeof first | null = first;
				for (let attempt = 0; r && attempt < 5; attempt++) {
					const announce = !r.reminderKeys.includes(ANNOUNCED);
					const rem = announce ? { kind: 'explanation_requested', key: ANNOUNCED } : explanationReminder(r, day, r.reminderKeys);
					if (!rem) break;
					const f = await ctx.fnd.get(r.findingId);
					const c = f ? await ctx.checks.get(f.inspectionId) : null;
					if (!f || !c || !completedDay(c)) break;
					await tell(
						await unitSide(f),
						null,
						rem.kind,
						{ title: titleOf(f), unit: c.unitName, date: r.dueDate },
						`/unit/findings/${f.id}`,
						`explanation:${r.id}:${rem.key}`
					);
					const marked = await repo.markReminded(r, rem.key, now.toISOString());
					if (marked) sent++;
					// Re-read after an announcement (a reminder may be due too) or a lost race; else done.
					if (marked && !announce) break;
					r = await repo.request(r.id);
				}
			}
			return { explanationsChecked: open.length, explanationReminders: sent };
		},

		/** The unit's view of one of its findings (a completed check): requests, objections, what it may do. */
		async forUnit(actor: Actor, findingId: string) {
			const { f, c } = await ctx.load(actor, findingId);
			const action = await repo.actionOf(f.id);
			const scope = unitScope(c, f, action, actor);
			authorize(actor, 'finding.view', scope);
			const done = completedDay(c);
			if (!done) error(404, 'errors.not_found');
			const [requests, objections, calendarNow] = await Promise.all([repo.requestsOf([f.id]), repo.objectionsOf([f.id]), cal()]);
			const day = today();
			const canObject =
				can(actor, 'finding.object', scope) &&
				checkObjection(
					{
						completedDay: done,
						superseded: f.superseded,
						hasOpenObjection: objections.some((o) => o.status === 'open'),
						actionAccepted: action?.status === 'verified' || action?.status === 'closed',
						reason: 'x'
					},
					day,
					calendarNow
				) === null;
			return {
				finding: f,
				check: { id: c.id, title: c.title, unitName: c.unitName, completedDay: done },
				action: action ? { id: action.id, status: action.status } : null,
				requests,
				objections,
				canExplain: can(actor, 'finding.explain', scope),
				canObject,
				objectionDeadline: objectionDeadline(done, calendarNow),
				today: day
			};
		},

		/** The team's view of a check's written answers: every finding with its requests and objections. */
		async forTeam(actor: Actor, checkId: string) {
			const c = await ctx.checks.get(checkId);
			if (!c) error(404, 'errors.not_found');
			authorize(actor, 'check.view', checkScope(c));
			const findings = await ctx.fnd.list(c.id);
			const ids = findings.map((f) => f.id);
			const [requests, objections, calendarNow] = await Promise.all([repo.requestsOf(ids), repo.objectionsOf(ids), cal()]);
			const scope = checkScope(c);
			return {
				check: { id: c.id, title: c.title, unitName: c.unitName, status: c.status, completedDay: completedDay(c) },
				findings,
				requests,
				objections,
				canRequest: can(actor, 'check.conduct', scope) && c.status !== 'planned',
				canDecide: can(actor, 'objection.decide', scope),
				defaultDue: defaultExplanationDue(today(), calendarNow) ?? addDays(today(), EXPLANATION_FALLBACK_DAYS),
				today: today()
			};
		},

		/** A submitted scan or an objection's evidence, after authorizing the finding it belongs to. */
		async openFile(actor: Actor, kind: 'explanation' | 'objection', id: string, name: string) {
			const stored = await repo.storedFile(kind, id, name);
			if (!stored) error(404, 'errors.not_found');
			const { f, c } = await ctx.load(actor, stored.record.findingId);
			authorize(actor, 'finding.view', checkScope(c, f.unitId));
			// Opened only now: a refused request never opens the file (docs/fuzzing.md item 8).
			const file = await stored.open();
			if (!file) error(404, 'errors.not_found');
			return file;
		}
	};
}

/** The reminder key of the first notice of a request to the unit. */
const ANNOUNCED = 'requested';

/** Outside the calendar's years (no working days known): calendar days instead. */
const EXPLANATION_FALLBACK_DAYS = 5;

export type ExplanationService = ReturnType<typeof explanationService>;
