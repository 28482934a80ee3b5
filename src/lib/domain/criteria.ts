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

/** The same criteria in English, for the checklist screen in English (the record stays Vietnamese). */
export const CRITERIA_EN: Readonly<Record<string, string>> = {
	'OC-BADGE': 'Staff badge worn on duty',
	'OC-BADGE-INVALID': 'Badge of the official format, with current details, worn as required',
	'OC-BADGE-LENT': 'Badges not lent; nobody uses another person’s badge',
	'OC-DRESS': 'Neat, proper dress on duty',
	'OC-SMOKING': 'No smoking in offices, meeting rooms or halls',
	'OC-ALCOHOL': 'No alcohol before or during working hours or the lunch break',
	'OC-ALCOHOL-PREMISES': 'No alcohol on the premises without the head’s consent',
	'OC-ROOM-SIGN': 'Office rooms signed with the unit and staff titles',
	'OC-AGENCY-SIGN': 'Agency sign as required, with the unit’s name after the merger',
	'OC-FLAG-EMBLEM': 'National flag and emblem displayed as required',
	'OC-UNTIDY-OFFICE': 'Offices tidy, files kept in order',
	'OC-PARKING-FEE': 'No parking fee charged to citizens who come on business'
};

const lowerFirst = (s: string, locale: string) => `${s.charAt(0).toLocaleLowerCase(locale)}${s.slice(1)}`;

/** A type added to the catalogue later, without a wording here: its name, negated. */
export function criterionWording(code: string, violationName: string): string {
	return CRITERIA_VI[code] ?? `Không để xảy ra: ${lowerFirst(violationName, 'vi')}`;
}

/**
 * A checklist item as the screen shows it, in the screen's language: the criterion ("Đeo thẻ công chức
 * khi thi hành công vụ"), not the violation the catalogue names.
 */
export function criterionText(locale: 'vi' | 'en', code: string, names: { vi: string; en: string }): string {
	if (locale === 'vi') return criterionWording(code, names.vi);
	return CRITERIA_EN[code] ?? `No case of: ${lowerFirst(names.en || names.vi, 'en')}`;
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
