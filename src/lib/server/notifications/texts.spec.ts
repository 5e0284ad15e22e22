import { describe, expect, it } from 'vitest';
import { notificationText, redactError } from './deliver';
import { entryLetter, postalAddress } from './route';

describe('notification texts', () => {
	it('say only that there is news, how much, and where, in the citizen’s language', () => {
		const one = notificationText('email', 'da', 1, 'https://sammen.example');
		expect(one.subject).toBe('Nyt fra kommunen i Sammen');
		expect(one.text).toContain('Du har en ny besked fra kommunen i Sammen.');
		expect(one.text).toContain('https://sammen.example');
		expect(notificationText('sms', 'da', 3, 'https://s.example').text).toBe(
			'Du har 3 nye beskeder fra kommunen i Sammen. Log ind med MitID: https://s.example'
		);
		expect(notificationText('email', 'en', 2, 'https://s.example').text).toContain(
			'You have 2 new messages from the municipality in Sammen.'
		);
	});

	it('keeps addresses and numbers out of stored provider errors', () => {
		expect(redactError(new Error('550 5.1.1 <maja.jensen@example.com>: unknown user'))).toBe(
			'550 5.1.1 <<address>>: unknown user'
		);
		expect(redactError('invalid number +45 12 34 52 01')).toBe('invalid number <number>');
	});
});

describe('letters about an entry', () => {
	const entry = {
		title: 'Afgørelse om bevilling',
		title_en: 'Decision on the grant',
		body: 'Du får bevilget hjælp.',
		body_en: null
	};
	const sender = {
		name: 'Hanne Vestergaard',
		phone: null,
		departmentName: 'Sundhed og omsorg',
		departmentNameEn: 'Health and Care',
		departmentPhone: '70 10 20 40'
	};

	it('greets, tells what happened, says whom to call and is signed by the member of staff', () => {
		const da = entryLetter(entry, 'Karl Nielsen', sender)('da');
		expect(da.subject).toBe('Afgørelse om bevilling');
		expect(da.body.split('\n\n')).toEqual([
			'Kære Karl Nielsen',
			'Der er nyt i din sag hos kommunen. Vi skriver til dig med posten, fordi du får breve på papir.',
			'Afgørelse om bevilling',
			'Du får bevilget hjælp.',
			'Har du spørgsmål? Ring til os på telefon 70 10 20 40.',
			'Venlig hilsen\nHanne Vestergaard, Sundhed og omsorg'
		]);
		const en = entryLetter(entry, 'Karl Nielsen', sender)('en');
		expect(en.subject).toBe('Decision on the grant');
		expect(en.body).toContain('Kind regards\nHanne Vestergaard, Health and Care');
		// Without a member of staff (the citizen acted in the portal) the municipality signs.
		expect(entryLetter(entry, 'Karl Nielsen', null)('da').body).toMatch(/Venlig hilsen\n\S/);
	});

	it('puts c/o, street, and postcode with town on their own lines', () => {
		expect(
			postalAddress({
				co_name: 'Hans Hansen',
				address_line: 'Kirkevej 14, 1. tv.',
				postal_code: '9999',
				city: 'Sammenby'
			})
		).toBe('c/o Hans Hansen\nKirkevej 14, 1. tv.\n9999 Sammenby');
	});
});
