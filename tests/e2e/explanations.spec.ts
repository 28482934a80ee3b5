// Written explanations and objections end to end (issue #13 §3–§4), through the UI: the inspector asks
// for a tường trình with a due date; the head of phường Mỹ Hưng submits it with a scan (an empty one is
// refused beside the field, what was typed kept); objects to the other finding; the inspector accepts it
// (the finding withdrawn, its action cancelled) — and a second objection is rejected with a reason.
import { writeFileSync, mkdirSync } from 'node:fs';
import { DEMO, e2ePb, login, shot, expect, test, signOut } from './helpers';
import { decideObjection, objectToFinding, openResponses, openUnitFinding, requestExplanation, submitExplanation } from './steps/explain';

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

const vnDate = (offsetDays: number) => new Date(Date.now() + 7 * 3600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10);

/** A completed check of phường Mỹ Hưng led by kiemtra@ with three findings against people, each with its open action. */
async function fixture(tag: string) {
	const pb = await e2ePb();
	const unit = await pb.collection('units').getFirstListItem(pb.filter('code = {:c}', { c: 'CA.P.MYHUNG' }));
	const inspector = await pb.collection('users').getFirstListItem(pb.filter('email = {:e}', { e: DEMO.inspector }));
	const type = await pb.collection('violation_types').getFirstListItem("active = true && category = 'office_culture'");
	const people = await pb.collection('staff').getList(1, 3, { filter: pb.filter('unit = {:u} && active = true', { u: unit.id }) });
	const now = new Date().toISOString().replace('T', ' ');
	const check = await pb.collection('inspections').create({
		title: `Kiểm tra giải trình ${tag}`,
		kind: 'scheduled',
		unit: unit.id,
		scheduled_start: now,
		scheduled_end: now,
		started_at: now,
		completed_at: now,
		lead: inspector.id,
		team: [inspector.id],
		status: 'completed'
	});
	const texts = [`Không đeo thẻ ${tag}`, `Hút thuốc ${tag}`, `Bỏ vị trí ${tag}`];
	for (const [i, description] of texts.entries()) {
		const f = await pb.collection('findings').create({
			inspection: check.id,
			unit: unit.id,
			staff: people.items[i]!.id,
			violation_type: type.id,
			category: 'office_culture',
			description,
			observed_at: now,
			source: 'manual',
			explanation_status: 'none'
		});
		await pb.collection('corrective_actions').create({
			title: `${type.name_vi}: ${description}`,
			inspection: check.id,
			findings: [f.id],
			unit: unit.id,
			category: 'office_culture',
			status: 'open',
			due_date: vnDate(10),
			original_due_date: vnDate(10),
			return_count: 0
		});
	}
	return { checkId: check.id, texts };
}

test('explanation requested, submitted with a scan; objections accepted and rejected; both sides see the history', async ({
	page
}, info) => {
	const tag = `${info.project.name}-${Date.now().toString(36)}`;
	const { checkId, texts } = await fixture(tag);
	const [badge, smoking, away] = texts as [string, string, string];
	mkdirSync('test-results', { recursive: true });
	const scan = `test-results/tuong-trinh-${tag}.png`;
	writeFileSync(scan, PNG);

	// The inspector asks for a statement, due in a few working days (the page proposes the date).
	await login(page, DEMO.inspector);
	await openResponses(page, checkId);
	await requestExplanation(page, badge);
	await expect(page.getByTestId('response-finding').filter({ hasText: badge }).getByTestId('explanation-status')).toHaveText('Chưa nộp');
	await shot(page, info, 'responses-team');
	await signOut(page);

	// The unit head: an empty submission is refused beside the field, nothing saved.
	await login(page, DEMO.unit_head);
	await openUnitFinding(page, badge);
	const form = page.locator('form[action="?/explain"]');
	await form.getByRole('button', { name: 'Gửi giải trình' }).click();
	await expect(form.getByText('Nhập nội dung hoặc đính kèm bản scan.')).toBeVisible();
	await shot(page, info, 'unit-finding-refused');
	await submitExplanation(page, badge, 'Tôi quên đeo thẻ sáng nay, đã rút kinh nghiệm.', scan);
	await expect(page.getByTestId('explanation-text')).toHaveText('Tôi quên đeo thẻ sáng nay, đã rút kinh nghiệm.');
	await expect(page.getByRole('link', { name: 'Xem bản scan' })).toBeVisible();
	await shot(page, info, 'unit-finding');

	// Objections to the two others.
	await objectToFinding(page, smoking, 'Cán bộ không hút thuốc trong phòng; có người làm chứng.', scan);
	await expect(page.getByTestId('objection-status')).toHaveText('Chờ quyết định');
	await objectToFinding(page, away, 'Cán bộ đi họp theo giấy mời.');
	await signOut(page);

	// The inspector sees the explanation, accepts one objection and rejects the other with a reason.
	await login(page, DEMO.inspector);
	await openResponses(page, checkId);
	await expect(page.getByTestId('response-finding').filter({ hasText: badge }).getByTestId('explanation-text')).toContainText(
		'rút kinh nghiệm'
	);
	await shot(page, info, 'responses-objections');
	const smokingCard = page.getByTestId('response-finding').filter({ hasText: smoking });
	// Rejecting without a reason is refused beside the field.
	await smokingCard.getByRole('button', { name: 'Không chấp nhận' }).click();
	await expect(page.getByText('Nhập lý do.')).toBeVisible();
	await decideObjection(page, true, 'Chấp nhận, ảnh không rõ người.');
	await expect(page.getByTestId('response-finding').filter({ hasText: smoking }).getByTestId('withdrawn')).toBeVisible();
	await decideObjection(page, false, 'Không có giấy mời họp.');
	await expect(page.getByTestId('response-finding').filter({ hasText: away }).getByTestId('objection-status')).toHaveText(
		'Không được chấp nhận'
	);
	await shot(page, info, 'responses-decided');
	await signOut(page);

	// The unit head sees both decisions, with who and why; the accepted one's action is cancelled.
	await login(page, DEMO.unit_head);
	await page.goto('/notifications');
	await expect(page.getByText(/được chấp nhận: vi phạm đã được rút/).first()).toBeVisible();
	await openUnitFinding(page, away);
	await expect(page.getByTestId('objection-status')).toHaveText('Không được chấp nhận');
	await expect(page.getByText('Không có giấy mời họp.')).toBeVisible();
	await shot(page, info, 'unit-finding-rejected');
});
