/**
 * The biên bản's "Thực hiện tốt:" paragraph (issue #11 point 9): the office-culture criteria the
 * check found met, worded as criteria ("Đeo thẻ công chức khi thi hành công vụ"), never as the
 * violation the catalogue names, and never one the same record reports as violated. Vietnamese only:
 * the record is an administrative document whatever the screen language. Pure.
 */

/** Criterion wording per catalogue code (violation-catalogue.csv, office_culture; QĐ 129/2007/QĐ-TTg). */
export const CRITERIA_VI: Readonly<Record<string, string>> = {
	'OC-BADGE': 'Đeo thẻ công chức khi thi hành công vụ',
	'OC-BADGE-INVALID': 'Thẻ cán bộ, công chức, viên chức đúng mẫu, đúng thông tin và đeo đúng quy định',
	'OC-BADGE-LENT': 'Không cho mượn thẻ, không sử dụng thẻ của người khác',
	'OC-DRESS': 'Trang phục gọn gàng, lịch sự khi thực hiện nhiệm vụ',
	'OC-SMOKING': 'Không hút thuốc lá trong phòng làm việc, phòng họp, hội trường',
	'OC-ALCOHOL': 'Không uống rượu, bia trước và trong giờ làm việc, giờ nghỉ trưa',
	'OC-ALCOHOL-PREMISES': 'Không sử dụng đồ uống có cồn tại công sở khi chưa được thủ trưởng đồng ý',
	'OC-ROOM-SIGN': 'Phòng làm việc có biển tên đơn vị, chức danh',
	'OC-AGENCY-SIGN': 'Biển tên cơ quan đúng quy định, đúng tên đơn vị sau sắp xếp',
	'OC-FLAG-EMBLEM': 'Quốc kỳ, Quốc huy treo đúng quy định',
	'OC-UNTIDY-OFFICE': 'Phòng làm việc gọn gàng, hồ sơ tài liệu sắp xếp ngăn nắp',
	'OC-PARKING-FEE': 'Không thu tiền giữ xe của người dân đến giao dịch, làm việc'
};

/** A type added to the catalogue later, without a wording here: its name, negated. */
export function criterionWording(code: string, violationName: string): string {
	return CRITERIA_VI[code] ?? `Không để xảy ra: ${violationName.charAt(0).toLocaleLowerCase('vi')}${violationName.slice(1)}`;
}

/**
 * The criteria met, in catalogue order: marked "Đạt" on the checklist and not violated anywhere in
 * the record (no counted finding of that type, not marked as a violation).
 */
export function metCriteria(
	types: readonly { code: string; name: string }[],
	checklist: Readonly<Record<string, { result: string } | undefined>>,
	violatedCodes: ReadonlySet<string>
): string[] {
	return types
		.filter((ty) => checklist[ty.code]?.result === 'compliant' && !violatedCodes.has(ty.code))
		.map((ty) => criterionWording(ty.code, ty.name));
}
