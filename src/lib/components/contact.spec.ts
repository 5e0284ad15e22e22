import { describe, expect, it } from 'vitest';
import { telNumber } from './contact';

describe('telNumber', () => {
	it('adds the Danish country code to an eight-digit number', () => {
		expect(telNumber('70 10 20 30')).toBe('+4570102030');
	});

	it('keeps a number that already has a country code', () => {
		expect(telNumber('+45 70 10 20 30')).toBe('+4570102030');
		expect(telNumber('+46 8 123 456 78')).toBe('+46812345678');
	});
});
