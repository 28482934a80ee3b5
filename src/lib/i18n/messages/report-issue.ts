/**
 * The periodic report's draft (the leader's prose of sections I, III, IV, V) and issuing it (number,
 * date, signer, recipients, frozen files), issue #17 §2; the list of issued reports on the reports page.
 */
export const vi = {
	'report.draft.title': 'Dự thảo phần nội dung của báo cáo',
	'report.draft.hint':
		'Lãnh đạo viết các phần I, III, IV, V; phần II và các biểu lấy từ số liệu. Dự thảo được lưu theo kỳ báo cáo và chỉ lưu khi bấm "Lưu dự thảo".',
	'report.draft.field.direction': 'I. Công tác triển khai (tình hình và công tác chỉ đạo)',
	'report.draft.field.strengths': 'III.1. Ưu điểm',
	'report.draft.field.weaknesses': 'III.2. Hạn chế, tồn tại',
	'report.draft.field.causes': 'III.3. Nguyên nhân',
	'report.draft.field.nextSteps': 'IV. Phương hướng, nhiệm vụ',
	'report.draft.field.recommendations': 'V. Kiến nghị, đề xuất',
	'report.draft.save': 'Lưu dự thảo',
	'report.draft.saved_by': 'Lưu lần cuối lúc {date}, người lưu: {name}.',
	'report.draft.never': 'Kỳ này chưa có dự thảo.',
	'report.draft.read_only': 'Chỉ lãnh đạo viết và ban hành báo cáo; tài khoản này chỉ xem.',
	'report.draft.error.stale':
		'Người khác đã lưu dự thảo này sau khi anh/chị mở trang, nên nội dung chưa được lưu. Nội dung anh/chị vừa nhập vẫn còn bên dưới: hãy sao chép lại, tải lại trang để xem bản mới nhất rồi lưu lại.',
	'report.notice.draft_saved': 'Đã lưu dự thảo.',
	'report.notice.issued': 'Đã ban hành báo cáo.',
	'report.issue.title': 'Ban hành báo cáo',
	'report.issue.hint':
		'Khi ban hành, báo cáo được cấp số tiếp theo của năm, ghi ngày hôm nay ({date}) và lưu cố định cùng số liệu hiện tại và dự thảo đã lưu (nội dung chưa lưu không được đưa vào). Báo cáo đã ban hành không sửa, không xóa được.',
	'report.issue.signer': 'Người ký',
	'report.issue.recipients': 'Nơi nhận (mỗi dòng một nơi)',
	'report.issue.recipients_hint': 'Ví dụ: UBND tỉnh; Bộ Nội vụ. Dòng "Lưu: VT" được thêm tự động.',
	'report.issue.submit': 'Ban hành báo cáo',
	'report.issue.error.recipients': 'Nhập ít nhất một nơi nhận.',
	'report.issue.error.recipients_long': 'Tối đa 30 nơi nhận, mỗi nơi tối đa 300 ký tự.',
	'report.issue.error.recipient_name': 'Mỗi dòng nơi nhận phải có tên đơn vị hoặc người nhận (ví dụ: Như trên; Lưu: VT).',
	'report.issue.error.busy': 'Có nhiều báo cáo đang được ban hành cùng lúc nên chưa cấp được số. Vui lòng bấm ban hành lại.',
	'report.issue.error.integrity': 'Tệp lưu trữ của báo cáo không còn khớp mã SHA-256 ghi khi ban hành; không thể tải.',
	'report.issued.title': 'Báo cáo đã ban hành',
	'report.issued.none': 'Chưa có báo cáo nào được ban hành.',
	'report.issued.col.number': 'Số',
	'report.issued.col.day': 'Ngày',
	'report.issued.col.period': 'Kỳ',
	'report.issued.col.signer': 'Người ký',
	'report.issued.col.files': 'Tệp',
	'report.issued.download': 'Tải {format}',
	'report.issued.sha': 'SHA-256: {hash}'
} as const;

export const en: Record<keyof typeof vi, string> = {
	'report.draft.title': "Draft of the report's text",
	'report.draft.hint':
		'The leadership writes sections I, III, IV and V; section II and the annexes come from the figures. The draft is kept per period and saved only with "Save draft".',
	'report.draft.field.direction': 'I. Implementation (situation and direction)',
	'report.draft.field.strengths': 'III.1. Strengths',
	'report.draft.field.weaknesses': 'III.2. Weaknesses',
	'report.draft.field.causes': 'III.3. Causes',
	'report.draft.field.nextSteps': 'IV. Next steps',
	'report.draft.field.recommendations': 'V. Recommendations',
	'report.draft.save': 'Save draft',
	'report.draft.saved_by': 'Last saved at {date} by {name}.',
	'report.draft.never': 'No draft for this period yet.',
	'report.draft.read_only': 'Only the leadership writes and issues the report; this account can only read it.',
	'report.draft.error.stale':
		'Someone else saved this draft after you opened the page, so your text was not saved. What you typed is still below: copy it, reload the page to see the latest version, then save again.',
	'report.notice.draft_saved': 'Draft saved.',
	'report.notice.issued': 'Report issued.',
	'report.issue.title': 'Issue the report',
	'report.issue.hint':
		"Issuing gives the report the year's next number, dates it today ({date}) and keeps it frozen with today's figures and the saved draft (unsaved text is not included). An issued report cannot be changed or deleted.",
	'report.issue.signer': 'Signer',
	'report.issue.recipients': 'Recipients (one a line)',
	'report.issue.recipients_hint': 'E.g. UBND tỉnh; Bộ Nội vụ. The "Lưu: VT" line is added automatically.',
	'report.issue.submit': 'Issue the report',
	'report.issue.error.recipients': 'Enter at least one recipient.',
	'report.issue.error.recipients_long': 'At most 30 recipients, each at most 300 characters.',
	'report.issue.error.recipient_name': 'Each recipient line must name a unit or a person (e.g. Như trên; Lưu: VT).',
	'report.issue.error.busy': 'Several reports were being issued at once, so no number could be given. Please issue again.',
	'report.issue.error.integrity':
		"The report's stored file no longer matches the SHA-256 recorded when it was issued; it cannot be downloaded.",
	'report.issued.title': 'Issued reports',
	'report.issued.none': 'No report has been issued yet.',
	'report.issued.col.number': 'Number',
	'report.issued.col.day': 'Date',
	'report.issued.col.period': 'Period',
	'report.issued.col.signer': 'Signer',
	'report.issued.col.files': 'Files',
	'report.issued.download': 'Download {format}',
	'report.issued.sha': 'SHA-256: {hash}'
};
