import { describe, expect, it } from 'vitest';
import { errorText, formText, tooLong } from './forms';
import { t } from './i18n/common';

describe('formText', () => {
	it('trims, normalises line breaks and reads a missing field as empty', () => {
		const data = new FormData();
		data.set('comment', '  Hej\r\nmed dig \r ');
		expect(formText(data, 'comment')).toBe('Hej\nmed dig');
		expect(formText(data, 'missing')).toBe('');
	});

	it('reads a tampered field (a file, or the field twice) as its first text value', () => {
		const data = new FormData();
		data.append('comment', new Blob(['x']), 'x.txt');
		data.append('comment', 'første');
		data.append('comment', 'anden');
		expect(formText(data, 'comment')).toBe('første');
	});
});

describe('tooLong', () => {
	it('counts characters, not UTF-16 units, and names the limit in both languages', () => {
		expect(tooLong('æøå😀', 4)).toBeNull();
		const error = tooLong('æøå😀!', 4);
		expect(error).not.toBeNull();
		expect(errorText(t('da'), error!)).toContain('højst være 4 tegn');
		expect(errorText(t('en'), error!)).toContain('at most 4 characters');
	});
});
