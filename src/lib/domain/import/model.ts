// Records exchanged by import and export: the organisation data as it appears in a spreadsheet,
// keyed by business codes (unit code, employee code), never by database ids.
// The kinds, categories and genders are the core vocabulary (domain/vocabulary.ts).
import type { Gender, StaffCategory, UnitKind } from '../vocabulary';

/** Lengths match the PocketBase fields (pb_migrations), so a valid row always saves. */
export const MAX_CODE_LENGTH = 64;
export const MAX_UNIT_NAME_LENGTH = 300;
export const MAX_PERSON_NAME_LENGTH = 200;
export const MAX_POSITION_LENGTH = 200;

/** A unit as a spreadsheet row. Text is NFC; `parentCode` null = a root. */
export interface UnitRecord {
	code: string;
	name: string;
	kind: UnitKind;
	parentCode: string | null;
	active: boolean;
}

/** A staff member as a spreadsheet row. Text is NFC; `birthDate` is 'YYYY-MM-DD' (a calendar date, no zone). */
export interface StaffRecord {
	employeeCode: string;
	fullName: string;
	gender: Gender | null;
	birthDate: string | null;
	position: string | null;
	/** 10 digits starting with 0 (domain/contact.ts). */
	phone: string | null;
	/** Lower case. */
	email: string | null;
	unitCode: string;
	category: StaffCategory;
	active: boolean;
}

/**
 * A parsed import row. Optional columns that are absent from the file are `undefined` ("not
 * provided": an update leaves the stored value alone); present but empty cells are `null`
 * (an update clears the value). An empty status cell means active.
 */
export type UnitImportRow = Omit<UnitRecord, 'active'> & { active?: boolean };
export type StaffImportRow = Pick<StaffRecord, 'employeeCode' | 'fullName' | 'unitCode' | 'category'> &
	Partial<Pick<StaffRecord, 'gender' | 'birthDate' | 'position' | 'phone' | 'email' | 'active'>>;
