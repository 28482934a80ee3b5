// The navigation each role sees. Cosmetic: routes are guarded server-side regardless.
import type { Role } from './user';

export interface MenuItem {
	href: string;
	key: string;
}

export function menuFor(role: Role): MenuItem[] {
	switch (role) {
		case 'admin':
			return [
				{ href: '/admin', key: 'nav.admin' },
				{ href: '/dashboard', key: 'nav.dashboard' },
				{ href: '/checks', key: 'nav.checks' },
				{ href: '/admin/calendar', key: 'nav.admin_calendar' }
			];
		case 'leader':
			return [
				{ href: '/dashboard', key: 'nav.dashboard' },
				{ href: '/plans', key: 'nav.plans' },
				{ href: '/checks', key: 'nav.checks' },
				{ href: '/checks/calendar', key: 'nav.calendar' },
				{ href: '/units', key: 'nav.units' }
			];
		case 'inspector':
			return [
				{ href: '/checks', key: 'nav.my_checks' },
				{ href: '/checks/calendar', key: 'nav.calendar' },
				{ href: '/plans', key: 'nav.plans' },
				{ href: '/dashboard', key: 'nav.dashboard' },
				{ href: '/units', key: 'nav.units' }
			];
		case 'unit_head':
			return [
				{ href: '/unit', key: 'nav.actions' },
				{ href: '/unit/checks', key: 'nav.unit_checks' }
			];
	}
}
