/** Issue #15 point 4: refusals found by the bad-input fuzz (docs/fuzzing.md). */
export const vi = {
	'accounts.error.password_bytes':
		'Mật khẩu quá dài: tối đa 71 byte (chữ có dấu tính 2–3 byte, ví dụ "ắ" là 3 byte). Hãy dùng mật khẩu ngắn hơn.',
	'errors.person_name': 'Họ và tên phải có chữ cái (không chỉ gồm số, ngày tháng hay ký hiệu).'
} as const;

export const en: Record<keyof typeof vi, string> = {
	'accounts.error.password_bytes':
		'Password too long: at most 71 bytes (accented letters count 2–3 bytes, "ắ" is 3). Use a shorter password.',
	'errors.person_name': 'A name must contain letters (not only digits, a date or symbols).'
};
