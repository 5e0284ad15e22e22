import type { DigitalChannel } from '../../domain';
// How the operations pages show contact details: an administrator checks that deliveries work, and
// needs to see that a message went to an e-mail address or a phone number, not whose. So addresses
// are masked to their first letter and domain (m***@example.com), phone numbers to their last four
// digits (•••• 52 01), and any such detail inside an error text from a provider is masked the same
// way, as is any run of digits long enough to be a phone or CPR number.

const EMAIL = /([A-Za-z0-9._%+-])[A-Za-z0-9._%+-]*@([A-Za-z0-9.-]+\.[A-Za-z]{2,})/g;
// Eight or more digits, possibly with spaces, dashes, dots or a leading +: phone and CPR numbers.
const DIGITS = /\+?\d(?:[\s.-]?\d){7,}/g;

/** m***@example.com */
export function maskEmail(address: string): string {
	const at = address.lastIndexOf('@');
	if (at < 1) return '***';
	return `${address[0]}***@${address.slice(at + 1)}`;
}

/** •••• 52 01: only the last four digits, enough to tell two numbers apart. */
export function maskPhone(number: string): string {
	const digits = number.replace(/\D/g, '');
	if (digits.length < 4) return '••••';
	const last = digits.slice(-4);
	return `•••• ${last.slice(0, 2)} ${last.slice(2)}`;
}

export function maskRecipient(channel: DigitalChannel, recipient: string): string {
	return channel === 'email' ? maskEmail(recipient) : maskPhone(recipient);
}

/** An error text with e-mail addresses and long numbers masked. */
export function maskContactDetails(text: string): string {
	return text
		.replace(EMAIL, (_, first: string, domain: string) => `${first}***@${domain}`)
		.replace(DIGITS, (match) => maskPhone(match));
}
