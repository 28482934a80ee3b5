/**
 * Signing the biên bản (issue #17 §3): the signature pad, the secretary, refusals with a reason.
 * `record.*` keys are literal strings of the record (docs/report-formats.md (a), rows 7, 13 and 15),
 * always printed in Vietnamese.
 */
export const vi = {
	'sign.pad.clear': 'Xóa',
	'sign.pad.undo': 'Hoàn tác',
	'sign.pad.hint': 'Ký bằng ngón tay, bút hoặc chuột trong khung.',
	'sign.secretary': 'Thư ký (thành viên kiêm thư ký)',
	'sign.secretary.none': '— Không có thư ký —',
	'sign.sign_secretary': 'Chữ ký thư ký',
	'sign.refuse.toggle': 'Người ký từ chối ký',
	'sign.refuse.reason': 'Lý do từ chối ký',
	'sign.refuse.save': 'Ghi nhận từ chối ký',
	'sign.refused': 'Từ chối ký. Lý do: {reason}',
	'sign.missing': 'Còn thiếu: {who}.',
	'sign.party.lead': 'trưởng đoàn',
	'sign.party.secretary': 'thư ký',
	'sign.party.representative': 'đại diện đơn vị',
	'sign.error.reason_required': 'Nhập lý do người ký từ chối ký.',
	'sign.error.secretary': 'Thư ký phải là một thành viên của đoàn, không phải trưởng đoàn.',
	'sign.error.signers_required':
		'Mỗi người ký (trưởng đoàn, thư ký nếu có, đại diện đơn vị) cần ký hoặc được ghi nhận từ chối ký có lý do, hoặc đánh dấu đã ký trên bản giấy.',
	'sign.error.empty': 'Chưa có chữ ký trong khung. Vui lòng ký trước khi lưu.',
	'record.role.member_secretary': 'Thành viên kiêm Thư ký',
	'record.sign.member': 'THÀNH VIÊN ĐOÀN KIỂM TRA',
	'record.refused.representative': 'Đại diện đơn vị được kiểm tra không ký biên bản, lý do: {reason}.',
	'record.refused.lead': 'Trưởng đoàn kiểm tra không ký biên bản, lý do: {reason}.',
	'record.refused.secretary': 'Thư ký đoàn kiểm tra không ký biên bản, lý do: {reason}.',
	'record.refused.mark': 'Từ chối ký. Lý do: {reason}'
} as const;

export const en: Record<keyof typeof vi, string> = {
	'sign.pad.clear': 'Clear',
	'sign.pad.undo': 'Undo',
	'sign.pad.hint': 'Sign with a finger, a pen or the mouse inside the box.',
	'sign.secretary': 'Secretary (a team member)',
	'sign.secretary.none': '— No secretary —',
	'sign.sign_secretary': 'Secretary’s signature',
	'sign.refuse.toggle': 'The signer refuses to sign',
	'sign.refuse.reason': 'Reason for refusing to sign',
	'sign.refuse.save': 'Record the refusal',
	'sign.refused': 'Refused to sign. Reason: {reason}',
	'sign.missing': 'Still missing: {who}.',
	'sign.party.lead': 'team lead',
	'sign.party.secretary': 'secretary',
	'sign.party.representative': 'unit representative',
	'sign.error.reason_required': 'Enter why the signer refuses to sign.',
	'sign.error.secretary': 'The secretary must be a member of the team other than its lead.',
	'sign.error.signers_required':
		'Each signer (team lead, secretary if any, unit representative) must sign or be recorded as refusing with a reason, or mark the record as signed on paper.',
	'sign.error.empty': 'There is no signature in the box yet. Please sign before saving.',
	'record.role.member_secretary': vi['record.role.member_secretary'],
	'record.sign.member': vi['record.sign.member'],
	'record.refused.representative': vi['record.refused.representative'],
	'record.refused.lead': vi['record.refused.lead'],
	'record.refused.secretary': vi['record.refused.secretary'],
	'record.refused.mark': vi['record.refused.mark']
};
