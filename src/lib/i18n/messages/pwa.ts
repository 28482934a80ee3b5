/** Issue #14 point 1: the installable app, the offline page, downloading a check, form drafts (docs/offline.md). */
export const vi = {
	'pwa.offline.title': 'Không có kết nối mạng',
	'pwa.offline.body':
		'Trang này chưa được tải về thiết bị nên không mở được khi mất mạng. Các cuộc kiểm tra đã "Tải về để làm ngoại tuyến" vẫn mở được.',
	'pwa.offline.retry': 'Thử lại',
	'pwa.offline.checks': 'Danh sách cuộc kiểm tra',
	'pwa.download': 'Tải về để làm ngoại tuyến',
	'pwa.downloading': 'Đang tải về…',
	'pwa.downloaded': 'Đã tải về',
	'pwa.download_failed': 'Tải về không thành công, thử lại',
	'pwa.draft.saved': 'Bản nháp đã lưu trên thiết bị',
	'pwa.draft.saved_hint': 'Chưa gửi được (mất mạng hoặc máy chủ lỗi). Nội dung đã nhập được giữ lại; bấm gửi lại khi có mạng.',
	'pwa.draft.discard': 'Bỏ bản nháp'
} as const;

export const en: Record<keyof typeof vi, string> = {
	'pwa.offline.title': 'No network connection',
	'pwa.offline.body':
		'This page has not been downloaded to the device, so it cannot open offline. Checks downloaded with "Download for offline work" still open.',
	'pwa.offline.retry': 'Try again',
	'pwa.offline.checks': 'List of checks',
	'pwa.download': 'Download for offline work',
	'pwa.downloading': 'Downloading…',
	'pwa.downloaded': 'Downloaded',
	'pwa.download_failed': 'Download failed, try again',
	'pwa.draft.saved': 'Draft saved on this device',
	'pwa.draft.saved_hint': 'Could not be sent (offline or a server error). What you typed is kept; send again when online.',
	'pwa.draft.discard': 'Discard draft'
};
