/**
 * The import's mapping step, table of new rows, error file and progress text (issue #18 §1, §3, §4;
 * README "Staff roster, import and export").
 */
export const vi = {
	'import.map.title': 'Ghép cột của tệp',
	'import.map.intro':
		'Các cột dưới đây không trùng tên cột nào trong tệp mẫu. Chọn nội dung của từng cột (hoặc “Bỏ qua”) rồi kiểm tra lại; không cần tải tệp lên lại. Lựa chọn được ghi nhớ cho lần sau với tệp có cùng dòng tiêu đề.',
	'import.map.missing': 'Chưa có cột nào chứa: {columns}. Hãy chọn cột tương ứng.',
	'import.map.remembered': 'Đã áp dụng cách ghép cột đã chọn lần trước cho tệp có cùng dòng tiêu đề.',
	'import.map.ignore': 'Bỏ qua',
	'import.map.column': 'Cột “{column}”',
	'import.map.auto': 'Các cột đã nhận ra: {columns}',
	'import.map.required': '{label} (bắt buộc)',
	'import.map.sample_title': 'Các dòng đầu của tệp',
	'import.map.sample_caption': 'Các dòng đầu của tệp, theo cột',
	'import.map.apply': 'Áp dụng và kiểm tra lại',
	'import.ui.created_title': 'Dòng thêm mới ({count})',
	'import.ui.created_more': 'Và {count} dòng thêm mới khác.',
	'import.ui.error_file': 'Tải tệp lỗi (XLSX)',
	'import.ui.error_file_hint': 'Tệp gồm các dòng có lỗi, đủ các cột như tệp gốc và thêm cột “Lỗi cần sửa”; sửa xong có thể tải lên lại.',
	'import.progress.upload': 'Đang tải tệp lên… {percent}',
	'import.progress.checking_rows': 'Đang kiểm tra {rows} dòng…',
	'import.progress.checking': 'Đang kiểm tra tệp…'
};

export const en: { [K in keyof typeof vi]: string } = {
	'import.map.title': 'Match the file’s columns',
	'import.map.intro':
		'The columns below match no column of the template. Pick what each one holds (or “Skip”) and check again; no need to upload the file again. The choice is remembered for the next file with the same header row.',
	'import.map.missing': 'No column holds: {columns}. Pick the matching column.',
	'import.map.remembered': 'The column matching chosen last time for a file with the same header row was applied.',
	'import.map.ignore': 'Skip',
	'import.map.column': 'Column “{column}”',
	'import.map.auto': 'Columns recognised: {columns}',
	'import.map.required': '{label} (required)',
	'import.map.sample_title': 'First rows of the file',
	'import.map.sample_caption': 'First rows of the file, by column',
	'import.map.apply': 'Apply and check again',
	'import.ui.created_title': 'New rows ({count})',
	'import.ui.created_more': 'And {count} more new rows.',
	'import.ui.error_file': 'Download the error file (XLSX)',
	'import.ui.error_file_hint':
		'The rows with errors, with every column of the original file and an “Lỗi cần sửa” (errors) column; fix them and upload the file again.',
	'import.progress.upload': 'Uploading the file… {percent}',
	'import.progress.checking_rows': 'Checking {rows} rows…',
	'import.progress.checking': 'Checking the file…'
};
