// Composition root: services built on one PocketBase client and a clock. Routes call getServices();
// tests call createServices(pb, clock) against their own server.
import { getConfig } from './config';
import { createPb, type Pb } from './pb/create';
import { sessionService, type Clock } from './auth/session';
import { authService } from './services/auth';
import { homeService } from './services/home';
import { dashboardService } from './services/dashboard';
import { reportsService } from './services/reports';

export interface ServiceOptions {
	sessionIdleMs: number;
	sessionAbsoluteMs: number;
}

const HOUR = 3600_000;

export function createServices(pb: Pb, clock: Clock = () => new Date(), opts?: Partial<ServiceOptions>) {
	const sessions = sessionService(pb, clock, {
		idleMs: opts?.sessionIdleMs ?? 72 * HOUR,
		absoluteMs: opts?.sessionAbsoluteMs ?? 30 * 24 * HOUR
	});
	return {
		pb,
		clock,
		sessions,
		auth: authService(pb, sessions),
		home: homeService(pb),
		dashboard: dashboardService(pb, clock),
		reports: reportsService(pb, clock)
	};
}

export type Services = ReturnType<typeof createServices>;

let services: Promise<Services> | null = null;

/** The process-wide services, created on first use from the environment. */
export function getServices(): Promise<Services> {
	if (!services) {
		const c = getConfig();
		services = createPb(c.PB_URL, c.PB_SUPERUSER_EMAIL, c.PB_SUPERUSER_PASSWORD)
			.then((pb) =>
				createServices(pb, () => new Date(), {
					sessionIdleMs: c.SESSION_IDLE_HOURS * HOUR,
					sessionAbsoluteMs: c.SESSION_ABSOLUTE_DAYS * 24 * HOUR
				})
			)
			.catch((e) => {
				services = null; // retry on the next request (PocketBase may still be starting)
				throw e;
			});
	}
	return services;
}
