// Renders a municipal document (a letter, a decision) as a PDF: the municipality's letterhead,
// the sender's contact details, the recipient, the date, a heading, the text and page numbers.
// The fonts are IBM Plex Sans from Det Fælles Designsystem (SIL Open Font License, see
// fonts/LICENSE-IBMPlexSans.txt), embedded as subsets so the PDF looks the same everywhere and
// Danish letters need no font on the reader's machine.
//
// The PDF is tagged (a structure tree with headings and paragraphs, page numbers as artifacts),
// carries its language and shows its title instead of its file name, so screen readers can read
// it (WCAG applies to documents too).
//
// The fonts are imported with Vite's `?inline`, which turns them into base64 strings inside the
// server bundle: no file paths to resolve at run time, the same in vitest and in the built server.
import PDFDocument from 'pdfkit';
import type { Locale } from '../../i18n/locale';
import { format, t } from '../../i18n/all';
import { formatDateWithYear } from '../../format';
import regularFontUrl from './fonts/IBMPlexSans-Regular.ttf?inline';
import semiBoldFontUrl from './fonts/IBMPlexSans-SemiBold.ttf?inline';

function fromDataUrl(url: string): Buffer {
	return Buffer.from(url.slice(url.indexOf(',') + 1), 'base64');
}

const fonts = {
	regular: fromDataUrl(regularFontUrl),
	semiBold: fromDataUrl(semiBoldFontUrl)
};

export interface PdfSection {
	heading: string;
	lines: string[];
}

export interface PdfDocumentSpec {
	/** The language of the text: the PDF's /Lang, and the language of its page numbers. */
	language: Locale;
	/** The document's title: the heading on the first page and the PDF's /Title. */
	title: string;
	/** The municipality's name, at the top of every first page. */
	letterhead: string;
	/** Lines under the name (the municipality's letterhead text, set by an administrator). */
	letterheadLines?: string[];
	/** The sender under the letterhead: a department's name and how to reach it. */
	sender?: string[];
	/** Name and address of the recipient (a letter's address field). */
	recipient?: string[];
	date: Date;
	/** The text; a blank line starts a new paragraph, a single line break is kept. */
	body: string;
	/** Sections after the text, such as whom to contact. */
	sections?: PdfSection[];
	/** Small print at the end: what this document is. */
	note?: string;
	/** /Author of the PDF (the municipality or department). */
	author?: string;
	/**
	 * 'window': a letter for a window envelope (C5 or DL with the window on the left, DIN 5008 as
	 * Danish printers use it): the recipient in the window field, the sender's details, the date and
	 * `reference` in a column to its right, the text below the window. Default: one column.
	 */
	layout?: 'column' | 'window';
	/** Printed at the left of every page's footer (a letter's reference), beside the page number. */
	footer?: string;
	/** Lines under the date in the window layout's right column (the letter's reference). */
	reference?: string[];
}

/** 1 mm in PDF points. */
export const MM = 72 / 25.4;

/**
 * Where a window envelope's window is on an A4 sheet folded for C5/DL (DIN 5008, form B; Danish
 * print providers use the same field): 20 mm from the left edge, 45 mm from the top, 90 × 45 mm.
 */
export const ENVELOPE_WINDOW = { left: 20 * MM, top: 45 * MM, width: 90 * MM, height: 45 * MM };

export interface RenderOptions {
	/** Compress the content streams (default). Tests turn it off to read the text. */
	compress?: boolean;
}

const MARGIN = 56; // 2 cm
const FOOTER_HEIGHT = 40;
const TEXT_COLOR = '#1a1a1a';
const MUTED_COLOR = '#545454';

export function paragraphs(body: string): string[] {
	return body
		.replace(/\r\n?/g, '\n')
		.split(/\n[ \t]*\n/)
		.map((p) => p.replace(/^\n+|\n+$/g, ''))
		.filter((p) => p.trim() !== '');
}

/** Renders the document; resolves with the PDF's bytes. */
export async function renderPdf(
	spec: PdfDocumentSpec,
	options: RenderOptions = {}
): Promise<Uint8Array> {
	const m = t(spec.language);
	const doc = new PDFDocument({
		size: 'A4',
		margins: { top: MARGIN, left: MARGIN, right: MARGIN, bottom: MARGIN + FOOTER_HEIGHT },
		pdfVersion: '1.7',
		tagged: true,
		lang: spec.language,
		displayTitle: true,
		bufferPages: true,
		compress: options.compress ?? true,
		// The default font would be Helvetica, read from pdfkit's own files: start with ours.
		// pdfkit takes a font's bytes here as everywhere else; its types only say string.
		font: fonts.regular as unknown as string,
		info: {
			Title: spec.title,
			Author: spec.author ?? spec.letterhead,
			Creator: 'Sammen',
			Producer: 'Sammen',
			CreationDate: spec.date
		}
	});
	doc.registerFont('regular', fonts.regular);
	doc.registerFont('semibold', fonts.semiBold);

	const chunks: Buffer[] = [];
	const done = new Promise<Uint8Array>((resolve, reject) => {
		doc.on('data', (chunk: Buffer) => chunks.push(chunk));
		doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
		doc.on('error', reject);
	});

	const width = doc.page.width - MARGIN * 2;
	const root = doc.struct('Document');
	doc.addStructure(root);
	const block = (type: string, draw: () => void) => root.add(doc.struct(type, {}, draw));

	if (spec.layout === 'window') windowHead(doc, spec, block);
	else columnHead(doc, spec, block, width);

	block('H1', () => {
		doc
			.font('semibold')
			.fontSize(16)
			.fillColor(TEXT_COLOR)
			.text(spec.title, MARGIN, doc.y, { width });
	});
	doc.moveDown(0.8);

	for (const paragraph of paragraphs(spec.body)) {
		block('P', () => {
			doc.font('regular').fontSize(11).fillColor(TEXT_COLOR).text(paragraph, { width, lineGap: 3 });
		});
		doc.moveDown(0.8);
	}

	for (const section of spec.sections ?? []) {
		doc.moveDown(0.4);
		block('H2', () => {
			doc.font('semibold').fontSize(12).fillColor(TEXT_COLOR).text(section.heading, { width });
		});
		doc.moveDown(0.3);
		block('P', () => {
			doc
				.font('regular')
				.fontSize(11)
				.fillColor(TEXT_COLOR)
				.text(section.lines.join('\n'), { width, lineGap: 2 });
		});
		doc.moveDown(0.8);
	}

	if (spec.note) {
		doc.moveDown(0.5);
		block('P', () => {
			doc
				.font('regular')
				.fontSize(9)
				.fillColor(MUTED_COLOR)
				.text(spec.note!, { width, lineGap: 1 });
		});
	}
	root.end();

	// Page numbers, once the number of pages is known. They are artifacts: a screen reader skips
	// them, as it skips a printed letter's running footer.
	const range = doc.bufferedPageRange();
	for (let i = range.start; i < range.start + range.count; i++) {
		doc.switchToPage(i);
		const bottom = doc.page.margins.bottom;
		// Writing inside the bottom margin would start a new page; lift it while the footer is drawn.
		doc.page.margins.bottom = 0;
		doc.markContent('Artifact', { type: 'Pagination' });
		if (spec.footer) {
			doc
				.font('regular')
				.fontSize(9)
				.fillColor(MUTED_COLOR)
				.text(spec.footer, MARGIN, doc.page.height - MARGIN, { width, lineBreak: false });
		}
		doc
			.font('regular')
			.fontSize(9)
			.fillColor(MUTED_COLOR)
			.text(
				format(m.documentsPdfPage, { page: i - range.start + 1, pages: range.count }),
				MARGIN,
				doc.page.height - MARGIN,
				{ width, align: 'right', lineBreak: false }
			);
		doc.endMarkedContent();
		doc.page.margins.bottom = bottom;
	}
	doc.end();
	return done;
}

type Block = (type: string, draw: () => void) => void;

/** The one-column head: letterhead, sender, recipient, and the date at the right. */
function columnHead(doc: PDFKit.PDFDocument, spec: PdfDocumentSpec, block: Block, width: number) {
	const m = t(spec.language);
	// Letterhead: the municipality, then the sender's details in a smaller type.
	block('P', () => {
		doc.font('semibold').fontSize(16).fillColor(TEXT_COLOR).text(spec.letterhead, { width });
	});
	if (spec.letterheadLines?.length) {
		block('P', () => {
			doc
				.font('regular')
				.fontSize(9.5)
				.fillColor(MUTED_COLOR)
				.text(spec.letterheadLines!.join('\n'), { width, lineGap: 1 });
		});
		doc.moveDown(0.5);
	}
	if (spec.sender?.length) {
		block('P', () => {
			doc
				.font('regular')
				.fontSize(9.5)
				.fillColor(MUTED_COLOR)
				.text(spec.sender!.join('\n'), { width, lineGap: 1 });
		});
	}
	doc.moveDown(1.5);

	if (spec.recipient?.length) {
		block('P', () => {
			doc
				.font('regular')
				.fontSize(11)
				.fillColor(TEXT_COLOR)
				.text(spec.recipient!.join('\n'), { width, lineGap: 1 });
		});
		doc.moveDown(1.5);
	}

	block('P', () => {
		doc
			.font('regular')
			.fontSize(10.5)
			.fillColor(TEXT_COLOR)
			.text(format(m.documentsPdfDate, { date: formatDateWithYear(spec.date, spec.language) }), {
				width,
				align: 'right'
			});
	});
	doc.moveDown(1);
}

/**
 * The head of a letter for a window envelope. The letterhead sits above the window, the address in
 * it (5 mm inside its edges, so a sheet that slides in the envelope still shows all of it), and the
 * sender's details, date and reference in a column right of the window, never inside it.
 */
function windowHead(doc: PDFKit.PDFDocument, spec: PdfDocumentSpec, block: Block) {
	const m = t(spec.language);
	const w = ENVELOPE_WINDOW;
	const columnX = w.left + w.width + 8 * MM;
	const columnWidth = doc.page.width - MARGIN - columnX;
	block('P', () => {
		doc
			.font('semibold')
			.fontSize(16)
			.fillColor(TEXT_COLOR)
			.text(spec.letterhead, MARGIN, 18 * MM, { width: w.width + 10 * MM, height: 24 * MM });
	});
	if (spec.letterheadLines?.length) {
		// Under the name and above the window, cut short rather than run into the address.
		const top = doc.y;
		const room = w.top - 2 * MM - top;
		if (room > 0) {
			block('P', () => {
				doc
					.font('regular')
					.fontSize(8.5)
					.fillColor(MUTED_COLOR)
					.text(spec.letterheadLines!.join('\n'), MARGIN, top, {
						width: w.width + 10 * MM,
						height: room,
						ellipsis: true
					});
			});
		}
	}
	if (spec.recipient?.length) {
		block('P', () => {
			doc
				.font('regular')
				.fontSize(10.5)
				.fillColor(TEXT_COLOR)
				.text(spec.recipient!.join('\n'), w.left + 5 * MM, w.top + 5 * MM, {
					width: w.width - 10 * MM,
					height: w.height - 10 * MM,
					lineGap: 1,
					ellipsis: true
				});
		});
	}
	const column = [
		...(spec.sender ?? []),
		'',
		format(m.documentsPdfDate, { date: formatDateWithYear(spec.date, spec.language) }),
		...(spec.reference ?? [])
	];
	block('P', () => {
		doc
			.font('regular')
			.fontSize(9)
			.fillColor(TEXT_COLOR)
			.text(column.join('\n'), columnX, w.top, { width: columnWidth, lineGap: 1 });
	});
	// The text starts below the window and below the column, whichever ends later.
	doc.x = MARGIN;
	doc.y = Math.max(w.top + w.height + 10 * MM, doc.y + 8 * MM);
}
