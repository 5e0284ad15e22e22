import { describe, expect, it } from 'vitest';
import { readPdf } from '../../../../tests/pdf-reader';
import type { MunicipalityConfig } from '../config';
import { letterReference, renderPrintLetter, type PrintLetter } from './pdf';

const MM = 72 / 25.4;
// The window of a C5/DL envelope with a left window: 20 mm from the left, 45 mm from the top,
// 90 × 45 mm. Text in it must start inside it (and leave room for its own height).
const WINDOW = { left: 20 * MM, top: 45 * MM, right: 110 * MM, bottom: 90 * MM };

const municipality: MunicipalityConfig = {
	name: 'Sammen Kommune',
	phone: '70 10 20 30',
	email: 'kontakt@sammen-kommune.example',
	address: 'Rådhuspladsen 1, 9999 Sammenby',
	openingHours: { da: '', en: '' },
	accessibilityStatementUrl: ''
};

const letter: PrintLetter = {
	reference: letterReference('3fa2b9c1-0d4e-4a5b-9c6d-7e8f90a1b2c3'),
	language: 'da',
	recipientName: 'Karl Nielsen',
	recipientAddress: 'Kirkevej 14, 1. tv.\n9999 Sammenby',
	subject: 'Du er inviteret til et møde',
	body: 'Kære Karl Nielsen\n\nDu er inviteret til et møde tirsdag 12. december kl. 10.00.\n\nVenlig hilsen\nSundhed og omsorg',
	date: new Date('2026-12-01T09:00:00Z'),
	department: { name: 'Sundhed og omsorg', phone: '70 10 20 40', email: 'sundhed@sammen.example' },
	municipality
};

describe('letterReference', () => {
	it('is the first eight hex digits of the id in upper case, with a hyphen', () => {
		expect(letterReference('3fa2b9c1-0d4e-4a5b-9c6d-7e8f90a1b2c3')).toBe('3FA2-B9C1');
	});
});

describe('renderPrintLetter', () => {
	it('writes letterhead, recipient, date, subject, text, contact, reference and page number in Danish', async () => {
		const rendered = await renderPrintLetter(letter, { compress: false });
		const pdf = readPdf(rendered.pdf);
		const lines = pdf.text.split('\n');
		expect(lines[0]).toBe('Sammen Kommune');
		for (const line of [
			'Karl Nielsen',
			'Kirkevej 14, 1. tv.',
			'9999 Sammenby',
			'Sundhed og omsorg',
			'Telefon: 70 10 20 40',
			'E-mail: sundhed@sammen.example',
			'Dato: 1. december 2026',
			'Brevnummer: 3FA2-B9C1',
			'Du er inviteret til et møde',
			'Du er inviteret til et møde tirsdag 12. december kl. 10.00.',
			'Brevnummer 3FA2-B9C1',
			'Side 1 af 1'
		]) {
			expect(lines).toContain(line);
		}
		expect(rendered.pageCount).toBe(1);
		expect(pdf.pageCount).toBe(1);
		expect(pdf.lang).toBe('da');
		expect(pdf.embeddedFonts).toBeGreaterThan(0);
		expect(pdf.info.Title).toBe('Du er inviteret til et møde');
	});

	it('writes every fixed text in English for an English letter, and the municipality when no department is known', async () => {
		const pdf = readPdf(
			(
				await renderPrintLetter(
					{
						...letter,
						language: 'en',
						subject: 'You are invited to a meeting',
						body: 'Dear Karl Nielsen\n\nYou are invited to a meeting.',
						department: null
					},
					{ compress: false }
				)
			).pdf
		);
		const lines = pdf.text.split('\n');
		for (const line of [
			'Date: 1 December 2026',
			'Letter reference: 3FA2-B9C1',
			'Letter reference 3FA2-B9C1',
			'Page 1 of 1',
			'Phone: 70 10 20 30',
			'Email: kontakt@sammen-kommune.example',
			'Rådhuspladsen 1, 9999 Sammenby'
		]) {
			expect(lines).toContain(line);
		}
		expect(lines.filter((l) => l.startsWith('Side') || l.startsWith('Dato'))).toEqual([]);
		expect(pdf.lang).toBe('en');
	});

	it('puts the name and address in the envelope window and the sender outside it', async () => {
		const pdf = readPdf((await renderPrintLetter(letter, { compress: false })).pdf);
		const address = ['Karl Nielsen', 'Kirkevej 14, 1. tv.', '9999 Sammenby'].map((text) =>
			pdf.runs.find((run) => run.text === text && run.page === 1)!
		);
		for (const run of address) {
			expect(run).toBeDefined();
			expect(run.x).toBeGreaterThanOrEqual(WINDOW.left);
			expect(run.x).toBeLessThan(WINDOW.left + 10 * MM);
			expect(run.top).toBeGreaterThan(WINDOW.top);
			expect(run.top).toBeLessThan(WINDOW.bottom);
		}
		// The lines follow each other from the top down.
		expect(address[0]!.top).toBeLessThan(address[1]!.top);
		expect(address[1]!.top).toBeLessThan(address[2]!.top);
		// Nothing else is printed in the window.
		const others = pdf.runs.filter(
			(run) =>
				run.page === 1 &&
				!address.includes(run) &&
				run.x < WINDOW.right &&
				run.top > WINDOW.top &&
				run.top < WINDOW.bottom + 4 * MM
		);
		expect(others).toEqual([]);
		// The letterhead is above the window, the subject below it.
		expect(pdf.runs.find((run) => run.text === 'Sammen Kommune')!.top).toBeLessThan(WINDOW.top);
		expect(pdf.runs.find((run) => run.text === 'Du er inviteret til et møde')!.top).toBeGreaterThan(
			WINDOW.bottom
		);
	});

	it('numbers the pages of a long letter "Side x af y" and counts them', async () => {
		const body = Array.from(
			{ length: 40 },
			(_, i) =>
				`Afsnit ${i + 1}. Her står en lang tekst om mødet, om hvad du skal have med, og om hvem du skal tale med, så brevet fylder mere end én side.`
		).join('\n\n');
		const rendered = await renderPrintLetter({ ...letter, body }, { compress: false });
		const pdf = readPdf(rendered.pdf);
		expect(pdf.pageCount).toBeGreaterThanOrEqual(2);
		expect(rendered.pageCount).toBe(pdf.pageCount);
		const pages = pdf.text.split('\n\f\n');
		pages.forEach((page, i) => {
			expect(page.split('\n')).toContain(`Side ${i + 1} af ${pdf.pageCount}`);
			expect(page.split('\n')).toContain('Brevnummer 3FA2-B9C1');
		});
		expect(pdf.text).toContain('Afsnit 40.');
		// The compressed PDF the worker stores has the same number of pages.
		const compressed = await renderPrintLetter({ ...letter, body });
		expect(compressed.pageCount).toBe(pdf.pageCount);
	});
});
