// Parsing of the settings forms: explicit, with errors as message keys by field id, so bad input
// is explained in the field and in the error summary and changes nothing.
import { formText, tooLong, type FieldErrors } from '../../forms';
import type { PortalKey } from '../../i18n/portal';
import { isLocale } from '../../i18n/locale';
import type { Language } from '../../domain';

export const EMAIL_MAX = 254;
const PHONE_MAX = 20;

// One mailbox as a dot-atom (RFC 5322), letters of any script allowed (RFC 6531), and a domain of
// letter-or-digit labels. Nothing a mail library reads as address syntax (`<>",;:()` or spaces)
// gets in, so an address cannot name a second recipient.
const ATOM = "[\\p{L}\\p{N}!#$%&'*+/=?^_`{|}~-]+";
const LABEL = '[\\p{L}\\p{N}](?:[\\p{L}\\p{N}-]*[\\p{L}\\p{N}])?';
const EMAIL = new RegExp(`^${ATOM}(?:\\.${ATOM})*@${LABEL}(?:\\.${LABEL})+$`, 'u');

/** Plausible, not proven: one mailbox, a dot in the domain, nothing else. */
export function isPlausibleEmail(value: string): boolean {
	return EMAIL.test(value);
}

/**
 * A Danish phone number as people write it — 8 digits, perhaps with +45 or 0045 in front and
 * spaces anywhere — written back the usual way ("12 34 56 78"), or null when it is not one.
 */
export function normalizeDanishPhone(value: string): string | null {
	const match = /^(?:\+45|0045)?(\d{8})$/.exec(value.replace(/\s+/g, ''));
	if (!match) return null;
	return match[1]!.replace(/(\d{2})(?=\d)/g, '$1 ');
}

export function parseLanguage(
	data: FormData
): { ok: true; language: Language } | { ok: false; errors: FieldErrors<PortalKey> } {
	const value = formText(data, 'language');
	return isLocale(value)
		? { ok: true, language: value }
		: { ok: false, errors: { language: 'settingsLanguageInvalid' } };
}

export interface ContactValues {
	email: string;
	phone: string;
	notifyByEmail: boolean;
	notifyBySms: boolean;
}

export type ContactParse =
	| {
			ok: true;
			values: ContactValues;
			settings: {
				email: string | null;
				phone: string | null;
				notifyByEmail: boolean;
				notifyBySms: boolean;
			};
	  }
	| { ok: false; values: ContactValues; errors: FieldErrors<PortalKey> };

export function parseContact(data: FormData): ContactParse {
	const values: ContactValues = {
		email: formText(data, 'email'),
		phone: formText(data, 'phone'),
		notifyByEmail: formText(data, 'notifyEmail') === 'ja',
		notifyBySms: formText(data, 'notifySms') === 'ja'
	};
	const errors: FieldErrors<PortalKey> = {};

	const emailTooLong = tooLong(values.email, EMAIL_MAX);
	if (emailTooLong) errors.email = emailTooLong;
	else if (values.email && !isPlausibleEmail(values.email)) errors.email = 'settingsEmailInvalid';
	else if (!values.email && values.notifyByEmail) errors.email = 'settingsEmailRequired';

	const phone = values.phone ? normalizeDanishPhone(values.phone) : null;
	const phoneTooLong = tooLong(values.phone, PHONE_MAX);
	if (phoneTooLong) errors.phone = phoneTooLong;
	else if (values.phone && !phone) errors.phone = 'settingsPhoneInvalid';
	else if (!values.phone && values.notifyBySms) errors.phone = 'settingsPhoneRequired';

	if (Object.keys(errors).length > 0) return { ok: false, values, errors };
	return {
		ok: true,
		values,
		settings: {
			email: values.email || null,
			phone,
			notifyByEmail: values.notifyByEmail,
			notifyBySms: values.notifyBySms
		}
	};
}

/** The post choice: 'ja' (letters by post) or 'nej' (digital again); anything else is null. */
export function parsePostChoice(data: FormData): boolean | null {
	const value = formText(data, 'analog');
	return value === 'ja' ? true : value === 'nej' ? false : null;
}
