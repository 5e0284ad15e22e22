import { describe, expect, it } from 'vitest';
import { channelStatus, letterState, startupWarnings } from './channels-status';
import { maskContactDetails, maskEmail, maskPhone } from './mask';

const base = { mailFrom: 'Sammen <noreply@sammen.example>', smsSender: 'Sammen' };

describe('channel status', () => {
	it('is configured when the URL is set, in demo and production alike', () => {
		const env = { ...base, smtpUrl: 'smtp://mail:25', smsUrl: 'https://sms.example/send' };
		for (const demo of [true, false]) {
			expect(channelStatus(env, demo, 'print-queue')).toEqual({
				email: 'configured',
				sms: 'configured',
				digitalPost: 'print-queue'
			});
		}
	});

	it('stores for display in the demo and is missing in production', () => {
		expect(channelStatus(base, true)).toMatchObject({ email: 'demo', sms: 'demo' });
		expect(channelStatus({ ...base, smtpUrl: 'smtp://mail:25' }, false)).toMatchObject({
			email: 'configured',
			sms: 'missing'
		});
	});

	it('warns at start-up about every channel that fails, and Digital Post, never about demo', () => {
		const production = startupWarnings(channelStatus(base, false, 'print-queue'));
		expect(production).toHaveLength(3);
		expect(production[0]).toBe(
			'SMTP_URL is not set: e-mail notifications will fail and appear in the dead-letter list at /staff/drift'
		);
		expect(production[1]).toMatch(/^SMS_HTTP_URL is not set: SMS notifications will fail/);
		expect(production[2]).toMatch(/^Digital Post .* is not used \(LETTER_DELIVERY=print-queue\)/);
		const demo = startupWarnings(channelStatus(base, true, 'print-queue'));
		expect(demo).toHaveLength(1);
		expect(demo[0]).toMatch(/Digital Post/);
		const smsOnlyMissing = startupWarnings(
			channelStatus({ ...base, smtpUrl: 'smtp://mail:25' }, false, 'configured')
		);
		expect(smsOnlyMissing.some((l) => l.startsWith('Digital Post'))).toBe(false);
		expect(smsOnlyMissing.some((l) => l.startsWith('SMTP_URL'))).toBe(false);
		expect(smsOnlyMissing.some((l) => l.startsWith('SMS_HTTP_URL'))).toBe(true);
	});
});

describe('letter state', () => {
	it('is the print queue unless LETTER_DELIVERY=sf1601, the simulator only in the demo', () => {
		expect(letterState({}, true)).toBe('print-queue');
		expect(letterState({ LETTER_DELIVERY: 'print-queue' }, false)).toBe('print-queue');
		expect(letterState({ LETTER_DELIVERY: 'sf1601' }, true)).toBe('simulator');
		expect(
			letterState({ LETTER_DELIVERY: 'sf1601', SERVICEPLATFORMEN_URL: 'https://sp.example' }, true)
		).toBe('configured');
		expect(letterState({ LETTER_DELIVERY: 'sf1601' }, false)).toBe('configured');
	});
});

describe('masking', () => {
	it('shows the first letter and domain of an address, the last four digits of a number', () => {
		expect(maskEmail('maja.jensen@example.com')).toBe('m***@example.com');
		expect(maskEmail('nonsense')).toBe('***');
		expect(maskPhone('+45 12 34 52 01')).toBe('•••• 52 01');
		expect(maskPhone('12')).toBe('••••');
	});

	it('masks addresses and long numbers inside an error text', () => {
		expect(
			maskContactDetails('550 <karl@example.dk> refused; to 12345201; cpr 010203-1234, code 421')
		).toBe('550 <k***@example.dk> refused; to •••• 52 01; cpr •••• 12 34, code 421');
	});
});
