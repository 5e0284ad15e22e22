import { describe, expect, it } from 'vitest';
import { readPdf } from '../../../tests/pdf-reader';
import { municipality } from './config';
import type { CitizenDecision, CitizenLetter } from './db/documents';
import {
	decisionDocument,
	decisionPdf,
	documentFileName,
	letterDocument,
	letterPdf,
	pdfResponse,
	slugify
} from './documents';

const town = { ...municipality(), name: 'Sammen Kommune' };

const letter: CitizenLetter = {
	id: '00000000-0000-4000-8000-000000000001',
	subject: 'Indkaldelse til møde',
	body: 'Kære Karl Nielsen\n\nVi indkalder dig til et møde.\n\nVenlig hilsen\nSundhed og Omsorg',
	language: 'da',
	recipientName: 'Karl Nielsen',
	recipientAddress: 'Kirkevej 14, 1. tv.\n9999 Sammenby',
	createdAt: new Date('2026-10-01T09:00:00Z'),
	postedAt: new Date('2026-10-01T14:00:00Z'),
	pdf: null
};

const decision: CitizenDecision = {
	id: '00000000-0000-4000-8000-000000000002',
	title: 'Afgørelse: Du får en mentor',
	titleEn: 'Decision: You will get a mentor',
	body: 'Du får en mentor i seks måneder.',
	bodyEn: 'You will have a mentor for six months.',
	occurredAt: new Date('2026-09-29T09:00:00Z'),
	citizenName: 'Ahmed Hassan',
	authorName: 'Lone Madsen',
	departmentName: 'Jobcenter',
	departmentNameEn: 'Job Centre',
	departmentPhone: '12 34 50 10',
	departmentEmail: 'jobcenter@sammen-kommune.example',
	departmentAddress: 'Stationsvej 4, 9999 Sammenby',
	departmentHours: 'Mandag til torsdag kl. 9.00–15.00'
};

describe('slugify', () => {
	it('writes Danish letters as they are spelt without them', () => {
		expect(slugify('Afgørelse: Boligstøtte')).toBe('afgoerelse-boligstoette');
		expect(slugify('Ærø, Åbenrå og Øster Hæsinge')).toBe('aeroe-aabenraa-og-oester-haesinge');
	});

	it('drops accents and punctuation and never leaves a hyphen at either end', () => {
		expect(slugify('  Café-møde (René) – 12. maj!  ')).toBe('cafe-moede-rene-12-maj');
		expect(slugify('???')).toBe('');
	});

	it('cuts a long subject between words', () => {
		const slug = slugify(
			'Indkaldelse til et langt møde om din hjemmehjælp og din genoptræning i hjemmet'
		);
		expect(slug.length).toBeLessThanOrEqual(60);
		expect(slug).toBe('indkaldelse-til-et-langt-moede-om-din-hjemmehjaelp-og-din');
	});
});

describe('documentFileName', () => {
	it('names the kind, the subject and the Danish date', () => {
		expect(documentFileName('Brev', 'Indkaldelse til møde', new Date('2026-10-01T09:00:00Z'))).toBe(
			'brev-indkaldelse-til-moede-2026-10-01.pdf'
		);
		// 23.30 UTC on 2 November is 00.30 on 3 November in Copenhagen.
		expect(documentFileName('Afgørelse', 'Boligstøtte', new Date('2026-11-02T23:30:00Z'))).toBe(
			'afgoerelse-boligstoette-2026-11-03.pdf'
		);
	});

	it('does not repeat the kind when the subject starts with it', () => {
		expect(
			documentFileName(
				'Afgørelse',
				'Afgørelse: Du får boligstøtte',
				new Date('2026-11-03T10:00:00Z')
			)
		).toBe('afgoerelse-du-faar-boligstoette-2026-11-03.pdf');
		expect(documentFileName('Decision', 'Decision', new Date('2026-11-03T10:00:00Z'))).toBe(
			'decision-2026-11-03.pdf'
		);
	});
});

describe('letters', () => {
	it('are addressed as they were posted, in their own language', () => {
		const document = letterDocument(letter, town);
		expect(document.language).toBe('da');
		expect(document.title).toBe('Indkaldelse til møde');
		expect(document.recipient).toEqual(['Karl Nielsen', 'Kirkevej 14, 1. tv.', '9999 Sammenby']);
		expect(document.note).toBe('Kopi af brevet, som blev sendt med posten 1. oktober 2026.');
	});

	it('serve the stored PDF when there is one, and render one otherwise', async () => {
		const stored = new Uint8Array(Buffer.from('%PDF-1.4 stored'));
		const kept = await letterPdf({ ...letter, pdf: stored }, town);
		expect(kept.bytes).toBe(stored);
		expect(kept.fileName).toBe('brev-indkaldelse-til-moede-2026-10-01.pdf');

		const rendered = await letterPdf(letter, town, { compress: false });
		const pdf = readPdf(rendered.bytes);
		expect(pdf.info.Title).toBe('Indkaldelse til møde');
		expect(pdf.text).toContain('Vi indkalder dig til et møde.');
	});

	it('in English are named in English', async () => {
		const english = await letterPdf({ ...letter, language: 'en', subject: 'Invitation' }, town);
		expect(english.fileName).toBe('letter-invitation-2026-10-01.pdf');
		expect(readPdf(english.bytes).lang).toBe('en');
	});
});

describe('decisions', () => {
	it('are in English for an English reader when they have an English text', async () => {
		const file = await decisionPdf(decision, 'en', town, { compress: false });
		expect(file.fileName).toBe('decision-you-will-get-a-mentor-2026-09-29.pdf');
		const pdf = readPdf(file.bytes);
		expect(pdf.lang).toBe('en');
		expect(pdf.info.Title).toBe('Decision: You will get a mentor');
		expect(pdf.text).toContain('You will have a mentor for six months.');
		expect(pdf.text).toContain('The decision was made by Lone Madsen, Job Centre.');
		expect(pdf.text).toContain('Phone: 12 34 50 10');
	});

	it('are in Danish, and say so, when there is no English text', () => {
		const document = decisionDocument({ ...decision, titleEn: null, bodyEn: null }, 'en', town);
		expect(document.language).toBe('da');
		expect(document.title).toBe('Afgørelse: Du får en mentor');
	});

	it("carry the department's contact details", () => {
		const document = decisionDocument(decision, 'da', town, new Date('2026-11-28T12:00:00Z'));
		expect(document.sections).toEqual([
			{
				heading: 'Har du spørgsmål?',
				lines: [
					'Kontakt Jobcenter.',
					'Telefon: 12 34 50 10',
					'E-mail: jobcenter@sammen-kommune.example',
					'Adresse: Stationsvej 4, 9999 Sammenby',
					'Åbningstid: Mandag til torsdag kl. 9.00–15.00'
				]
			}
		]);
		expect(document.recipient).toEqual(['Ahmed Hassan']);
		expect(document.note).toContain('28. november 2026');
	});
});

describe('pdfResponse', () => {
	it('sends a PDF to save or to show, never to be cached', async () => {
		const file = {
			fileName: 'brev-x-2026-10-01.pdf',
			bytes: new Uint8Array([37, 80, 68, 70]),
			title: 'x'
		};
		const saved = pdfResponse(file, 'attachment');
		expect(saved.headers.get('content-type')).toBe('application/pdf');
		expect(saved.headers.get('content-disposition')).toBe(
			'attachment; filename="brev-x-2026-10-01.pdf"'
		);
		expect(saved.headers.get('cache-control')).toBe('no-store');
		expect(saved.headers.get('x-content-type-options')).toBe('nosniff');
		expect(new Uint8Array(await saved.arrayBuffer())).toEqual(file.bytes);
		expect(pdfResponse(file, 'inline').headers.get('content-disposition')).toBe(
			'inline; filename="brev-x-2026-10-01.pdf"'
		);
	});
});
