// Fixtures for corrective-action tests: a unit with its head, a check with a team, an open action
// (as on-site inspection would propose it), and small real evidence files.
import { superPb, makeUnit, makeUser, uid } from './services';

/** A real 1×1 PNG. */
export const PNG_BYTES = Buffer.from(
	'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
	'base64'
);
export const pngFile = (name = 'anh-khac-phuc.png') => new File([PNG_BYTES], name, { type: 'image/png' });
export const pdfFile = (name = 'bien-ban.pdf') =>
	new File([Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n')], name, { type: 'application/pdf' });

export async function makeCheck(unitId: string, leadId: string, teamIds: string[] = []) {
	const pb = await superPb();
	return pb.collection('inspections').create({
		title: 'Kiểm tra công vụ',
		kind: 'scheduled',
		unit: unitId,
		scheduled_start: '2026-03-02 01:00:00.000Z',
		scheduled_end: '2026-03-02 09:00:00.000Z',
		lead: leadId,
		team: teamIds,
		status: 'completed'
	});
}

export async function makeAction(o: { unitId: string; dueDate: string; inspectionId?: string; title?: string; category?: string }) {
	const pb = await superPb();
	return pb.collection('corrective_actions').create({
		title: o.title ?? `Chấn chỉnh ${uid()}`,
		unit: o.unitId,
		inspection: o.inspectionId ?? '',
		category: o.category ?? 'attendance',
		status: 'open',
		due_date: o.dueDate,
		original_due_date: o.dueDate,
		return_count: 0
	});
}

/** A unit with its head, an inspector leading a check there, a leader, and one open action. */
export async function actionWorld(dueDate = '2026-03-10') {
	const unit = await makeUnit('Phường thử nghiệm');
	const head = await makeUser('unit_head', { unitId: unit.id, name: 'Thủ trưởng thử' });
	const inspector = await makeUser('inspector', { name: 'Kiểm tra viên thử' });
	const leader = await makeUser('leader', { name: 'Lãnh đạo thử' });
	const check = await makeCheck(unit.id, inspector.id, [inspector.id]);
	const action = await makeAction({ unitId: unit.id, dueDate, inspectionId: check.id });
	return { unit, head, inspector, leader, check, action };
}

export async function notificationsOf(userId: string, kind?: string) {
	const pb = await superPb();
	const filter = kind ? pb.filter('user = {:u} && kind = {:k}', { u: userId, k: kind }) : pb.filter('user = {:u}', { u: userId });
	return pb.collection('notifications').getFullList({ filter, sort: 'created' });
}

export async function historyOf(actionId: string) {
	const pb = await superPb();
	return pb.collection('action_updates').getFullList({ filter: pb.filter('action = {:a}', { a: actionId }), sort: 'created' });
}
