// The core vocabulary of the organisation: the kinds of unit, the categories of staff and the genders
// (docs/background.md §3, docs/sample-province.md §1.2). The values mirror pb_migrations (units.kind,
// staff.category, staff.gender); the UI labels are i18n keys `unit.kind.*`, `staff.category.*`,
// `staff.gender.*`. Pure.

export const UNIT_KINDS = [
	'province',
	'department',
	'office',
	'public_service',
	'service_center',
	'ward',
	'commune',
	'special_zone',
	'district',
	'town',
	'other'
] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

export const STAFF_CATEGORIES = ['can_bo', 'cong_chuc', 'vien_chuc', 'contract'] as const;
export type StaffCategory = (typeof STAFF_CATEGORIES)[number];

export const GENDERS = ['male', 'female', 'other'] as const;
export type Gender = (typeof GENDERS)[number];
