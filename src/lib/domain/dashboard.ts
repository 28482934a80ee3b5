// What the dashboard page renders (services/dashboard.ts builds it; components/dashboard/Dashboard.svelte
// shows it). A plain type shared by server and client.
import type { Figures } from './stats';
import type { DashboardFilter } from './schemas/dashboard';
import type { MessageKey } from '../i18n/t';

export interface DashboardView {
	filter: DashboardFilter;
	query: string;
	error: MessageKey | null;
	figures: Figures;
	unitNames: Record<string, string>;
	unitOptions: { id: string; name: string }[];
	canPickUnit: boolean;
}
