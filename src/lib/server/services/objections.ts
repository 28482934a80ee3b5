/**
 * Objections to a finding (issue #13 §4). The unit's head objects within a set number of working days
 * after completion (domain/explanations.ts OBJECTION_WINDOW_WORKING_DAYS, docs/background.md), with a
 * reason and optional evidence; one open objection per finding (a unique index: two at once → one).
 * The check's lead or a leader decides (`objection.decide`):
 * - accept: the finding is withdrawn by the existing amendment path (repos/findings.ts `amend`: the
 *   original superseded, a withdrawal row beside it) and, in the same transaction, the objection
 *   decided and the corrective action cancelled (or the finding taken off an action that covers
 *   others). Figures count `superseded = false`, so they drop it;
 * - reject: with a reason.
 * Either decision is conditional on the objection's version: two leaders deciding at once → one decision.
 */
import { error } from '@sveltejs/kit';
import type { Pb } from '../pb/create';
import type { Actor } from '../../domain/user';
import { authorize } from '../authz';
import { AppError } from '../pb/errors';
import { responsesRepo } from '../repos/responses';
import { auditRepo } from '../repos/audit';
import type { NotificationService } from './notifications';
import type { CalendarService } from './calendar';
import { ok, refuse, stale, type Result } from '../../domain/result';
import { vnDay, fromPbDate } from '../../domain/time';
import { SCAN_MAX_BYTES } from '../../domain/onsite';
import { checkDecision, checkObjection } from '../../domain/explanations';
import { t } from '../../i18n/t';
import { checkScope, completedDay, findingContext, readScan, unitScope } from './explanations';

export function objectionService(pb: Pb, clock: () => Date, notifications: NotificationService, calendar: CalendarService) {
	const ctx = findingContext(pb);
	const repo = responsesRepo(pb);
	const audit = auditRepo(pb);
	const today = () => vnDay(clock());

	async function tell(to: string[], actor: Actor, kind: string, params: Record<string, string | number>, link: string) {
		try {
			await notifications.notify({ userIds: to.filter((id) => id !== actor.id), kind, params, link });
		} catch (e) {
			console.error(`[objections] notification ${kind} failed`, e);
		}
	}

	return {
		/** The unit head objects to a finding. Authz: check.view + finding.object. */
		async file(actor: Actor, findingId: string, reason: string, file: File | null): Promise<Result<{ id: string }>> {
			const { f, c } = await ctx.load(actor, findingId);
			const action = await repo.actionOf(f.id);
			authorize(actor, 'finding.object', unitScope(c, f, action, actor));
			const scan = await readScan(file, 'phan-doi');
			if (!scan.ok) return refuse(400, 'explain.error.file', 'file', { mb: SCAN_MAX_BYTES / 1024 / 1024 });
			const day = today();
			const y = Number(day.slice(0, 4));
			const objections = await repo.objectionsOf([f.id]);
			const bad = checkObjection(
				{
					completedDay: completedDay(c),
					superseded: f.superseded,
					hasOpenObjection: objections.some((o) => o.status === 'open'),
					actionAccepted: action?.status === 'verified' || action?.status === 'closed',
					reason
				},
				day,
				await calendar.workingCalendar(y - 1, y + 1)
			);
			if (bad)
				return refuse(
					bad === 'objection.error.reason_required' ? 400 : 409,
					bad,
					bad === 'objection.error.reason_required' ? 'reason' : undefined
				);
			let id: string;
			try {
				id = (
					await repo.createObjection({
						findingId: f.id,
						inspectionId: c.id,
						unitId: f.unitId,
						reason: reason.trim(),
						file: scan.scan,
						filedBy: actor.id
					})
				).id;
			} catch (e) {
				if (e instanceof AppError && e.code === 'duplicate') return refuse(409, 'objection.error.already_open');
				throw e;
			}
			await audit.write({ actorId: actor.id, action: 'objection.file', collection: 'finding_objections', id, data: { finding: f.id } });
			await tell(
				await repo.teamOf(c.id),
				actor,
				'objection_filed',
				{ title: f.typeName, unit: c.unitName },
				`/checks/${c.id}/responses#f-${f.id}`
			);
			return ok({ id });
		},

		/**
		 * Accepts or rejects an open objection. Authz: check.view + objection.decide (the check's lead or a
		 * leader). A rejection needs a reason; a decided objection is 409; two decisions at once → one.
		 */
		async decide(actor: Actor, objectionId: string, accept: boolean, reason: string): Promise<Result> {
			const o = await repo.objection(objectionId);
			if (!o) error(404, 'errors.not_found');
			const { f, c } = await ctx.load(actor, o.findingId);
			authorize(actor, 'objection.decide', checkScope(c, f.unitId));
			const bad = checkDecision(o, accept, reason);
			if (bad) return refuse(bad === 'objection.error.decided' ? 409 : 400, bad, bad === 'objection.error.decided' ? undefined : 'reason');
			const at = clock().toISOString();
			const text = reason.trim();
			if (!accept) {
				if (!(await repo.reject(o, actor.id, at, text))) return stale();
			} else {
				if (f.superseded) return refuse(409, 'objection.error.superseded');
				const action = await repo.actionOf(f.id);
				const why = t('vi', 'objection.withdrawn_reason', { reason: o.reason });
				const newId = await ctx.fnd.amend(
					f,
					{
						inspectionId: c.id,
						unitId: f.unitId,
						staffId: f.staffId,
						typeId: f.typeId,
						category: f.category,
						description: f.description,
						observedAt: fromPbDate(f.observedAt) ?? new Date(Number.NaN),
						source: f.source,
						clientKey: `withdraw-${o.id}`,
						createdBy: actor.id,
						amendsId: f.id,
						amendReason: why,
						explanation: { explanationStatus: f.explanationStatus, explanationText: f.explanationText },
						withdrawn: true
					},
					repo.acceptOps(o, actor.id, at, text, action, why)
				);
				if (!newId) return stale();
				await repo.linkAmendment(o.id, newId);
			}
			await audit.write({
				actorId: actor.id,
				action: accept ? 'objection.accept' : 'objection.reject',
				collection: 'finding_objections',
				id: o.id,
				data: { reason: text }
			});
			await tell(
				await repo.unitHeads(f.unitId),
				actor,
				'objection_decided',
				{ title: f.typeName, unit: c.unitName, decision: accept ? 'accepted' : 'rejected', reason: text },
				`/unit/findings/${f.id}`
			);
			return ok();
		}
	};
}

export type ObjectionService = ReturnType<typeof objectionService>;
