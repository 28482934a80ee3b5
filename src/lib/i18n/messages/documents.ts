/**
 * The document layer (issue #17, docs/report-formats.md "The document layer"): the download buttons
 * beside every PDF, and the periodic report's sections, signature and recipients.
 */
export const vi = {
	'documents.docx': 'Tải DOCX',
	'documents.print': 'Bản in',
	'documents.number': 'Số: {n}/{prefix}-{abbr}',
	'documents.number_blank': 'Số:      /{prefix}-{abbr}',
	'documents.place_date': '{place}, {date}',
	'documents.date_blank': 'ngày      tháng      năm {year}',
	'documents.sign_hint': '(Ký, ghi rõ họ tên)',
	'documents.recipients': 'Nơi nhận:',
	'documents.archive': '- Lưu: VT, {abbr}.',
	'documents.report.kind': 'BÁO CÁO',
	'documents.report.subtitle': 'Kết quả kiểm tra công vụ {period}',
	'documents.report.section.direction': 'I. CÔNG TÁC TRIỂN KHAI',
	'documents.report.section.results': 'II. KẾT QUẢ KIỂM TRA',
	'documents.report.results.checks': '1. Số cuộc kiểm tra',
	'documents.report.results.findings': '2. Vi phạm được phát hiện',
	'documents.report.results.actions': '4. Chấn chỉnh, khắc phục',
	'documents.report.results.units': '5. Đơn vị có nhiều vi phạm',
	'documents.report.section.assessment': 'III. ĐÁNH GIÁ CHUNG',
	'documents.report.strengths': '1. Ưu điểm',
	'documents.report.weaknesses': '2. Hạn chế, tồn tại',
	'documents.report.causes': '3. Nguyên nhân',
	'documents.report.section.next': 'IV. PHƯƠNG HƯỚNG, NHIỆM VỤ KỲ TỚI',
	'documents.report.section.recommendations': 'V. KIẾN NGHỊ, ĐỀ XUẤT',
	'documents.report.no_rows': 'Không có số liệu trong kỳ.'
} as const;

export const en: Record<keyof typeof vi, string> = {
	'documents.docx': 'Download DOCX',
	'documents.print': 'Print view',
	'documents.number': 'No. {n}/{prefix}-{abbr}',
	'documents.number_blank': 'No.      /{prefix}-{abbr}',
	'documents.place_date': '{place}, {date}',
	'documents.date_blank': '…… {year}',
	'documents.sign_hint': '(Signature, full name)',
	'documents.recipients': 'Recipients:',
	'documents.archive': '- Filed: Records, {abbr}.',
	'documents.report.kind': 'REPORT',
	'documents.report.subtitle': 'Results of the public-service inspection, {period}',
	'documents.report.section.direction': 'I. ORGANISATION OF THE CHECKS',
	'documents.report.section.results': 'II. RESULTS',
	'documents.report.results.checks': '1. Checks',
	'documents.report.results.findings': '2. Findings',
	'documents.report.results.actions': '4. Corrective actions',
	'documents.report.results.units': '5. Units with the most findings',
	'documents.report.section.assessment': 'III. OVERALL ASSESSMENT',
	'documents.report.strengths': '1. Strengths',
	'documents.report.weaknesses': '2. Shortcomings',
	'documents.report.causes': '3. Causes',
	'documents.report.section.next': 'IV. DIRECTIONS AND TASKS FOR THE NEXT PERIOD',
	'documents.report.section.recommendations': 'V. RECOMMENDATIONS',
	'documents.report.no_rows': 'No figures in the period.'
};
