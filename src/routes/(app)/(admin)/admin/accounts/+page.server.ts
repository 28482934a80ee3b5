import { getServices } from '$lib/server/app';
import { requireRole } from '$lib/server/auth/guards';
import { accountFilterSchema } from '$lib/domain/schemas/org';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url }) => {
	const user = requireRole('admin');
	const parsed = accountFilterSchema.safeParse({ q: url.searchParams.get('q') ?? '', role: url.searchParams.get('role') ?? '' });
	const filter = parsed.success ? parsed.data : { q: '', role: null };
	const { accounts } = await getServices();
	return { filter, rows: await accounts.list(user.actor, filter) };
};
