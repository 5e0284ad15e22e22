// Reads back what the tests need from a PDF written by pdfkit: the text (through the fonts'
// ToUnicode maps, since embedded fonts show glyph ids, not characters), the page count, the
// document information, the language and the embedded font files. Compressed streams are
// inflated with node:zlib, so it reads both what the tests render and what the server sends.
// Not a general PDF parser: pdfkit writes plain objects and a plain cross-reference table.
import { inflateSync } from 'node:zlib';

interface PdfObject {
	dict: string;
	stream: Buffer | null;
}

export interface PdfContents {
	/** The text of all pages, one line per text-showing operation, pages separated by \f. */
	text: string;
	pageCount: number;
	info: Record<string, string>;
	lang: string | null;
	/** How many TrueType font files are embedded (/FontFile2). */
	embeddedFonts: number;
	fontNames: string[];
	tagged: boolean;
	/**
	 * Each text-showing operation with where it starts: page (from 1), x from the left edge and the
	 * baseline's distance from the top edge, in points (pdfkit sets each line with its own Tm).
	 */
	runs: { page: number; text: string; x: number; top: number }[];
}

function parseObjects(bytes: Uint8Array): Map<number, PdfObject> {
	const raw = Buffer.from(bytes);
	const text = raw.toString('latin1');
	const objects = new Map<number, PdfObject>();
	const header = /(\d+) 0 obj\s*/g;
	let match: RegExpExecArray | null;
	while ((match = header.exec(text))) {
		const id = Number(match[1]);
		const start = header.lastIndex;
		let end = text.indexOf('endobj', start);
		const streamAt = text.indexOf('stream\n', start);
		if (streamAt === -1 || streamAt > end) {
			objects.set(id, { dict: text.slice(start, end).trim(), stream: null });
		} else {
			// Binary stream data may hold anything, "endobj" too: skip it by its length.
			const dict = text.slice(start, streamAt);
			const length = Number(/\/Length (\d+)/.exec(dict)?.[1] ?? 0);
			const dataStart = streamAt + 'stream\n'.length;
			let data: Buffer = raw.subarray(dataStart, dataStart + length);
			if (/\/Filter \/FlateDecode/.test(dict)) data = inflateSync(data);
			objects.set(id, { dict, stream: data });
			end = text.indexOf('endobj', dataStart + length);
		}
		header.lastIndex = end;
	}
	return objects;
}

/** A PDF literal string's value: escapes resolved, UTF-16BE (with its BOM) decoded. */
function literal(value: string): string {
	const bytes: number[] = [];
	for (let i = 0; i < value.length; i++) {
		const c = value[i]!;
		if (c !== '\\') {
			bytes.push(c.charCodeAt(0));
			continue;
		}
		const next = value[++i]!;
		const escapes: Record<string, number> = { n: 10, r: 13, t: 9, b: 8, f: 12 };
		if (next in escapes) bytes.push(escapes[next]!);
		else if (/[0-7]/.test(next)) {
			const octal = /^[0-7]{1,3}/.exec(value.slice(i))![0];
			bytes.push(parseInt(octal, 8));
			i += octal.length - 1;
		} else bytes.push(next.charCodeAt(0));
	}
	const buffer = Buffer.from(bytes);
	if (buffer[0] === 0xfe && buffer[1] === 0xff) {
		return Buffer.from(buffer.subarray(2)).swap16().toString('utf16le');
	}
	return buffer.toString('latin1');
}

function stringValue(
	dict: string,
	key: string,
	objects: Map<number, PdfObject>
): string | undefined {
	const indirect = new RegExp(`/${key} (\\d+) 0 R`).exec(dict);
	const source = indirect ? `/${key} ${objects.get(Number(indirect[1]))?.dict ?? ''}` : dict;
	const match = new RegExp(`/${key} \\(((?:\\\\.|[^\\\\)])*)\\)`, 's').exec(source);
	return match ? literal(match[1]!) : undefined;
}

function hexToText(hex: string): string {
	const clean = hex.replace(/\s/g, '');
	let out = '';
	for (let i = 0; i < clean.length; i += 4)
		out += String.fromCodePoint(parseInt(clean.slice(i, i + 4), 16));
	return out;
}

/** A ToUnicode CMap as code → text. */
function parseCMap(cmap: string): Map<number, string> {
	const map = new Map<number, string>();
	for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
		for (const [, code, target] of block[1]!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F\s]+)>/g)) {
			map.set(parseInt(code!, 16), hexToText(target!));
		}
	}
	for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
		const ranges = block[1]!.matchAll(
			/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(\[[^\]]*\]|<[0-9a-fA-F\s]+>)/g
		);
		for (const [, low, high, target] of ranges) {
			const from = parseInt(low!, 16);
			const to = parseInt(high!, 16);
			if (target!.startsWith('[')) {
				// A ligature maps to several characters: <0066 0069> is "fi".
				const items = [...target!.matchAll(/<([0-9a-fA-F\s]+)>/g)].map((m) => hexToText(m[1]!));
				items.forEach((value, index) => map.set(from + index, value));
			} else {
				const first = parseInt(target!.slice(1, -1), 16);
				for (let code = from; code <= to; code++)
					map.set(code, String.fromCodePoint(first + code - from));
			}
		}
	}
	return map;
}

function ref(dict: string, key: string): number | null {
	const match = new RegExp(`/${key} (\\d+) 0 R`).exec(dict);
	return match ? Number(match[1]) : null;
}

export function readPdf(bytes: Uint8Array): PdfContents {
	const head = Buffer.from(bytes.subarray(0, 5)).toString('latin1');
	if (head !== '%PDF-') throw new Error('not a PDF');
	const objects = parseObjects(bytes);
	const all = [...objects.values()];
	const trailer = Buffer.from(bytes).toString('latin1').split('trailer').at(-1) ?? '';

	const infoId = ref(trailer, 'Info');
	const infoDict = infoId !== null ? (objects.get(infoId)?.dict ?? '') : '';
	const info: Record<string, string> = {};
	for (const key of ['Title', 'Author', 'Subject', 'Creator', 'Producer']) {
		const value = stringValue(infoDict, key, objects);
		if (value !== undefined) info[key] = value;
	}
	const rootId = ref(trailer, 'Root');
	const catalog = rootId !== null ? (objects.get(rootId)?.dict ?? '') : '';

	// Font resource name (/F1) → the code-to-text map of its ToUnicode CMap.
	const fontMaps = new Map<string, Map<number, string>>();
	const fontNames: string[] = [];
	for (const object of all) {
		for (const [, name, id] of object.dict.matchAll(/\/(F\d+) (\d+) 0 R/g)) {
			if (fontMaps.has(name!)) continue;
			const font = objects.get(Number(id));
			const toUnicode = font ? ref(font.dict, 'ToUnicode') : null;
			const cmap = toUnicode !== null ? objects.get(toUnicode)?.stream : null;
			fontMaps.set(name!, cmap ? parseCMap(cmap.toString('latin1')) : new Map());
			const baseFont = font ? /\/BaseFont \/(\S+)/.exec(font.dict)?.[1] : undefined;
			if (baseFont) fontNames.push(baseFont);
		}
	}

	const pages = all.filter((o) => /\/Type \/Page\b(?!s)/.test(o.dict));
	const runs: PdfContents['runs'] = [];
	const pageTexts = pages.map((page, pageIndex) => {
		const contentId = ref(page.dict, 'Contents');
		const content = contentId !== null ? objects.get(contentId)?.stream : null;
		if (!content) return '';
		const mediaBox = /\/MediaBox \[\s*[\d.]+ [\d.]+ [\d.]+ ([\d.]+)\s*\]/.exec(page.dict);
		const height = Number(mediaBox?.[1] ?? 0);
		let font = new Map<number, string>();
		let at = { x: 0, y: 0 };
		const lines: string[] = [];
		const ops = content
			.toString('latin1')
			.matchAll(
				/\/(F\d+) [\d.]+ Tf|\[((?:<[0-9a-fA-F]*>|[^\]])*)\] TJ|<([0-9a-fA-F]*)> Tj|[-\d.]+ [-\d.]+ [-\d.]+ [-\d.]+ ([-\d.]+) ([-\d.]+) Tm/g
			);
		for (const [, fontName, array, single, tmX, tmY] of ops) {
			if (tmX !== undefined) {
				at = { x: Number(tmX), y: Number(tmY) };
				continue;
			}
			if (fontName) {
				font = fontMaps.get(fontName) ?? new Map();
				continue;
			}
			const hexes =
				array !== undefined
					? [...array.matchAll(/<([0-9a-fA-F]*)>/g)].map((m) => m[1]!)
					: [single!];
			let line = '';
			for (const hex of hexes) {
				for (let i = 0; i < hex.length; i += 4)
					line += font.get(parseInt(hex.slice(i, i + 4), 16)) ?? '\uFFFD';
			}
			lines.push(line);
			runs.push({ page: pageIndex + 1, text: line, x: at.x, top: height - at.y });
		}
		return lines.join('\n');
	});

	return {
		text: pageTexts.join('\n\f\n'),
		pageCount: pages.length,
		runs,
		info,
		lang: stringValue(catalog, 'Lang', objects) ?? null,
		embeddedFonts: all.filter((o) => /\/FontFile2 \d+ 0 R/.test(o.dict)).length,
		fontNames,
		tagged:
			/\/StructTreeRoot \d+ 0 R/.test(catalog) &&
			/\/Marked true/.test(all.map((o) => o.dict).join('\n'))
	};
}

/** The text with every run of white space as one space, for phrases that wrap across lines. */
export function flatText(pdf: PdfContents): string {
	return pdf.text.replace(/\s+/g, ' ');
}
