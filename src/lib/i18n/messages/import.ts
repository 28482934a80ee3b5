// Organisation data import/export: error messages and the labels of unit kinds, staff categories,
// genders and statuses. The labels are also the values written to and read from spreadsheets
// (src/lib/domain/import), so changing one changes the file format: old exports still import
// because the parser also accepts the enum codes and the variants listed in domain/import/fields.ts.
export const vi = {
	// File as a whole
	'import.error.file_empty': 'Tệp rỗng, không có dữ liệu.',
	'import.error.file_too_large': 'Tệp quá lớn. Dung lượng tối đa là {limit}.',
	'import.error.file_type': 'Tệp “{name}” không đúng định dạng. Chỉ nhận tệp Excel (.xlsx) hoặc CSV (.csv).',
	'import.error.xls_legacy':
		'Tệp Excel 97–2003 (.xls) không được hỗ trợ. Hãy mở tệp bằng Excel, chọn Tệp → Lưu như (File → Save As), chọn kiểu “Sổ làm việc Excel (*.xlsx)” rồi tải lên lại.',
	'import.error.xlsx_unreadable':
		'Không đọc được tệp Excel: tệp bị hỏng hoặc không phải tệp .xlsx. Hãy mở và lưu lại bằng Excel rồi tải lên lại.',
	'import.error.xlsx_too_large': 'Tệp Excel chứa quá nhiều dữ liệu (khi giải nén vượt quá {limit}). Hãy tách thành nhiều tệp nhỏ hơn.',
	'import.error.no_worksheet': 'Tệp Excel không có trang tính (sheet) nào.',
	'import.error.bad_encoding':
		'Tệp CSV không dùng bảng mã UTF-8 (có thể được lưu bằng bảng mã cũ như Windows-1258, TCVN3 hoặc VNI), nên tiếng Việt sẽ bị lỗi font. Hãy mở tệp bằng Excel, chọn Tệp → Lưu như (File → Save As), chọn kiểu tệp “CSV UTF-8 (Comma delimited) (*.csv)” rồi tải lên lại; hoặc lưu thành tệp Excel (.xlsx). Nếu dữ liệu được gõ bằng phông TCVN3 (.VnTime) hoặc VNI, hãy chuyển mã sang Unicode trước (ví dụ bằng công cụ chuyển mã của Unikey).',
	'import.error.mojibake':
		'Tệp có chữ bị lỗi mã hóa (ví dụ “{sample}”): tệp đã bị lưu sai bảng mã trước đó. Hãy lấy lại bản gốc, lưu dưới dạng “CSV UTF-8 (Comma delimited) (*.csv)” hoặc Excel (.xlsx) rồi tải lên lại.',
	'import.error.csv_malformed': 'Tệp CSV không hợp lệ: dấu ngoặc kép mở ở dòng {row} không được đóng.',
	'import.error.missing_headers':
		'Không tìm thấy cột bắt buộc: {columns}. Các cột có trong tệp: {found}. Hãy đặt tên cột theo tệp mẫu hoặc một tên tương đương (ví dụ “Đơn vị” cho “Mã đơn vị”, “Ngạch” cho “Loại”).',
	'import.error.duplicate_header': 'Cột “{column}” xuất hiện nhiều lần trong dòng tiêu đề.',
	'import.error.no_rows': 'Tệp chỉ có dòng tiêu đề, không có dòng dữ liệu nào.',
	'import.error.too_many_rows': 'Tệp có quá nhiều dòng. Mỗi lần chỉ nhập tối đa {limit} dòng.',
	// One cell or row
	'import.error.required': 'Chưa nhập thông tin bắt buộc.',
	'import.error.too_long': 'Nội dung quá dài (tối đa {max} ký tự).',
	'import.error.person_name': 'Họ và tên phải có chữ cái (không chỉ gồm số, ngày tháng hay ký hiệu).',
	'import.error.code_invalid': 'Mã “{value}” không hợp lệ: chỉ dùng chữ không dấu, chữ số và các dấu . _ - / (không có khoảng trắng).',
	'import.error.date_invalid': 'Ngày “{value}” không hợp lệ. Nhập theo dạng ngày/tháng/năm (dd/mm/yyyy), ví dụ 05/02/1990.',
	'import.error.date_out_of_range': 'Ngày {value} nằm ngoài khoảng cho phép (từ {min} đến {max}).',
	'import.error.phone_invalid':
		'Số điện thoại “{value}” không hợp lệ: cần 10 chữ số, bắt đầu bằng số 0 (ví dụ 0908 123 456); chỉ dùng chữ số, dấu cách hoặc dấu chấm.',
	'import.error.email_invalid': 'Thư điện tử “{value}” không hợp lệ (ví dụ đúng: ten@donvi.gov.vn).',
	'import.error.gender_invalid': 'Giới tính “{value}” không hợp lệ. Nhập “Nam”, “Nữ” hoặc “Khác”.',
	'import.error.category_invalid': 'Loại “{value}” không hợp lệ. Nhập một trong: cán bộ, công chức, viên chức, hợp đồng lao động.',
	'import.error.kind_invalid': 'Loại đơn vị “{value}” không hợp lệ. Nhập một trong: {allowed}.',
	'import.error.status_invalid': 'Trạng thái “{value}” không hợp lệ. Nhập “{active}” hoặc “{inactive}” (để trống là {active}).',
	'import.error.legacy_font':
		'“{value}” có ký tự lạ, có thể được gõ bằng phông cũ TCVN3 (.VnTime) hoặc VNI. Hãy chuyển mã sang Unicode (ví dụ bằng công cụ chuyển mã của Unikey) rồi tải lên lại.',
	'import.error.formula_no_value':
		'Ô chứa công thức nhưng chưa có giá trị đã tính. Hãy mở tệp bằng Excel, lưu lại rồi tải lên; hoặc thay công thức bằng giá trị.',
	'import.error.cell_error': 'Ô có giá trị lỗi {value}. Hãy sửa ô này trong Excel.',
	'import.error.duplicate_code': 'Mã “{code}” bị trùng với dòng {firstRow} trong cùng tệp.',
	'import.error.unit_unknown': 'Không có đơn vị mã hoặc tên “{code}” trong hệ thống.',
	'import.error.unit_ambiguous': 'Có nhiều đơn vị cùng tên “{name}” (mã {codes}). Hãy ghi mã đơn vị thay cho tên.',
	'import.error.parent_unknown': 'Không có đơn vị cấp trên mã hoặc tên “{code}” trong hệ thống hoặc trong tệp.',
	'import.error.parent_cycle':
		'Đơn vị cấp trên tạo thành vòng lặp ({path}): một đơn vị không thể trực thuộc chính nó hoặc đơn vị cấp dưới của nó.',
	// Unit kinds (docs/sample-province.md §1.2)
	'unit.kind.province': 'Tỉnh',
	'unit.kind.department': 'Sở/Ban/Ngành',
	'unit.kind.office': 'Phòng',
	'unit.kind.public_service': 'Đơn vị sự nghiệp công lập',
	'unit.kind.service_center': 'Trung tâm Phục vụ hành chính công',
	'unit.kind.ward': 'Phường',
	'unit.kind.commune': 'Xã',
	'unit.kind.special_zone': 'Đặc khu',
	'unit.kind.district': 'Huyện (lịch sử)',
	'unit.kind.town': 'Thị trấn (lịch sử)',
	'unit.kind.other': 'Khác',
	'unit.status.active': 'Đang hoạt động',
	'unit.status.inactive': 'Ngừng hoạt động',
	// Staff
	'staff.category.can_bo': 'Cán bộ',
	'staff.category.cong_chuc': 'Công chức',
	'staff.category.vien_chuc': 'Viên chức',
	'staff.category.contract': 'Hợp đồng lao động',
	'staff.gender.male': 'Nam',
	'staff.gender.female': 'Nữ',
	'staff.gender.other': 'Khác',
	'staff.status.active': 'Đang làm việc',
	'staff.status.inactive': 'Đã nghỉ việc'
} as const;

export const en: Record<keyof typeof vi, string> = {
	'import.error.file_empty': 'The file is empty.',
	'import.error.file_too_large': 'The file is too large. The limit is {limit}.',
	'import.error.file_type': '“{name}” is not a supported file. Only Excel (.xlsx) or CSV (.csv) files are accepted.',
	'import.error.xls_legacy':
		'Excel 97–2003 files (.xls) are not supported. Open the file in Excel, choose File → Save As, pick “Excel Workbook (*.xlsx)” and upload it again.',
	'import.error.xlsx_unreadable':
		'The Excel file could not be read: it is damaged or not an .xlsx file. Open it in Excel, save it again and upload it again.',
	'import.error.xlsx_too_large': 'The Excel file holds too much data (over {limit} uncompressed). Split it into smaller files.',
	'import.error.no_worksheet': 'The Excel file has no worksheet.',
	'import.error.bad_encoding':
		'The CSV file is not UTF-8 (it was probably saved in a legacy encoding such as Windows-1258, TCVN3 or VNI), so Vietnamese text would be garbled. Open it in Excel, choose File → Save As, pick “CSV UTF-8 (Comma delimited) (*.csv)” and upload it again, or save it as an Excel file (.xlsx). If the text was typed with a TCVN3 (.VnTime) or VNI font, convert it to Unicode first (for example with Unikey’s converter).',
	'import.error.mojibake':
		'The file contains garbled text (for example “{sample}”): it was saved with the wrong encoding earlier. Take the original, save it as “CSV UTF-8 (Comma delimited) (*.csv)” or Excel (.xlsx) and upload it again.',
	'import.error.csv_malformed': 'Invalid CSV file: the quote opened on row {row} is never closed.',
	'import.error.missing_headers':
		'Required columns not found: {columns}. Columns in the file: {found}. Name the columns as in the template or with an equivalent name (e.g. “Đơn vị” for “Mã đơn vị”, “Ngạch” for “Loại”).',
	'import.error.duplicate_header': 'Column “{column}” appears more than once in the header row.',
	'import.error.no_rows': 'The file has a header row but no data rows.',
	'import.error.too_many_rows': 'The file has too many rows. At most {limit} rows can be imported at once.',
	'import.error.required': 'This value is required.',
	'import.error.too_long': 'Too long (at most {max} characters).',
	'import.error.person_name': 'A name must contain letters (not only digits, a date or symbols).',
	'import.error.code_invalid': 'Code “{value}” is invalid: use unaccented letters, digits and . _ - / only (no spaces).',
	'import.error.date_invalid': 'Date “{value}” is invalid. Use day/month/year (dd/mm/yyyy), for example 05/02/1990.',
	'import.error.date_out_of_range': 'Date {value} is outside the allowed range ({min} to {max}).',
	'import.error.phone_invalid':
		'Invalid phone number “{value}”: 10 digits starting with 0 (e.g. 0908 123 456); digits, spaces or dots only.',
	'import.error.email_invalid': 'Invalid email “{value}” (a valid one: name@unit.gov.vn).',
	'import.error.gender_invalid': 'Gender “{value}” is invalid. Use “Nam”, “Nữ” or “Khác”.',
	'import.error.category_invalid': 'Category “{value}” is invalid. Use one of: cán bộ, công chức, viên chức, hợp đồng lao động.',
	'import.error.kind_invalid': 'Unit type “{value}” is invalid. Use one of: {allowed}.',
	'import.error.status_invalid': 'Status “{value}” is invalid. Use “{active}” or “{inactive}” (empty means {active}).',
	'import.error.legacy_font':
		'“{value}” contains odd characters; it was probably typed with a legacy TCVN3 (.VnTime) or VNI font. Convert it to Unicode (for example with Unikey’s converter) and upload again.',
	'import.error.formula_no_value':
		'The cell holds a formula without a calculated value. Open the file in Excel, save it and upload again, or replace the formula with its value.',
	'import.error.cell_error': 'The cell holds the error value {value}. Fix it in Excel.',
	'import.error.duplicate_code': 'Code “{code}” duplicates row {firstRow} of the same file.',
	'import.error.unit_unknown': 'There is no unit with code or name “{code}”.',
	'import.error.unit_ambiguous': 'Several units are named “{name}” (codes {codes}). Write the unit code instead of the name.',
	'import.error.parent_unknown': 'There is no parent unit with code or name “{code}”, neither in the system nor in the file.',
	'import.error.parent_cycle': 'The parent units form a loop ({path}): a unit cannot be placed under itself or one of its own sub-units.',
	'unit.kind.province': 'Province',
	'unit.kind.department': 'Department or agency',
	'unit.kind.office': 'Office',
	'unit.kind.public_service': 'Public service unit',
	'unit.kind.service_center': 'Public administrative service centre',
	'unit.kind.ward': 'Ward',
	'unit.kind.commune': 'Commune',
	'unit.kind.special_zone': 'Special zone',
	'unit.kind.district': 'District (historical)',
	'unit.kind.town': 'Township (historical)',
	'unit.kind.other': 'Other',
	'unit.status.active': 'Active',
	'unit.status.inactive': 'Inactive',
	'staff.category.can_bo': 'Elected official (cán bộ)',
	'staff.category.cong_chuc': 'Civil servant (công chức)',
	'staff.category.vien_chuc': 'Public employee (viên chức)',
	'staff.category.contract': 'Contract staff',
	'staff.gender.male': 'Male',
	'staff.gender.female': 'Female',
	'staff.gender.other': 'Other',
	'staff.status.active': 'Working',
	'staff.status.inactive': 'Left'
};
