// The report-back of a check (báo cáo kết quả khắc phục, issue #13 §5): the unit head's draft
// pre-filled from the corrective actions, submission (once, or again after a return), the team's
// acknowledgement or return, the report-back date, the campaign overview and the scheduler's reminders.
//
// Every call: load the check → authorize('reportback.view') (hidden or unknown → 404, another unit →
// 403) → the step's own policy action (reportback.submit / reportback.acknowledge / check.manage) → the
// domain rule on the state read (domain/report-back.ts) → one conditional write (a unique index for
// the first row, the version guard after that; a lost race is 409 errors.stale) → notifications.
import { error } from '@sveltejs/kit';
import type { Pb } from '../pb/create';
import type { Actor } from '../../domain/user';
import { authorize, can } from '../authz';
import { inspectionsRepo, type Check } from '../repos/inspections';
import { actionsRepo } from '../repos/actions';
import { actionScopeRepo } from '../repos/action-scope';
import { checkLookupsRepo } from '../repos/check-lookups';
import { reportBacksRepo, type ReportBack, type ReportBackPatch } from '../repos/report-backs';
import { scopedCheck } from './checks';
import type { NotificationService } from './notifications';
import {
	REMINDER_NOTIFICATION,
	buildReportBackDoc,
	decideRefusal,
	hasReported,
	isReportBackOverdue,
	isReportable,
	itemsFromForm,
	prefillItems,
	reportBackReminders,
	submitRefusal,
	type ActionFacts,
	type ReportBackItem,
	type ReportBackStatus
} from '../../domain/report-back';
import { ok, refuse, stale, type Result } from '../../domain/result';
import { addDays } from '../../domain/format';
import { vnDay } from '../../domain/time';

/** How often the scheduler re-reads a row another write changed under it. */
const SCHEDULER_RETRIES = 3;

export function reportBackService(pb: Pb, clock: () => Date, notifications: NotificationService) {
	const checks = inspectionsRepo(pb);
	const actions = actionsRepo(pb);
	const scope = actionScopeRepo(pb);
	const lookups = checkLookupsRepo(pb);
	const repo = reportBacksRepo(pb);
	const today = () => vnDay(clock());

	/** A check the actor may see: unknown or a hidden surprise check → 404, not theirs → 403. */
	async function load(actor: Actor, checkId: string): Promise<Check> {
		const c = await checks.get(checkId);
		if (!c) error(404, 'errors.not_found');
		authorize(actor, 'reportback.view', scopedCheck(c));
		return c;
	}

	/**
	 * The check's actions as pre-filling needs them: state, latest response text and evidence. An
	 * action cancelled when its finding was withdrawn on objection is no longer the unit's to report
	 * (issue #13 §4), as on the unit's record (repos/actions.ts byInspection).
	 */
	async function actionFacts(checkId: string): Promise<ActionFacts[]> {
		const list = await actions.list({ inspectionId: checkId, sort: 'due_asc' }, 500);
		return Promise.all(
			list
				.filter((a) => a.status !== 'cancelled')
				.map(async (a) => {
					const submits = (await actions.history(a.id)).filter((u) => u.kind === 'submit');
					const last = submits[submits.length - 1];
					return {
						id: a.id,
						title: a.title,
						dueDate: a.dueDate,
						status: a.status,
						responseText: last?.text ?? '',
						evidenceCount: last?.files.length ?? 0,
						unitExplanation: a.unitExplanation,
						pendingExtensionDate: a.pendingExtension?.newDueDate ?? null
					};
				})
		);
	}

	/**
	 * The draft the unit head sees: pre-filled from the actions; after a return, the wording the unit
	 * sent last time is kept for every item whose state has not changed since.
	 */
	function draftOf(prefilled: ReportBackItem[], report: ReportBack | null): ReportBackItem[] {
		if (!report || report.status !== 'returned') return prefilled;
		const before = new Map(report.items.map((i) => [i.actionId, i]));
		return prefilled.map((p) => {
			const b = before.get(p.actionId);
			return b && b.state === p.state ? { ...p, text: b.text, expectedDate: b.expectedDate ?? p.expectedDate } : p;
		});
	}

	async function documentOf(c: Check, items: ReportBackItem[], summary: string, signerName: string, day: string, draft = false) {
		const unit = await lookups.unit(c.unitId);
		const parent = unit?.parentId ? await lookups.unit(unit.parentId) : null;
		return buildReportBackDoc({
			unitName: c.unitName || unit?.name || '',
			parentName: parent?.name ?? null,
			day,
			checkDay: vnDay(c.startedAt ?? c.startsAt),
			items,
			summary,
			signerName,
			draft
		});
	}

	async function team(c: Check): Promise<string[]> {
		const ids = [c.leadId, ...c.teamIds].filter((x): x is string => !!x);
		return ids.length ? ids : (await scope.leaders()).map((p) => p.id);
	}
	async function heads(c: Check): Promise<string[]> {
		return (await scope.unitHeads(c.unitId)).map((p) => p.id);
	}

	async function tell(
		c: Check,
		actor: Actor | null,
		to: string[],
		kind: string,
		link: string,
		extra: Record<string, string> = {},
		dedupeKey?: string
	) {
		try {
			await notifications.notify({
				userIds: to.filter((id) => id !== actor?.id),
				kind,
				params: { title: c.title, unit: c.unitName, ...extra },
				link,
				dedupeKey
			});
		} catch (e) {
			// The report is saved; a notification failure must not turn that into an error.
			console.error(`[report-back] notification for ${c.id} failed`, e);
		}
	}

	const unitLink = (c: Check) => `/unit/checks/${c.id}/report-back`;
	const teamLink = (c: Check) => `/checks/${c.id}/report-back`;

	/** The team's decision on a submitted report: one write, conditional on the state read. */
	async function decide(
		actor: Actor,
		checkId: string,
		patch: (r: ReportBack) => ReportBackPatch
	): Promise<Result<{ c: Check; r: ReportBack }>> {
		const c = await load(actor, checkId);
		authorize(actor, 'reportback.acknowledge', scopedCheck(c));
		const r = await repo.forInspection(c.id);
		const code = decideRefusal(r?.status ?? null);
		if (code || !r) return refuse(409, code ?? 'reportback.error.not_submitted');
		if (!(await repo.update(r.id, r.version, patch(r)))) return stale();
		return ok({ c, r });
	}

	return {
		/**
		 * Everything a page shows: the check, the stored report (if any), the draft, the document, what
		 * the actor may do. Authz: reportback.view.
		 */
		async view(actor: Actor, checkId: string) {
			const c = await load(actor, checkId);
			const s = scopedCheck(c);
			const [report, facts] = await Promise.all([repo.forInspection(c.id), actionFacts(c.id)]);
			const status: ReportBackStatus | null = report && report.status !== 'pending' ? report.status : null;
			const reported = hasReported(status);
			const draft = draftOf(prefillItems(facts), report);
			const day = today();
			const doc = reported ? await documentOf(c, report!.items, report!.summary, report!.signerName, report!.submittedOn ?? day) : null;
			const names = await scope.people(report?.history.flatMap((h) => [h.returnedBy ?? '']).filter(Boolean) ?? []);
			return {
				check: c,
				status,
				report: report && status ? report : null,
				history: (report?.history ?? []).map((h) => ({ ...h, returnedByName: names.find((p) => p.id === h.returnedBy)?.name ?? '' })),
				draft,
				evidence: Object.fromEntries(facts.map((f) => [f.id, f.evidenceCount])),
				doc,
				reportable: isReportable(c.status),
				overdue: isReportBackOverdue(status, c.reportBackDate, day),
				canSubmit: can(actor, 'reportback.submit', s) && isReportable(c.status) && submitRefusal(status) === null,
				canDecide: can(actor, 'reportback.acknowledge', s) && decideRefusal(status) === null,
				canSetDate: can(actor, 'check.manage', s) && isReportable(c.status) && status !== 'acknowledged',
				today: day
			};
		},

		/**
		 * The unit head sends the report: the items' states from the actions, the wording and expected
		 * dates from `form` (`text_<action>`, `date_<action>`, `summary`). Authz: reportback.view, then
		 * reportback.submit (403). Failures: reportback.error.check_not_completed, already_submitted,
		 * acknowledged (409); reason_required / result_required / date_required beside their fields
		 * (400); errors.stale (409: another write won).
		 */
		async submit(actor: Actor, checkId: string, form: Record<string, unknown>): Promise<Result> {
			const c = await load(actor, checkId);
			authorize(actor, 'reportback.submit', scopedCheck(c));
			if (!isReportable(c.status)) return refuse(409, 'reportback.error.check_not_completed');
			const report = await repo.forInspection(c.id);
			const code = submitRefusal(report?.status ?? null);
			if (code) return refuse(409, code);
			const { items, errors } = itemsFromForm(draftOf(prefillItems(await actionFacts(c.id)), report), form);
			if (Object.keys(errors).length) return { ok: false, status: 400, code: 'errors.invalid', fields: errors };
			const [me] = await scope.people([actor.id]);
			const now = clock();
			const history =
				report?.status === 'returned'
					? [
							...report.history,
							{
								items: report.items,
								summary: report.summary,
								submittedBy: report.submittedBy,
								submittedAt: report.submittedAt,
								returnedBy: report.decidedBy,
								returnedAt: report.decidedAt,
								reason: report.returnReason
							}
						]
					: (report?.history ?? []);
			const patch = {
				status: 'submitted' as const,
				items,
				summary: typeof form.summary === 'string' ? form.summary.trim() : '',
				signerName: me?.name ?? '',
				submittedBy: actor.id,
				submittedAt: now,
				submittedOn: vnDay(now),
				decidedBy: null,
				decidedAt: null,
				returnReason: '',
				history
			};
			const written = report ? await repo.update(report.id, report.version, patch) : await repo.create(c.id, c.unitId, patch);
			if (!written) return stale();
			await tell(c, actor, await team(c), 'reportback_submitted', teamLink(c), {}, `reportback:${c.id}:submitted:${history.length + 1}`);
			return ok();
		},

		/**
		 * The team acknowledges a submitted report. Authz: reportback.view, reportback.acknowledge (403).
		 * Failures: reportback.error.not_submitted, acknowledged (409), errors.stale (409: of concurrent
		 * acknowledgements exactly one is written).
		 */
		async acknowledge(actor: Actor, checkId: string): Promise<Result> {
			const d = await decide(actor, checkId, () => ({ status: 'acknowledged', decidedBy: actor.id, decidedAt: clock() }));
			if (!d.ok) return d;
			await tell(d.value.c, actor, await heads(d.value.c), 'reportback_acknowledged', unitLink(d.value.c));
			return ok();
		},

		/**
		 * The team returns a submitted report with a reason; the unit may then send it again.
		 * Authz and failures as {@link acknowledge}, plus reportback.error.return_reason_required (400).
		 */
		async returnReport(actor: Actor, checkId: string, reason: string): Promise<Result> {
			if (!reason.trim()) {
				// Authorize first: a refusal about the reason must not tell an outsider anything.
				const c = await load(actor, checkId);
				authorize(actor, 'reportback.acknowledge', scopedCheck(c));
				return refuse(400, 'reportback.error.return_reason_required', 'reason');
			}
			const d = await decide(actor, checkId, () => ({
				status: 'returned',
				decidedBy: actor.id,
				decidedAt: clock(),
				returnReason: reason.trim()
			}));
			if (!d.ok) return d;
			const round = d.value.r.history.length + 1;
			await tell(
				d.value.c,
				actor,
				await heads(d.value.c),
				'reportback_returned',
				unitLink(d.value.c),
				{ reason: reason.trim() },
				`reportback:${d.value.c.id}:returned:${round}`
			);
			return ok();
		},

		/**
		 * The lead (or a leader) sets the report-back date of a completed check that has none, or moves
		 * it, until the report is acknowledged. Authz: reportback.view, check.manage (403). Failures:
		 * reportback.error.check_not_completed, date_locked (409), errors.stale.
		 */
		async setDate(actor: Actor, checkId: string, day: string | null, seenVersion?: number): Promise<Result> {
			const c = await load(actor, checkId);
			authorize(actor, 'check.manage', scopedCheck(c));
			if (!isReportable(c.status)) return refuse(409, 'reportback.error.check_not_completed', 'reportBackDate');
			if (seenVersion !== undefined && seenVersion !== c.version) return stale();
			const r = await repo.forInspection(c.id);
			if (r?.status === 'acknowledged') return refuse(409, 'reportback.error.date_locked', 'reportBackDate');
			return (await checks.setReportBackDate(c.id, c.version, day)) ? ok() : stale();
		},

		/**
		 * The report as a document (page and PDF): the one sent, or — before anything is sent — the
		 * pre-filled draft, marked "Dự thảo" and unsigned. Authz: reportback.view.
		 */
		async document(actor: Actor, checkId: string) {
			const c = await load(actor, checkId);
			const r = await repo.forInspection(c.id);
			if (r && hasReported(r.status))
				return { check: c, doc: await documentOf(c, r.items, r.summary, r.signerName, r.submittedOn ?? today()) };
			const draft = draftOf(prefillItems(await actionFacts(c.id)), r);
			return { check: c, doc: await documentOf(c, draft, r?.summary ?? '', '', today(), true) };
		},

		/**
		 * The unit head's checks waiting for a report-back (completed, nothing sent, or returned), the
		 * nearest date first. Authz: check.list; only the head's own unit.
		 */
		async pendingForUnit(actor: Actor) {
			authorize(actor, 'check.list');
			if (actor.role !== 'unit_head' || !actor.unitId) return [];
			const list = await checks.listVisible(actor, {
				unitIds: [actor.unitId],
				statuses: ['completed', 'closed'],
				sort: '-start',
				limit: 200
			});
			const reports = await repo.forInspections(list.map((c) => c.id));
			const day = today();
			return list
				.map((c) => {
					const r = reports.get(c.id);
					const status: ReportBackStatus | null = r && r.status !== 'pending' ? r.status : null;
					return {
						checkId: c.id,
						title: c.title,
						unitName: c.unitName,
						day: vnDay(c.startedAt ?? c.startsAt),
						reportBackDate: c.reportBackDate,
						status,
						overdue: isReportBackOverdue(status, c.reportBackDate, day)
					};
				})
				.filter((x) => !hasReported(x.status))
				.sort((a, b) => (a.reportBackDate ?? '9999').localeCompare(b.reportBackDate ?? '9999'));
		},

		/** The campaigns the actor sees checks of (for the picker). Authz: check.list. */
		async campaigns(actor: Actor): Promise<string[]> {
			authorize(actor, 'check.list');
			return checks.campaignsVisible(actor);
		},

		/**
		 * One campaign: every unit's check with who has and hasn't reported back. Authz: check.list; the
		 * list is the checks the actor may see (the policy's scope filter).
		 */
		async campaign(actor: Actor, name: string) {
			authorize(actor, 'check.list');
			const list = await checks.listVisible(actor, { campaign: name, limit: 1000 });
			const reports = await repo.forInspections(list.map((c) => c.id));
			const day = today();
			const rows = list
				.map((c) => {
					const r = reports.get(c.id);
					const status: ReportBackStatus | null = r && r.status !== 'pending' ? r.status : null;
					return {
						checkId: c.id,
						unitName: c.unitName,
						checkStatus: c.status,
						reportBackDate: c.reportBackDate,
						status,
						reported: hasReported(status),
						submittedOn: status ? r!.submittedOn : null,
						overdue: isReportBackOverdue(status, c.reportBackDate, day)
					};
				})
				.sort((a, b) => Number(a.reported) - Number(b.reported) || a.unitName.localeCompare(b.unitName, 'vi'));
			return { name, rows, reported: rows.filter((r) => r.reported).length };
		},

		/**
		 * Scheduler step (no actor): D-3, D-1 and overdue reminders to the unit head, overdue also to
		 * leaders, each once per report-back date. The keys sent are kept on the check's report_backs row
		 * (made `pending` if the unit has not reported yet) and every notification has a dedupe key
		 * unique per user, so restarts and overlapping runs never send twice.
		 */
		async runDueChecks(now: Date = clock()) {
			const day = vnDay(now);
			const due = await checks.listReportBackDueBy(addDays(day, 3));
			const rows = await repo.forInspections(due.map((c) => c.id));
			let sent = 0;
			for (const c of due) {
				let r: ReportBack | null = rows.get(c.id) ?? null;
				for (let attempt = 0; attempt < SCHEDULER_RETRIES; attempt++) {
					const reminders = reportBackReminders(r?.status ?? null, c.reportBackDate, day, Object.keys(r?.reminders ?? {}));
					if (reminders.length === 0) break;
					const unitIds = await heads(c);
					for (const m of reminders) {
						const params = { date: c.reportBackDate! };
						const key = `reportback:${c.id}:${m.key}`;
						await tell(c, null, unitIds, REMINDER_NOTIFICATION[m.kind], unitLink(c), params, key);
						// Overdue also reaches leaders, who open the team's page.
						if (m.audience === 'unit_and_leadership')
							await tell(
								c,
								null,
								(await scope.leaders()).map((p) => p.id),
								REMINDER_NOTIFICATION[m.kind],
								teamLink(c),
								params,
								key
							);
					}
					const keys = { ...(r?.reminders ?? {}), ...Object.fromEntries(reminders.map((m) => [m.key, now.toISOString()])) };
					const written = r
						? await repo.update(r.id, r.version, { reminders: keys })
						: await repo.create(c.id, c.unitId, { status: 'pending', reminders: keys });
					if (written) {
						sent += reminders.length;
						break;
					}
					r = await repo.forInspection(c.id);
				}
			}
			return { checked: due.length, reminders: sent };
		}
	};
}

export type ReportBackService = ReturnType<typeof reportBackService>;
