// Accounts and the actor that every authorization decision is about.
export const ROLES = ['admin', 'leader', 'inspector', 'unit_head'] as const;
export type Role = (typeof ROLES)[number];

export interface User {
	id: string;
	email: string;
	name: string;
	role: Role;
	unitId: string | null;
	active: boolean;
	locale: 'vi' | 'en' | null;
	position: string;
}

/** Who is acting: what authorization needs to know about a user. */
export interface Actor {
	id: string;
	role: Role;
	unitId: string | null;
}

export function toActor(u: Pick<User, 'id' | 'role' | 'unitId'>): Actor {
	return { id: u.id, role: u.role, unitId: u.unitId };
}

/** Each role's home page: where login lands. */
export function homePath(role: Role): string {
	switch (role) {
		case 'admin':
			return '/admin';
		case 'leader':
			return '/dashboard';
		case 'inspector':
			return '/checks';
		case 'unit_head':
			return '/unit';
	}
}
