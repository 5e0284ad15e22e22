/**
 * The number for a tel: link from a phone number as people write it ("70 10 20 30"). Danish
 * numbers have eight digits and get the country code, so the link also works from a foreign phone.
 */
export function telNumber(phone: string): string {
	const digits = phone.replace(/[^\d+]/g, '');
	return /^\d{8}$/.test(digits) ? `+45${digits}` : digits;
}
