import { describe, expect, it } from 'vitest';
import {
	isPlausibleEmail,
	normalizeDanishPhone,
	parseContact,
	parseLanguage,
	parsePostChoice
} from './validate';

function form(fields: Record<string, string | string[]>): FormData {
	const data = new FormData();
	for (const [name, value] of Object.entries(fields)) {
		for (const v of Array.isArray(value) ? value : [value]) data.append(name, v);
	}
	return data;
}

describe('settings form parsing', () => {
	it('accepts Danish phone numbers as people write them, and writes them back the usual way', () => {
		for (const input of [
			'12345678',
			'12 34 56 78',
			'+4512345678',
			'+45 12 34 56 78',
			'0045 1234 5678'
		]) {
			expect(normalizeDanishPhone(input), input).toBe('12 34 56 78');
		}
		for (const input of ['1234567', '123456789', '+46 12 34 56 78', '12-34-56-78', 'tolv', '+45']) {
			expect(normalizeDanishPhone(input), input).toBeNull();
		}
	});

	it('accepts plausible e-mail addresses only', () => {
		expect(isPlausibleEmail('maja.jensen@example.com')).toBe(true);
		expect(isPlausibleEmail('a@b.dk')).toBe(true);
		expect(isPlausibleEmail('søren.o+sammen@æblehave-kommune.dk')).toBe(true);
		for (const input of [
			'maja@example.com, other@example.com',
			'maja@example.com;other@example.com',
			'Maja <other@example.com>',
			'"a b"@example.com',
			'maja@example.com\r\nBcc: other@example.com',
			'maja@(comment)example.com',
			'maja@-example.com',
			'maja',
			'maja@',
			'@example.com',
			'maja@example',
			'ma ja@example.com',
			'a@b@c.dk',
			'a@b..dk'
		]) {
			expect(isPlausibleEmail(input), input).toBe(false);
		}
	});

	it('accepts only da and en as the language', () => {
		expect(parseLanguage(form({ language: 'en' }))).toEqual({ ok: true, language: 'en' });
		expect(parseLanguage(form({ language: 'da' }))).toEqual({ ok: true, language: 'da' });
		for (const language of ['de', 'EN', '', 'da; drop table citizens']) {
			expect(parseLanguage(form({ language }))).toEqual({
				ok: false,
				errors: { language: 'settingsLanguageInvalid' }
			});
		}
		expect(parseLanguage(form({}))).toMatchObject({ ok: false });
	});

	it('stores empty contact details as null and normalises the phone', () => {
		expect(parseContact(form({ email: '', phone: '' }))).toEqual({
			ok: true,
			values: { email: '', phone: '', notifyByEmail: false, notifyBySms: false },
			settings: { email: null, phone: null, notifyByEmail: false, notifyBySms: false }
		});
		const parsed = parseContact(
			form({
				email: ' maja@example.com ',
				phone: '+45 12345678',
				notifyEmail: 'ja',
				notifySms: 'ja'
			})
		);
		expect(parsed).toMatchObject({
			ok: true,
			settings: {
				email: 'maja@example.com',
				phone: '12 34 56 78',
				notifyByEmail: true,
				notifyBySms: true
			}
		});
	});

	it('names the field to fix: a bad address, a bad number, a notification without its detail', () => {
		expect(parseContact(form({ email: 'maja', phone: '123' }))).toMatchObject({
			ok: false,
			errors: { email: 'settingsEmailInvalid', phone: 'settingsPhoneInvalid' }
		});
		expect(
			parseContact(form({ email: '', phone: '', notifyEmail: 'ja', notifySms: 'ja' }))
		).toMatchObject({
			ok: false,
			errors: { email: 'settingsEmailRequired', phone: 'settingsPhoneRequired' },
			values: { notifyByEmail: true, notifyBySms: true }
		});
		const long = parseContact(form({ email: `${'a'.repeat(250)}@example.com` }));
		expect(long).toMatchObject({ ok: false, errors: { email: { key: 'fieldTooLong' } } });
	});

	it('reads the post choice strictly', () => {
		expect(parsePostChoice(form({ analog: 'ja' }))).toBe(true);
		expect(parsePostChoice(form({ analog: 'nej' }))).toBe(false);
		expect(parsePostChoice(form({ analog: 'true' }))).toBeNull();
		expect(parsePostChoice(form({}))).toBeNull();
	});
});
