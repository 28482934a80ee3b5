// Composition root: services built on one PocketBase client and a clock. Routes call getServices();
// tests call createServices(pb, clock) against their own server.
import { getConfig } from './config';
import { configureSessionCache } from './cache';
import { configureUnitCache } from './repos/unit-rows';
import { createPb, type Pb } from './pb/create';
import { sessionService, type Clock } from './auth/session';
import { authService } from './services/auth';
import { homeService } from './services/home';
import { unitsService } from './services/units';
import { accountsService } from './services/accounts';
import { catalogueService } from './services/catalogue';
import { onsiteService } from './services/onsite';
import { calendarService } from './services/calendar';
import { checksService } from './services/checks';
import { plansService } from './services/plans';
import { staffService } from './services/staff';
import { orgImportService } from './services/org-import';
import { notificationService } from './services/notifications';
import { actionService } from './services/actions';
import { schedulerService } from './services/scheduler';
import { createMailer, mailSettingsFrom, type MailSettings } from './mail';
import { dashboardService } from './services/dashboard';
import { reportsService } from './services/reports';
import { auditTrailService } from './services/audit-trail';
import { unitRecordService } from './services/unit-record';
import { explanationService } from './services/explanations';
import { objectionService } from './services/objections';
import { reportBackService } from './services/report-backs';
import { documentSettingsService } from './services/document-settings';
import { reportIssueService, type IssueFormat, type RenderReport } from './services/report-issue';
import { renderReport } from './documents';
import { tthcService } from './services/tthc';

export interface ServiceOptions {
	sessionIdleMs: number;
	sessionAbsoluteMs: number;
	/** SMTP for notification mail; null/undefined = no mail. */
	mail?: MailSettings | null;
	/** How long the request path's read caches keep an entry (docs/performance.md); 0 = no cache. */
	readCacheMs?: number;
}

const HOUR = 3600_000;

/** The formats stored when a report is issued (issue #17 §2), rendered by the document layer (§1). */
export const ISSUE_FORMATS: readonly IssueFormat[] = ['pdf', 'docx'];
export const renderIssued: RenderReport = (format, r, o) => renderReport(format, r, o);

export function createServices(pb: Pb, clock: Clock = () => new Date(), opts?: Partial<ServiceOptions>) {
	const sessions = sessionService(pb, clock, {
		idleMs: opts?.sessionIdleMs ?? 72 * HOUR,
		absoluteMs: opts?.sessionAbsoluteMs ?? 30 * 24 * HOUR
	});
	const calendar = calendarService(pb);
	const documentSettings = documentSettingsService(pb);
	const notifications = notificationService(pb, clock, createMailer(opts?.mail), opts?.readCacheMs ?? 0);
	const actions = actionService(pb, clock, notifications, calendar);
	const checks = checksService(pb, clock, calendar);
	const onsiteBase = onsiteService(pb, clock, () => documentSettings.get());
	const unitRecord = unitRecordService(pb, { checks, onsite: onsiteBase, notifications, documentSettings });
	// Completing a check tells the checked unit (issue #13 §2), whatever path the completion takes (the
	// completion form, or the offline outbox's sync).
	onsiteBase.notifyOnComplete(unitRecord.notifyCompleted);
	const explanations = explanationService(pb, clock, notifications, calendar);
	const reportBacks = reportBackService(pb, clock, notifications);
	const reports = reportsService(pb, clock, documentSettings);
	return {
		calendar,
		checks,
		plans: plansService(pb, clock, notifications),
		pb,
		clock,
		sessions,
		auth: authService(pb, sessions, clock),
		home: homeService(pb),
		units: unitsService(pb, clock),
		accounts: accountsService(pb, sessions),
		catalogue: catalogueService(pb),
		onsite: onsiteBase,
		unitRecord,
		staff: staffService(pb, clock),
		orgImport: orgImportService(pb, clock),
		notifications,
		actions,
		explanations,
		objections: objectionService(pb, clock, notifications, calendar),
		reportBacks,
		// Reminders beyond the actions': written explanations (issue #13 §3), report-backs (§5).
		// Expired sessions are swept on the same tick (issue #15 point 6).
		scheduler: schedulerService(clock, actions, notifications, [
			explanations,
			reportBacks,
			{ runDueChecks: (now: Date) => sessions.deleteExpired(now) }
		]),
		dashboard: dashboardService(pb, clock),
		reports,
		auditTrail: auditTrailService(pb),
		reportIssue: reportIssueService(pb, {
			clock,
			report: reports.report,
			render: renderIssued,
			formats: ISSUE_FORMATS,
			settings: () => documentSettings.get()
		}),
		// The admin's texts of every document (issue #17 point 4).
		documentSettings,
		tthc: tthcService(pb, clock)
	};
}

export type Services = ReturnType<typeof createServices>;

let services: Promise<Services> | null = null;

/** The process-wide services, created on first use from the environment. */
/** The app's read caches (session, unread count): a couple of seconds, cleared by the writes (docs/performance.md). */
const READ_CACHE_MS = 2_000;
/** The pages' copy of the units (repos/unit-rows.ts): dropped by every unit write of this process. */
const UNIT_CACHE_MS = 30_000;

export function getServices(): Promise<Services> {
	if (!services) {
		const c = getConfig();
		configureSessionCache(READ_CACHE_MS);
		configureUnitCache(UNIT_CACHE_MS);
		services = createPb(c.PB_URL, c.PB_SUPERUSER_EMAIL, c.PB_SUPERUSER_PASSWORD)
			.then((pb) =>
				createServices(pb, () => new Date(), {
					readCacheMs: READ_CACHE_MS,
					sessionIdleMs: c.SESSION_IDLE_HOURS * HOUR,
					sessionAbsoluteMs: c.SESSION_ABSOLUTE_DAYS * 24 * HOUR,
					mail: mailSettingsFrom(c)
				})
			)
			.catch((e) => {
				services = null; // retry on the next request (PocketBase may still be starting)
				throw e;
			});
	}
	return services;
}
