// The hostile texts of stored-xss.spec.ts and the checks that find out whether one did anything
// where it is shown: in a page (Chromium: no element, attribute or script of its own), a CSV file
// (no cell a spreadsheet would read as a formula), a calendar file (no line of its own) and an
// e-mail (no header of its own). docs/SECURITY.md: "The pages".
import type { Page } from 'playwright-core';

/**
 * The part of every hostile text that a page must show as text: a script, an element with an
 * event handler after closing an attribute, and template syntax. `code` names the field it was
 * written through, so a page can say which field it shows.
 */
export function core(code: string): string {
	return `<script>alert('xss:${code}')</script>"><img src=x onerror=alert('xss:${code}')>{{7*7}}\${7*7}`;
}

/** The starts a spreadsheet reads as a formula (OWASP, CSV injection), one per field in turn. */
const LEADS = [
	'=HYPERLINK("https://evil.example","x")',
	"+cmd|' /C calc'!A0",
	'-2+3+cmd|x!A0',
	'@SUM(1+1)'
] as const;

/** A hostile text for a short field (100 characters): a formula, then the core. */
export function hostileShort(code: string): string {
	return `=${core(code)}`;
}

/** A hostile one-line text: a formula first, then the core, then a javascript: URL. */
export function hostile(code: string, lead: number): string {
	return `${LEADS[lead % LEADS.length]} ${core(code)} javascript:alert('xss:${code}')`;
}

/**
 * A hostile text of several lines, for the fields that take them: after the first line, lines that
 * would be an e-mail header, a calendar property and a CSV row of their own if they were copied as
 * they are. `newline` is what separates them (a form turns CRLF and CR into LF; the API does not).
 */
export function hostileLines(code: string, lead: number, newline = '\n'): string {
	return [
		hostile(code, lead),
		'Bcc: evil@example.com',
		'ATTENDEE;CN=Evil:mailto:evil@example.com',
		'"";"=1+1";"@x"'
	].join(newline);
}

/** What Chromium found in a page that the hostile texts could have put there. */
export interface PageFindings {
	/** Every text a reader can see or a form holds: the body's text, the title, fields, options, labels. */
	haystack: string;
	/** Elements with an event handler attribute (on…=): the app renders none. */
	handlers: string[];
	/** <img src="x">, the hostile texts' element. */
	injectedImages: number;
	/** Script elements whose code is a hostile text's. */
	injectedScripts: number;
	/** Links, forms and frames to a javascript: URL. */
	scriptUrls: string[];
}

export async function inspectPage(page: Page): Promise<PageFindings> {
	return page.evaluate(() => {
		const parts = [document.title, document.body.innerText];
		for (const field of document.querySelectorAll('input, textarea')) {
			parts.push((field as HTMLInputElement).value);
		}
		for (const option of document.querySelectorAll('option')) parts.push(option.textContent ?? '');
		for (const element of document.querySelectorAll('[title], [aria-label], [alt]')) {
			for (const name of ['title', 'aria-label', 'alt']) {
				const value = element.getAttribute(name);
				if (value) parts.push(value);
			}
		}
		const all = [...document.querySelectorAll('*')];
		const handlers = all.flatMap((element) =>
			[...element.attributes]
				.filter((attribute) => /^on/i.test(attribute.name))
				.map((attribute) => `${element.tagName.toLowerCase()}[${attribute.name}]`)
		);
		const scriptUrls = all.flatMap((element) =>
			['href', 'src', 'action', 'formaction', 'xlink:href']
				.map((name) => element.getAttribute(name))
				.filter((value): value is string => !!value && /^\s*javascript:/i.test(value))
		);
		return {
			haystack: parts.join('\n'),
			handlers,
			injectedImages: document.querySelectorAll('img[src="x"]').length,
			// The app's own scripts carry its data as JSON, the hostile texts in it as strings: a
			// script of the hostile texts' own is one whose code is theirs.
			injectedScripts: [...document.scripts].filter((s) =>
				/^\s*alert\('xss:/.test(s.textContent ?? '')
			).length,
			scriptUrls
		};
	});
}

/** The codes of the hostile texts a text shows, by their core. */
export function codesIn(text: string, codes: readonly string[]): string[] {
	return codes.filter((code) => text.includes(core(code)));
}

/** A CSV file as Excel reads it (RFC 4180 quoting, `separator` between fields), BOM removed. */
export function parseCsv(text: string, separator = ';'): string[][] {
	const rows: string[][] = [];
	let row: string[] = [];
	let field = '';
	let quoted = false;
	let i = text.startsWith('\uFEFF') ? 1 : 0;
	for (; i < text.length; i++) {
		const c = text[i]!;
		if (quoted) {
			if (c === '"' && text[i + 1] === '"') {
				field += '"';
				i++;
			} else if (c === '"') quoted = false;
			else field += c;
		} else if (c === '"') quoted = true;
		else if (c === separator) {
			row.push(field);
			field = '';
		} else if (c === '\r' && text[i + 1] === '\n') {
			row.push(field);
			rows.push(row);
			row = [];
			field = '';
			i++;
		} else field += c;
	}
	if (field !== '' || row.length > 0) {
		row.push(field);
		rows.push(row);
	}
	return rows;
}

/** A cell a spreadsheet would take for a formula (OWASP's list), after Excel trims spaces. */
export function isFormula(cell: string): boolean {
	return /^[=+\-@\t\r]/.test(cell) || /^\s+[=+\-@]/.test(cell);
}

/** Every field of a CSV file's raw text is quoted: a separator or line break in one stays in it. */
export function everyFieldQuoted(text: string, separator = ';'): boolean {
	const body = text.replace(/^\uFEFF/, '');
	// Outside quotes only separators and CRLF may stand between quoted fields.
	const field = '"(?:[^"]|"")*"';
	const line = `${field}(?:${separator}${field})*`;
	return new RegExp(`^(?:${line}\\r\\n)+$`).test(body);
}

/**
 * What is wrong with a calendar file's lines (RFC 5545 3.1): a CR or LF that does not end a line,
 * another control character, or a property outside those Sammen writes.
 */
export function calendarProblems(body: string): string[] {
	const problems: string[] = [];
	if (!body.endsWith('\r\n')) problems.push('the file does not end with CRLF');
	const physical = body.slice(0, -2).split('\r\n');
	for (const line of physical) {
		if (/[\r\n]/.test(line)) problems.push(`a CR or LF inside a line: ${JSON.stringify(line)}`);
		// eslint-disable-next-line no-control-regex -- looking for control characters
		if (/[\u0000-\u0008\u000a-\u001f\u007f]/.test(line)) {
			problems.push(`a control character in a line: ${JSON.stringify(line)}`);
		}
	}
	const written = new Set([
		'BEGIN',
		'END',
		'VERSION',
		'CALSCALE',
		'PRODID',
		'METHOD',
		'X-PUBLISHED-TTL',
		'UID',
		'SUMMARY',
		'DTSTAMP',
		'DTSTART',
		'DTEND',
		'DESCRIPTION',
		'URL',
		'LOCATION',
		'STATUS'
	]);
	for (const line of unfoldCalendar(body)) {
		const name = /^[A-Za-z0-9-]+/.exec(line)?.[0] ?? line;
		if (!written.has(name.toUpperCase())) problems.push(`a property of its own: ${line}`);
	}
	return problems;
}

/** The content lines of a calendar file, folded lines joined again (RFC 5545 3.1). */
export function unfoldCalendar(body: string): string[] {
	return body
		.replace(/\r\n[ \t]/g, '')
		.split('\r\n')
		.filter((line) => line !== '');
}

/** A TEXT value as a calendar file writes it (RFC 5545 3.3.11). */
export function calendarEscaped(text: string): string {
	return text
		.replace(/\\/g, '\\\\')
		.replace(/\r\n?|\n/g, '\\n')
		.replace(/;/g, '\\;')
		.replace(/,/g, '\\,');
}

/** An e-mail's header lines, folded lines joined (RFC 5322 2.2.3). */
export function mailHeaders(raw: string): string[] {
	const head = raw.split(/\r?\n\r?\n/)[0] ?? '';
	return head
		.replace(/\r?\n[ \t]+/g, ' ')
		.split(/\r?\n/)
		.filter((line) => line !== '');
}
