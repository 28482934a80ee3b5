// Public holidays and working-day calendar (src/lib/domain/holidays.ts). Vietnamese labels follow
// docs/holidays.md exactly. Params: {day} lunar day number, {date} DD/MM.
export const vi = {
	'holiday.tet_duong_lich': 'Tết Dương lịch',
	'holiday.tet_nguyen_dan': 'Tết Nguyên đán',
	'holiday.tet_nguyen_dan.thang_chap': 'Tết Nguyên đán ({day} tháng Chạp)',
	'holiday.tet_nguyen_dan.mung': 'Tết Nguyên đán (mùng {day})',
	'holiday.tet_break': 'Nghỉ Tết Nguyên đán',
	'holiday.gio_to_hung_vuong': 'Giỗ Tổ Hùng Vương',
	'holiday.giai_phong_mien_nam': 'Ngày Giải phóng miền Nam, thống nhất đất nước',
	'holiday.quoc_te_lao_dong': 'Ngày Quốc tế lao động',
	'holiday.quoc_khanh': 'Quốc khánh',
	'holiday.quoc_khanh_lien_ke': 'Nghỉ lễ Quốc khánh (ngày liền kề)',
	'holiday.ngay_van_hoa_viet_nam': 'Ngày Văn hóa Việt Nam',

	'holiday.compensatory': 'Nghỉ bù',
	'holiday.compensatory.tet_duong_lich': 'Nghỉ bù Tết Dương lịch',
	'holiday.compensatory.tet_nguyen_dan': 'Nghỉ bù Tết Nguyên đán',
	'holiday.compensatory.gio_to_hung_vuong': 'Nghỉ bù Giỗ Tổ Hùng Vương',
	'holiday.compensatory.giai_phong_mien_nam': 'Nghỉ bù Ngày Giải phóng miền Nam, thống nhất đất nước',
	'holiday.compensatory.quoc_te_lao_dong': 'Nghỉ bù Ngày Quốc tế lao động',
	'holiday.compensatory.quoc_khanh': 'Nghỉ bù Quốc khánh',
	'holiday.compensatory.ngay_van_hoa_viet_nam': 'Nghỉ bù Ngày Văn hóa Việt Nam',

	'holiday.swap_off': 'Nghỉ hoán đổi (làm bù {date})',
	'holiday.makeup_workday': 'Làm bù cho ngày {date}',
	'holiday.day_off': 'Ngày nghỉ theo thông báo',
	'holiday.working_day': 'Ngày làm việc theo thông báo',

	'holiday.kind.working_day': 'Ngày làm việc',
	'holiday.kind.weekend': 'Nghỉ hằng tuần',
	'holiday.kind.holiday': 'Ngày lễ, tết',
	'holiday.kind.compensatory': 'Nghỉ bù',
	'holiday.kind.day_off': 'Nghỉ theo thông báo',
	'holiday.kind.makeup_workday': 'Ngày làm bù'
} as const;

export const en: Record<keyof typeof vi, string> = {
	'holiday.tet_duong_lich': "New Year's Day",
	'holiday.tet_nguyen_dan': 'Lunar New Year (Tết)',
	'holiday.tet_nguyen_dan.thang_chap': 'Lunar New Year (day {day} of the 12th lunar month)',
	'holiday.tet_nguyen_dan.mung': 'Lunar New Year (day {day} of the 1st lunar month)',
	'holiday.tet_break': 'Lunar New Year break',
	'holiday.gio_to_hung_vuong': 'Hung Kings Commemoration Day',
	'holiday.giai_phong_mien_nam': 'Liberation of the South and National Reunification Day',
	'holiday.quoc_te_lao_dong': 'International Labour Day',
	'holiday.quoc_khanh': 'National Day',
	'holiday.quoc_khanh_lien_ke': 'National Day holiday (adjacent day)',
	'holiday.ngay_van_hoa_viet_nam': 'Vietnam Culture Day',

	'holiday.compensatory': 'Compensatory day off',
	'holiday.compensatory.tet_duong_lich': "Compensatory day off for New Year's Day",
	'holiday.compensatory.tet_nguyen_dan': 'Compensatory day off for Lunar New Year',
	'holiday.compensatory.gio_to_hung_vuong': 'Compensatory day off for Hung Kings Commemoration Day',
	'holiday.compensatory.giai_phong_mien_nam': 'Compensatory day off for Liberation of the South and National Reunification Day',
	'holiday.compensatory.quoc_te_lao_dong': 'Compensatory day off for International Labour Day',
	'holiday.compensatory.quoc_khanh': 'Compensatory day off for National Day',
	'holiday.compensatory.ngay_van_hoa_viet_nam': 'Compensatory day off for Vietnam Culture Day',

	'holiday.swap_off': 'Swapped day off (made up on {date})',
	'holiday.makeup_workday': 'Make-up working day for {date}',
	'holiday.day_off': 'Announced day off',
	'holiday.working_day': 'Announced working day',

	'holiday.kind.working_day': 'Working day',
	'holiday.kind.weekend': 'Weekly rest day',
	'holiday.kind.holiday': 'Public holiday',
	'holiday.kind.compensatory': 'Compensatory day off',
	'holiday.kind.day_off': 'Announced day off',
	'holiday.kind.makeup_workday': 'Make-up working day'
};
