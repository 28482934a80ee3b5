// Contact details of a staff member (issue #18 §2): one rule for the staff form and the import.
// Phone: a Vietnamese number as people write it — 10 digits starting with 0 ("0908 123 456",
// "0908.123.456", "+84 908 123 456"); stored as the 10 digits, so the leading zero is never lost.
// Email: the shape zod checks (the same z.email() as the account forms), stored lower case.
import { z } from 'zod';

export const MAX_PHONE_INPUT_LENGTH = 20;
export const MAX_EMAIL_LENGTH = 254;

/** Separators people put in phone numbers: spaces (also non-breaking), dots, dashes, parentheses. */
const PHONE_SEPARATORS = /[\s.\-()\u00A0]/g;

/**
 * A phone number as typed → its 10 digits ('0xxxxxxxxx'), or null when it is not a Vietnamese
 * number ("09O8123456" with a letter O, too few or too many digits). "+84…"/"84…" become "0…";
 * 9 digits not starting with 0 are a number whose leading zero a spreadsheet dropped (a number
 * cell), and get it back.
 */
export function normalizeVnPhone(raw: string): string | null {
	let s = raw.replace(PHONE_SEPARATORS, '');
	if (s.length > MAX_PHONE_INPUT_LENGTH) return null;
	if (s.startsWith('+84')) s = '0' + s.slice(3);
	else if (/^84\d{9}$/.test(s)) s = '0' + s.slice(2);
	else if (/^[1-9]\d{8}$/.test(s)) s = '0' + s;
	return /^0\d{9}$/.test(s) ? s : null;
}

const emailShape = z.email();

/** Trimmed, lower-case email, or null when its shape is wrong. */
export function normalizeEmail(raw: string): string | null {
	const s = raw.trim();
	if (s.length > MAX_EMAIL_LENGTH || !emailShape.safeParse(s).success) return null;
	return s.toLowerCase();
}

/** "0908123456" → "0908 123 456" for display. */
export function formatVnPhone(phone: string): string {
	return /^0\d{9}$/.test(phone) ? `${phone.slice(0, 4)} ${phone.slice(4, 7)} ${phone.slice(7)}` : phone;
}
