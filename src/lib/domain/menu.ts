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
				{ href: '/reports', key: 'nav.reports' },
				{ href: '/checks', key: 'nav.checks' }
			];
		case 'leader':
			return [
				{ href: '/dashboard', key: 'nav.dashboard' },
				{ href: '/reports', key: 'nav.reports' },
				{ href: '/offenders', key: 'nav.offenders' },
				{ href: '/checks', key: 'nav.checks' }
			];
		case 'inspector':
			return [
				{ href: '/checks', key: 'nav.my_checks' },
				{ href: '/dashboard', key: 'nav.dashboard' }
			];
		case 'unit_head':
			return [{ href: '/unit', key: 'nav.actions' }];
	}
}
