import { describe, expect, it } from 'vitest';
import { flatText, readPdf } from '../../../../tests/pdf-reader';
import { paragraphs, renderPdf, type PdfDocumentSpec } from './document';

const spec: PdfDocumentSpec = {
	language: 'da',
	title: 'Afgørelse: Du får boligstøtte',
	letterhead: 'Sammen Kommune',
	sender: ['Borgerservice', 'Rådhuspladsen 1, 9999 Sammenby'],
	recipient: ['Søren Æbelø', 'Åvej 3', '9999 Sammenby'],
	date: new Date('2026-11-03T10:00:00Z'),
	body: 'Kære Søren Æbelø\n\nDu får boligstøtte fra 1. december.\nBeløbet er 1.250 kr. om måneden.\nDu finder reglerne på borger.dk.\n\nVenlig hilsen\nBorgerservice',
	sections: [{ heading: 'Har du spørgsmål?', lines: ['Telefon: 12 34 50 50'] }],
	note: 'Kopi af brevet.'
};

describe('renderPdf', () => {
	it('writes the letterhead, recipient, date, title, text and contact, with æ, ø and å intact', async () => {
		const pdf = readPdf(await renderPdf(spec, { compress: false }));
		const lines = pdf.text.split('\n');
		expect(lines.slice(0, 6)).toEqual([
			'Sammen Kommune',
			'Borgerservice',
			'Rådhuspladsen 1, 9999 Sammenby',
			'Søren Æbelø',
			'Åvej 3',
			'9999 Sammenby'
		]);
		expect(lines).toContain('Dato: 3. november 2026');
		expect(lines).toContain('Afgørelse: Du får boligstøtte');
		// A single line break in the text stays a line break; a blank line starts a paragraph.
		expect(lines).toContain('Du får boligstøtte fra 1. december.');
		expect(lines).toContain('Beløbet er 1.250 kr. om måneden.');
		// "fi" is set as one ligature glyph, which the PDF maps back to two letters.
		expect(lines).toContain('Du finder reglerne på borger.dk.');
		expect(lines).toContain('Har du spørgsmål?');
		expect(lines).toContain('Telefon: 12 34 50 50');
		expect(lines.at(-1)).toBe('Side 1 af 1');
		expect(pdf.pageCount).toBe(1);
	});

	it('embeds both IBM Plex Sans fonts and nothing else', async () => {
		const pdf = readPdf(await renderPdf(spec, { compress: false }));
		expect(pdf.embeddedFonts).toBe(2);
		expect(pdf.fontNames.map((name) => name.replace(/^[A-Z]{6}\+/, '')).sort()).toEqual([
			'IBMPlexSans',
			'IBMPlexSans-SemiBold'
		]);
		expect(pdf.fontNames.join()).not.toMatch(/Helvetica/);
	});

	it('carries its title, author and language, and is tagged for screen readers', async () => {
		const pdf = readPdf(await renderPdf(spec, { compress: false }));
		expect(pdf.info.Title).toBe('Afgørelse: Du får boligstøtte');
		expect(pdf.info.Author).toBe('Sammen Kommune');
		expect(pdf.lang).toBe('da');
		expect(pdf.tagged).toBe(true);
		const english = readPdf(await renderPdf({ ...spec, language: 'en', title: 'Decision' }));
		expect(english.lang).toBe('en');
		expect(english.info.Title).toBe('Decision');
		expect(english.text).toContain('Date: 3 November 2026');
		expect(english.text).toContain('Page 1 of 1');
	});

	it('numbers every page of a long text "Side n af N"', async () => {
		const long = Array.from(
			{ length: 40 },
			(_, i) => `Afsnit ${i + 1}: ${'Æbler og pærer. '.repeat(20)}`
		);
		const pdf = readPdf(await renderPdf({ ...spec, body: long.join('\n\n') }, { compress: false }));
		expect(pdf.pageCount).toBeGreaterThan(2);
		const pages = pdf.text.split('\f');
		expect(pages).toHaveLength(pdf.pageCount);
		pages.forEach((page, i) => {
			expect(page.trim().split('\n').at(-1)).toBe(`Side ${i + 1} af ${pdf.pageCount}`);
		});
		expect(flatText(pdf)).toContain('Afsnit 40: Æbler og pærer.');
	});

	it('compresses by default, and the compressed file reads the same', async () => {
		const plain = await renderPdf(spec, { compress: false });
		const compressed = await renderPdf(spec);
		expect(compressed.byteLength).toBeLessThan(plain.byteLength);
		expect(Buffer.from(compressed.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
		expect(readPdf(compressed).text).toBe(readPdf(plain).text);
	});
});

describe('paragraphs', () => {
	it('splits on blank lines, keeps single line breaks and drops empty paragraphs', () => {
		expect(paragraphs('Kære Karl\r\n\r\nLinje 1\nLinje 2\n \n\n\nHilsen')).toEqual([
			'Kære Karl',
			'Linje 1\nLinje 2',
			'Hilsen'
		]);
		expect(paragraphs('')).toEqual([]);
	});
});
