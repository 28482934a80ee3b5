// The navigation each role sees. Cosmetic: routes are guarded server-side regardless.
import type { Role } from './user';
import type { MessageKey } from '../i18n/t';

export interface MenuItem {
	href: string;
	key: MessageKey;
}

export function menuFor(role: Role): MenuItem[] {
	switch (role) {
		case 'admin':
			return [
				{ href: '/admin', key: 'nav.admin' },
				{ href: '/admin/staff', key: 'nav.staff' },
				{ href: '/admin/import', key: 'nav.import' },
				{ href: '/tthc', key: 'tthc.nav' },
				{ href: '/dashboard', key: 'nav.dashboard' },
				{ href: '/reports', key: 'nav.reports' },
				{ href: '/checks', key: 'nav.checks' },
				{ href: '/actions', key: 'nav.action_board' },
				{ href: '/admin/calendar', key: 'nav.admin_calendar' },
				{ href: '/admin/documents', key: 'nav.admin_documents' },
				{ href: '/audit', key: 'audit.title' }
			];
		case 'leader':
			return [
				{ href: '/dashboard', key: 'nav.dashboard' },
				{ href: '/reports', key: 'nav.reports' },
				{ href: '/offenders', key: 'nav.offenders' },
				{ href: '/tthc', key: 'tthc.nav' },
				{ href: '/plans', key: 'nav.plans' },
				{ href: '/checks', key: 'nav.checks' },
				{ href: '/checks/calendar', key: 'nav.calendar' },
				{ href: '/actions', key: 'nav.action_board' },
				{ href: '/units', key: 'nav.units' },
				{ href: '/staff', key: 'nav.staff' },
				{ href: '/audit', key: 'audit.title' }
			];
		case 'inspector':
			return [
				{ href: '/checks', key: 'nav.my_checks' },
				{ href: '/checks/calendar', key: 'nav.calendar' },
				{ href: '/plans', key: 'nav.plans' },
				{ href: '/actions', key: 'nav.action_board' },
				{ href: '/dashboard', key: 'nav.dashboard' },
				{ href: '/tthc', key: 'tthc.nav' },
				{ href: '/units', key: 'nav.units' },
				{ href: '/staff', key: 'nav.staff' }
			];
		case 'unit_head':
			return [
				{ href: '/unit', key: 'nav.actions' },
				{ href: '/unit/checks', key: 'nav.unit_checks' },
				{ href: '/unit/dashboard', key: 'nav.unit_dashboard' },
				{ href: '/unit/tthc', key: 'tthc.nav' },
				{ href: '/staff', key: 'nav.staff' }
			];
	}
}

/**
 * The menu entry the current page belongs to: the longest href that is the path or a parent of it, so
 * /admin/staff/abc marks "staff", not also "admin".
 */
export function currentMenuHref(items: readonly MenuItem[], path: string): string | null {
	let best: string | null = null;
	for (const { href } of items) {
		if ((path === href || path.startsWith(href + '/')) && href.length > (best?.length ?? -1)) best = href;
	}
	return best;
}
