/** Issue #15 point 1: the audit trail page (docs/audit.md). */
export const vi = {
	'audit.title': 'Nhật ký thay đổi',
	'audit.intro':
		'Mọi thao tác tạo, sửa, xoá dữ liệu, theo thứ tự, không sửa hoặc xoá được. Hiển thị tối đa {limit} mục mới nhất theo bộ lọc.',
	'audit.history_title': 'Lịch sử bản ghi',
	'audit.history_intro': 'Toàn bộ thay đổi của bản ghi {record} ({collection}), từ cũ đến mới.',
	'audit.filter.actor': 'Người thực hiện',
	'audit.filter.collection': 'Loại dữ liệu',
	'audit.filter.record': 'Mã bản ghi',
	'audit.filter.from': 'Từ ngày',
	'audit.filter.to': 'Đến ngày',
	'audit.filter.all': 'Tất cả',
	'audit.filter.apply': 'Lọc',
	'audit.filter.clear': 'Bỏ lọc',
	'audit.none': 'Không có mục nào khớp bộ lọc.',
	'audit.system': 'Hệ thống',
	'audit.action.create': 'Tạo',
	'audit.action.update': 'Sửa',
	'audit.action.delete': 'Xoá',
	'audit.reason': 'Lý do',
	'audit.history_link': 'Lịch sử',
	'audit.empty_value': '(trống)',
	'audit.back': 'Về nhật ký'
};

export const en: Record<keyof typeof vi, string> = {
	'audit.title': 'Change log',
	'audit.intro':
		'Every create, edit and delete of the data, in order; entries cannot be changed or removed. Shows at most the {limit} newest entries for the filter.',
	'audit.history_title': 'Record history',
	'audit.history_intro': 'Every change of record {record} ({collection}), oldest first.',
	'audit.filter.actor': 'By',
	'audit.filter.collection': 'Kind of data',
	'audit.filter.record': 'Record id',
	'audit.filter.from': 'From',
	'audit.filter.to': 'To',
	'audit.filter.all': 'All',
	'audit.filter.apply': 'Filter',
	'audit.filter.clear': 'Clear',
	'audit.none': 'No entry matches the filter.',
	'audit.system': 'System',
	'audit.action.create': 'Created',
	'audit.action.update': 'Edited',
	'audit.action.delete': 'Deleted',
	'audit.reason': 'Reason',
	'audit.history_link': 'History',
	'audit.empty_value': '(empty)',
	'audit.back': 'Back to the log'
};
