// The staff roster as the app sees it (records from repos/staff.ts, shown by the roster pages).
import type { Gender, StaffCategory, UnitKind } from './vocabulary';

export interface StaffMember {
	id: string;
	employeeCode: string;
	fullName: string;
	gender: Gender | null;
	/** A calendar date 'YYYY-MM-DD' or null. */
	birthDate: string | null;
	unitId: string;
	position: string;
	/** 10 digits starting with 0 (domain/contact.ts), '' when unknown. */
	phone: string;
	/** Lower case, '' when unknown. */
	email: string;
	category: StaffCategory;
	active: boolean;
}

/** A person with their unit's code and name, for lists. */
export interface StaffRow extends StaffMember {
	unitCode: string;
	unitName: string;
}

/** A unit in a picker, with its depth in the tree for indentation. */
export interface UnitOption {
	id: string;
	code: string;
	name: string;
	kind: UnitKind;
	parentId: string | null;
	active: boolean;
	depth: number;
}
