// Stored XSS is inert (docs/SECURITY.md, "The pages"): a hostile text (a script, an element with an
// event handler after a closed attribute, template syntax, a javascript: URL, a spreadsheet
// formula, lines that would be an e-mail header or a calendar property) is written through every
// free-text field a citizen, a member of staff, an administrator or a department system (the API)
// can write, and read back from every place that shows it: the pages in Chromium (no element,
// handler or script of its own, no dialog, no CSP refusal; the text shown as text; axe still
// passes), the server's HTML (escaped), the PDF letters and decisions (the text as written), the
// calendar files (no line of its own), the CSV files (no cell a spreadsheet reads as a formula)
// and the e-mails and SMS (no header of their own; they carry none of the text). FIELDS below is
// the table of what is written where and each place it is checked. The file changes data, so it
// runs a server of its own, with a test SMTP server and SMS provider.
import http from 'node:http';
import { strFromU8, unzipSync } from 'fflate';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import * as clock from '../../src/lib/server/clock';
import { createApiKey } from '../../src/lib/server/db/api-keys';
import { demoIds, DEMO_CITIZENS } from '../../src/lib/server/seed/demo';
import type { CitizenName, StaffName } from '../../src/lib/server/seed/demo-data';
import { DemoClock } from '../../src/lib/server/seed/demo-time';
import { flatText, readPdf } from '../pdf-reader';
import { startSmtpServer, type TestSmtpServer } from '../smtp';
import { expectNoAxeViolations, launchBrowser } from './browser';
import type { CookieBrowser } from './oidc-flow';
import { openPage, type OpenPage } from './open-page';
import { loginCitizen } from './portal';
import { startSeededServer, type SeededServer } from './seeded-server';
import { loginStaff } from './staff';
import {
	calendarEscaped,
	calendarProblems,
	codesIn,
	core,
	everyFieldQuoted,
	hostile,
	hostileLines,
	hostileShort,
	inspectPage,
	isFormula,
	mailHeaders,
	parseCsv,
	unfoldCalendar
} from './stored-xss.payloads';
import { citizenSub } from '../../src/lib/server/demo-idp/instance';

const chromium = inject('chromium');
const days = new DemoClock(clock.now());

const maja = demoIds.citizen('Maja Jensen');
const karl = demoIds.citizen('Karl Nielsen');
const majaJourney = demoIds.journey('maja');
const karlJourney = demoIds.journey('karl');
const jobcenter = demoIds.department('jobcenter');
const socialforvaltningen = demoIds.department('socialforvaltningen');
const mette = demoIds.staff('Mette Larsen');
const pastMeeting = '5a3b0c1d-0000-4000-8000-00000000e551';

// ---------------------------------------------------------------------------------------------
// What is written where, and where it is read back.

/** The places a hostile text is read back from. */
type Output =
	// Pages, by the person who opens them (Chromium, and the server's HTML).
	| 'maja:/'
	| 'maja:/forloeb'
	| 'maja:/beskeder'
	| 'maja:/moeder'
	| 'maja:/moeder/form'
	| 'maja:/moeder/api'
	| 'maja:/opgaver'
	| 'maja:/opgaver/task'
	| 'maja:/dokumenter'
	| 'maja:/indsigt'
	| 'maja:/mine-data'
	| 'maja:/mine-data/udskriv'
	| 'maja:/samtykke'
	// Maja's pages in English (the language switch), where the English texts are shown.
	| 'maja-en:/'
	| 'maja-en:/forloeb'
	| 'karl:/forloeb'
	| 'karl:/dokumenter'
	| 'mette:/staff'
	| 'mette:/staff/borger'
	| 'mette:/staff/forloeb'
	| 'mette:/staff/beskeder'
	| 'mette:/staff/koordinering'
	| 'mette:/staff/moeder/form'
	| 'mette:/staff/moeder/past'
	| 'mette:/staff/samtykke'
	| 'mette:/staff/repraesentanter'
	| 'lone:/staff/soeg'
	| 'hanne:/staff/analog'
	| 'anders:/staff/admin/kommune'
	| 'anders:/staff/admin/afdelinger'
	| 'anders:/staff/admin/afdelinger/id'
	| 'anders:/staff/admin/medarbejdere'
	| 'anders:/staff/admin/medarbejdere/id'
	| 'anders:/staff/admin/noegler'
	| 'anders:/staff/post'
	| 'birgitte:/staff/logning'
	// Files.
	| 'pdf:decision'
	| 'pdf:karl-letters'
	| 'ics:form'
	| 'ics:api'
	| 'csv:audit'
	| 'csv:manifest'
	| 'json:mine-data'
	| 'json:manifest'
	| 'mail'
	| 'sms';

interface Field {
	/** The code in its hostile text (core()), which says which field a page shows. */
	code: string;
	field: string;
	/** Who writes it, and how. */
	by: string;
	text: string;
	shownIn: Output[];
}

let lead = 0;
function field(
	code: string,
	name: string,
	by: string,
	shownIn: Output[],
	kind: 'line' | 'lines' | 'api-lines' | 'short' = 'line'
): Field {
	const text =
		kind === 'short'
			? hostileShort(code)
			: kind === 'line'
				? hostile(code, lead)
				: hostileLines(code, lead, kind === 'api-lines' ? '\r\n' : '\n');
	lead++;
	return { code, field: name, by, text, shownIn };
}

/** The pages checked: the municipality's name, address and opening hours are in every footer. */
const ALL_PAGES: Output[] = [
	'maja:/',
	'maja:/forloeb',
	'maja:/beskeder',
	'maja:/moeder',
	'maja:/moeder/form',
	'maja:/moeder/api',
	'maja:/opgaver',
	'maja:/opgaver/task',
	'maja:/dokumenter',
	'maja:/indsigt',
	'maja:/mine-data',
	'maja:/mine-data/udskriv',
	'maja:/samtykke',
	'maja-en:/',
	'maja-en:/forloeb',
	'karl:/forloeb',
	'karl:/dokumenter',
	'mette:/staff',
	'mette:/staff/borger',
	'mette:/staff/forloeb',
	'mette:/staff/beskeder',
	'mette:/staff/koordinering',
	'mette:/staff/moeder/form',
	'mette:/staff/moeder/past',
	'mette:/staff/samtykke',
	'mette:/staff/repraesentanter',
	'lone:/staff/soeg',
	'hanne:/staff/analog',
	'anders:/staff/admin/kommune',
	'anders:/staff/admin/afdelinger',
	'anders:/staff/admin/afdelinger/id',
	'anders:/staff/admin/medarbejdere',
	'anders:/staff/admin/medarbejdere/id',
	'anders:/staff/admin/noegler',
	'anders:/staff/post',
	'birgitte:/staff/logning'
];

/** What Maja's data holds: the printable page and the JSON file. */
const MY_DATA: Output[] = ['maja:/mine-data/udskriv', 'json:mine-data'];

/**
 * The table: each free-text field, who writes it and how, and every output it is checked in.
 * Maja Jensen's journey is the digital one, Karl Nielsen's the analog one (his letters are PDFs).
 */
const FIELDS = [
	// An administrator (Anders Berg), in the admin pages.
	field('A01', 'municipality name', 'admin form', [
		...ALL_PAGES,
		'pdf:decision',
		'pdf:karl-letters',
		'json:mine-data',
		'json:manifest'
	]),
	field('A02', 'municipality address', 'admin form', [
		...ALL_PAGES,
		'pdf:karl-letters',
		'json:mine-data'
	]),
	field(
		'A03',
		'municipality opening hours',
		'admin form',
		ALL_PAGES.filter((o) => !o.startsWith('maja-en:'))
	),
	field(
		'A04',
		'municipality letterhead',
		'admin form',
		['anders:/staff/admin/kommune', 'pdf:decision', 'pdf:karl-letters'],
		'lines'
	),
	field('A05', 'department name (Jobcenter)', 'admin form', [
		'maja:/',
		'maja:/forloeb',
		'maja:/opgaver',
		'maja:/opgaver/task',
		'maja:/dokumenter',
		'maja:/indsigt',
		'maja:/samtykke',
		...MY_DATA,
		'mette:/staff',
		'mette:/staff/borger',
		'mette:/staff/forloeb',
		'mette:/staff/koordinering',
		'mette:/staff/samtykke',
		'mette:/staff/repraesentanter',
		'anders:/staff/admin/afdelinger',
		'anders:/staff/admin/afdelinger/id',
		'anders:/staff/admin/medarbejdere',
		'anders:/staff/admin/medarbejdere/id',
		'anders:/staff/admin/noegler',
		'birgitte:/staff/logning',
		'pdf:decision',
		'csv:audit',
		'maja:/moeder/api'
	]),
	field('A06', 'department address', 'admin form', [
		'anders:/staff/admin/afdelinger/id',
		'pdf:decision'
	]),
	field('A07', 'department opening hours', 'admin form', ['anders:/staff/admin/afdelinger/id']),
	field('A08', 'staff name (Mette Larsen)', 'admin form', [
		'maja:/',
		'maja:/forloeb',
		'maja:/beskeder',
		'maja:/moeder/form',
		...MY_DATA,
		'mette:/staff',
		'mette:/staff/borger',
		'mette:/staff/forloeb',
		'mette:/staff/beskeder',
		'mette:/staff/koordinering',
		'mette:/staff/moeder/form',
		'mette:/staff/moeder/past',
		'mette:/staff/samtykke',
		'mette:/staff/repraesentanter',
		'anders:/staff/admin/medarbejdere',
		'anders:/staff/admin/medarbejdere/id',
		'birgitte:/staff/logning',
		'csv:audit',
		'maja-en:/',
		'maja-en:/forloeb'
	]),
	field('A09', 'API key name', 'admin form', ['anders:/staff/admin/noegler']),
	// A department system, through the API.
	field('B01', "citizen's name (Maja)", 'API POST /citizens', [
		...ALL_PAGES.filter((o) => o.startsWith('maja') || o.startsWith('mette:')),
		'birgitte:/staff/logning',
		'pdf:decision',
		'json:mine-data',
		'csv:audit'
	]),
	field('B02', "citizen's name (analog Karl)", 'API POST /citizens', [
		'karl:/forloeb',
		'karl:/dokumenter',
		'hanne:/staff/analog',
		'anders:/staff/post',
		'birgitte:/staff/logning',
		'pdf:karl-letters',
		'csv:audit',
		'csv:manifest'
	]),
	// In the letters only as far as the envelope's window holds (a 170-character name fills it):
	// the print batch's manifest has them whole.
	field('B03', "citizen's c/o name (Karl)", 'API POST /citizens', [
		'hanne:/staff/analog',
		'csv:manifest'
	]),
	field('B04', "citizen's address (Karl)", 'API POST /citizens', [
		'hanne:/staff/analog',
		'csv:manifest'
	]),
	field('B05', 'case title (Socialforvaltningen)', 'API PUT /cases', [
		'maja:/',
		...MY_DATA,
		'mette:/staff',
		'mette:/staff/borger',
		'mette:/staff/forloeb',
		'mette:/staff/koordinering'
	]),
	field('B06', "case's next step", 'API PUT /cases', [
		'maja:/',
		...MY_DATA,
		'mette:/staff',
		'mette:/staff/borger',
		'mette:/staff/forloeb'
	]),
	field('B07', 'timeline entry title', 'API POST /timeline', [
		'maja:/forloeb',
		...MY_DATA,
		'mette:/staff/forloeb',
		'maja-en:/forloeb'
	]),
	field(
		'B08',
		'timeline entry text',
		'API POST /timeline',
		['maja:/forloeb', ...MY_DATA, 'mette:/staff/forloeb', 'maja-en:/forloeb'],
		'api-lines'
	),
	field('B09', 'meeting title', 'API PUT /meetings', [
		'maja:/forloeb',
		'maja:/moeder',
		'maja:/moeder/api',
		...MY_DATA,
		'mette:/staff/forloeb',
		'ics:api',
		'maja-en:/forloeb'
	]),
	field(
		'B10',
		'meeting place',
		'API PUT /meetings',
		[
			'maja:/forloeb',
			'maja:/moeder',
			'maja:/moeder/api',
			...MY_DATA,
			'mette:/staff/forloeb',
			'ics:api',
			'maja-en:/forloeb'
		],
		'api-lines'
	),
	field(
		'B11',
		'meeting agenda',
		'API PUT /meetings',
		['maja:/moeder/api', ...MY_DATA, 'ics:api'],
		'api-lines'
	),
	field('B12', 'meeting: what to bring', 'API PUT /meetings', [
		'maja:/moeder/api',
		...MY_DATA,
		'ics:api'
	]),
	field('B13', "timeline entry title (Karl's letter)", 'API POST /timeline', [
		'karl:/forloeb',
		'karl:/dokumenter',
		'pdf:karl-letters'
	]),
	field(
		'B14',
		"timeline entry text (Karl's letter)",
		'API POST /timeline',
		['karl:/forloeb', 'pdf:karl-letters'],
		'api-lines'
	),
	// Staff, in the workspace's forms.
	field('C01', 'decision title', 'staff form (new entry)', [
		'maja:/forloeb',
		'maja:/dokumenter',
		...MY_DATA,
		'mette:/staff/forloeb',
		'pdf:decision'
	]),
	field(
		'C02',
		'decision text',
		'staff form (new entry)',
		['maja:/forloeb', ...MY_DATA, 'mette:/staff/forloeb', 'pdf:decision'],
		'lines'
	),
	field('C03', 'task title', 'staff form (new entry)', [
		'maja:/forloeb',
		'maja:/opgaver',
		'maja:/opgaver/task',
		...MY_DATA,
		'mette:/staff/forloeb',
		'maja-en:/forloeb'
	]),
	field(
		'C04',
		'task text',
		'staff form (new entry)',
		['maja:/forloeb', 'maja:/opgaver/task', ...MY_DATA, 'mette:/staff/forloeb', 'maja-en:/forloeb'],
		'lines'
	),
	field('C05', "status change's next step", 'staff form (new entry)', [
		'maja:/',
		...MY_DATA,
		'mette:/staff',
		'mette:/staff/borger',
		'mette:/staff/forloeb',
		'maja-en:/'
	]),
	field('C06', 'plan goal title', 'staff form (coordination)', [
		'maja:/forloeb',
		...MY_DATA,
		'mette:/staff/forloeb',
		'mette:/staff/koordinering',
		'maja-en:/forloeb'
	]),
	field(
		'C07',
		'plan goal description',
		'staff form (coordination)',
		[
			'maja:/forloeb',
			...MY_DATA,
			'mette:/staff/forloeb',
			'mette:/staff/koordinering',
			'maja-en:/forloeb'
		],
		'lines'
	),
	field('C08', 'meeting title', 'staff form (plan meeting)', [
		'maja:/forloeb',
		'maja:/moeder',
		'maja:/moeder/form',
		...MY_DATA,
		'mette:/staff/forloeb',
		'mette:/staff/moeder/form',
		'ics:form',
		'maja-en:/forloeb'
	]),
	field('C09', 'meeting place', 'staff form (plan meeting)', [
		'maja:/forloeb',
		'maja:/moeder',
		'maja:/moeder/form',
		...MY_DATA,
		'mette:/staff/forloeb',
		'mette:/staff/moeder/form',
		'ics:form',
		'maja-en:/forloeb'
	]),
	field(
		'C10',
		'meeting agenda',
		'staff form (plan meeting)',
		['maja:/moeder/form', ...MY_DATA, 'mette:/staff/moeder/form', 'ics:form'],
		'lines'
	),
	field(
		'C11',
		'meeting: what to bring',
		'staff form (plan meeting)',
		['maja:/moeder/form', ...MY_DATA, 'mette:/staff/moeder/form', 'ics:form'],
		'lines'
	),
	field('C12', "meeting: outside participant's name", 'staff form (plan meeting)', [
		'maja:/moeder/form',
		...MY_DATA,
		'mette:/staff/moeder/form'
	]),
	field('C13', "meeting: outside participant's role", 'staff form (plan meeting)', [
		'maja:/moeder/form',
		...MY_DATA,
		'mette:/staff/moeder/form'
	]),
	field(
		'C14',
		'meeting minutes',
		'staff form (minutes)',
		[
			'maja:/forloeb',
			...MY_DATA,
			'mette:/staff/forloeb',
			'mette:/staff/moeder/past',
			'maja-en:/forloeb'
		],
		'lines'
	),
	field(
		'C15',
		'message to the citizen',
		'staff form (messages)',
		['maja:/beskeder', ...MY_DATA, 'mette:/staff/beskeder'],
		'lines'
	),
	field('C16', 'consent: witness', 'staff form (consent)', [
		'maja:/mine-data/udskriv',
		'mette:/staff/samtykke',
		'json:mine-data'
	]),
	field(
		'C17',
		'consent: note',
		'staff form (consent)',
		['mette:/staff/samtykke', ...MY_DATA],
		'lines'
	),
	field('C18', "representative's name", 'staff form (representatives)', [
		...MY_DATA,
		'mette:/staff/repraesentanter',
		'birgitte:/staff/logning',
		'csv:audit'
	]),
	field('C19', "representation's reference", 'staff form (representatives)', [
		...MY_DATA,
		'mette:/staff/repraesentanter'
	]),
	field('C20', 'analog flag: note', 'staff form (analog)', ['hanne:/staff/analog'], 'lines'),
	field('C21', 'note title (to analog Karl)', 'staff form (new entry)', [
		'karl:/forloeb',
		'karl:/dokumenter',
		'pdf:karl-letters'
	]),
	field(
		'C22',
		'note text (to analog Karl)',
		'staff form (new entry)',
		['karl:/forloeb', 'pdf:karl-letters'],
		'lines'
	),
	field('C23', 'search purpose', 'staff form (search)', [
		'maja:/indsigt',
		...MY_DATA,
		'birgitte:/staff/logning',
		'csv:audit'
	]),
	field(
		'C24',
		'search text (no match)',
		'staff form (search)',
		['lone:/staff/soeg', 'birgitte:/staff/logning', 'csv:audit'],
		'short'
	),
	// The citizen (Maja Jensen), in the portal's forms.
	field(
		'D01',
		'message to the municipality',
		'citizen form (messages)',
		['maja:/beskeder', ...MY_DATA, 'mette:/staff/beskeder'],
		'lines'
	),
	field('D02', 'meeting answer: reason', 'citizen form (meeting)', [
		'maja:/forloeb',
		'maja:/moeder/form',
		...MY_DATA,
		'mette:/staff/forloeb',
		'mette:/staff/moeder/form',
		'maja-en:/forloeb'
	]),
	field(
		'D03',
		'task done: comment',
		'citizen form (task)',
		['maja:/forloeb', 'maja:/opgaver/task', ...MY_DATA, 'mette:/staff/forloeb', 'maja-en:/forloeb'],
		'lines'
	),
	// The English texts, which English readers are shown instead of the Danish ones.
	field('E01', 'municipality opening hours (English)', 'admin form', [
		'maja-en:/',
		'maja-en:/forloeb',
		'anders:/staff/admin/kommune'
	]),
	field('E02', 'department name (English)', 'admin form', [
		'maja-en:/',
		'maja-en:/forloeb',
		'anders:/staff/admin/afdelinger/id',
		'json:mine-data'
	]),
	field('E03', 'case title (English)', 'API PUT /cases', ['maja-en:/', 'json:mine-data']),
	field('E04', "case's next step (English)", 'API PUT /cases', ['maja-en:/', 'json:mine-data']),
	field('E05', 'decision title (English)', 'staff form (new entry)', [
		'maja-en:/forloeb',
		'json:mine-data'
	]),
	field(
		'E06',
		'decision text (English)',
		'staff form (new entry)',
		['maja-en:/forloeb', 'json:mine-data'],
		'lines'
	)
] as const satisfies readonly Field[];

type Code = (typeof FIELDS)[number]['code'];
const CODES: readonly string[] = FIELDS.map((f) => f.code);
function fieldOf(code: string): Field {
	const found = FIELDS.find((f) => f.code === code);
	if (!found) throw new Error(`No field ${code}`);
	return found;
}
const text = (code: Code) => fieldOf(code).text;

/** The codes each output should show, from the table. */
function expectedIn(output: Output): string[] {
	return FIELDS.filter((f) => (f.shownIn as readonly Output[]).includes(output)).map((f) => f.code);
}

/** Checks done, by output, for the summary. */
const checked = new Map<Output, { codes: string[]; inert: boolean }>();
function record(output: Output, codes: string[]): void {
	checked.set(output, { codes, inert: true });
}

// ---------------------------------------------------------------------------------------------
// The server, its mail and SMS, and the people.

interface SmsProvider {
	url: string;
	received: { to: string; text: string }[];
	close(): Promise<void>;
}

async function startSmsProvider(): Promise<SmsProvider> {
	const received: SmsProvider['received'] = [];
	const server = http.createServer((req, res) => {
		let body = '';
		req.on('data', (chunk) => (body += chunk));
		req.on('end', () => {
			received.push(JSON.parse(body) as { to: string; text: string });
			res.writeHead(202, { 'content-type': 'application/json' });
			res.end(JSON.stringify({ id: `sms-${received.length}` }));
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const address = server.address();
	const port = typeof address === 'object' && address ? address.port : 0;
	return {
		url: `http://127.0.0.1:${port}/messages`,
		received,
		close: () => new Promise((resolve) => server.close(() => resolve()))
	};
}

let server: SeededServer;
let smtp: TestSmtpServer;
let sms: SmsProvider;
let baseUrl: string;
const keys = { job: '', social: '', health: '' };
/** Ids learnt while writing: the meetings, the task, the decision. */
const ids = { formMeeting: '', apiMeeting: '', task: '', decision: '' };

beforeAll(async () => {
	smtp = await startSmtpServer();
	sms = await startSmsProvider();
	server = await startSeededServer(
		async (db) => {
			const anders = demoIds.staff('Anders Berg');
			keys.job = (
				await createApiKey(db, {
					departmentId: jobcenter,
					name: 'Fagsystem',
					createdByStaffId: anders
				})
			).key;
			keys.social = (
				await createApiKey(db, {
					departmentId: socialforvaltningen,
					name: 'Socialsystem',
					createdByStaffId: anders
				})
			).key;
			keys.health = (
				await createApiKey(db, {
					departmentId: demoIds.department('sundhed-og-omsorg'),
					name: 'Omsorgssystem',
					createdByStaffId: anders
				})
			).key;
			// A meeting that has been held, so that its minutes can be written.
			const start = new Date(clock.now().getTime() - 2 * 3600_000);
			await db
				.insertInto('meetings')
				.values({
					id: pastMeeting,
					journey_id: majaJourney,
					title: 'Opfølgning',
					title_en: null,
					starts_at: start,
					ends_at: new Date(start.getTime() + 30 * 60_000),
					location: 'Rådhuset',
					video_url: null,
					agenda: 'Status',
					what_to_bring: null,
					organizer_staff_id: mette,
					citizen_response_reason: null,
					citizen_responded_at: null,
					minutes: null,
					cancelled_at: null,
					created_at: clock.now()
				})
				.execute();
		},
		{
			env: {
				SMTP_URL: smtp.url,
				SMS_HTTP_URL: sms.url,
				NOTIFY_BUNDLE_MINUTES: '0',
				NOTIFY_POLL_SECONDS: '0.5'
			}
		}
	);
	baseUrl = server.url;
}, 180_000);

afterAll(async () => {
	await server?.stop();
	await smtp?.close();
	await sms?.close();
});

const staffSessions = new Map<StaffName, CookieBrowser>();
async function staff(name: StaffName): Promise<CookieBrowser> {
	let session = staffSessions.get(name);
	if (!session) {
		session = await loginStaff(baseUrl, name);
		staffSessions.set(name, session);
	}
	return session;
}

const citizenSessions = new Map<CitizenName, CookieBrowser>();
async function citizen(name: CitizenName): Promise<CookieBrowser> {
	let session = citizenSessions.get(name);
	if (!session) {
		session = await loginCitizen(baseUrl, citizenSub(name));
		citizenSessions.set(name, session);
	}
	return session;
}

/** A form post that must succeed with a redirect; answers where it went. */
async function post(
	browser: CookieBrowser,
	path: string,
	fields: Record<string, string> | [string, string][]
): Promise<string> {
	const body = Array.isArray(fields) ? fields : Object.entries(fields);
	const response = await browser.go(`${baseUrl}${path}`, {
		method: 'POST',
		headers: {
			'content-type': 'application/x-www-form-urlencoded',
			accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8'
		},
		body: new URLSearchParams(body)
	});
	const answer = await response.text();
	expect(response.status, `${path}: ${answer.slice(0, 2000)}`).toBe(303);
	return response.headers.get('location') ?? '';
}

async function html(browser: CookieBrowser, path: string): Promise<string> {
	const response = await browser.go(`${baseUrl}${path}`);
	expect(response.status, path).toBe(200);
	return response.text();
}

async function api(method: string, path: string, key: string, body: unknown) {
	const response = await fetch(`${baseUrl}/api/v1${path}`, {
		method,
		headers: {
			authorization: `Bearer ${key}`,
			'content-type': 'application/json',
			'idempotency-key': crypto.randomUUID()
		},
		body: JSON.stringify(body)
	});
	const answer = await response.text();
	expect(response.status, `${method} ${path}: ${answer}`).toBeLessThan(300);
	return JSON.parse(answer) as Record<string, unknown>;
}

/** The form's one-time token on a page. */
function token(page: string): string {
	const value = /name="token" value="([^"]+)"/.exec(page)?.[1];
	expect(value, 'the form token').toBeTruthy();
	return value!;
}

// ---------------------------------------------------------------------------------------------
// Writing.

describe('a hostile text through every free-text field', () => {
	it('is accepted by the admin pages: municipality, department, staff member, API key', async () => {
		const anders = await staff('Anders Berg');
		await post(anders, '/staff/admin/kommune?/gem', {
			name: text('A01'),
			phone: '12 34 50 00',
			email: '',
			address: text('A02'),
			openingHoursDa: text('A03'),
			openingHoursEn: text('E01'),
			accessibilityStatementUrl: '',
			primaryColor: '',
			letterhead: text('A04')
		});
		await post(anders, `/staff/admin/afdelinger/${jobcenter}?/gem`, {
			slug: 'jobcenter',
			name: text('A05'),
			nameEn: text('E02'),
			kleArea: '15',
			phone: '12 34 50 10',
			email: 'jobcenter@sammen-kommune.example',
			address: text('A06'),
			openingHours: text('A07')
		});
		await post(anders, `/staff/admin/medarbejdere/${mette}?/gem`, {
			name: text('A08'),
			role: 'coordinator',
			departmentId: socialforvaltningen,
			phone: '12 34 51 03'
		});
		const key = await anders.go(`${baseUrl}/staff/admin/noegler?/opret`, {
			method: 'POST',
			headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
			body: new URLSearchParams({ name: text('A09'), departmentId: jobcenter })
		});
		expect(key.status).toBe(200);
		await key.text();
	});

	it('is accepted by the API: citizens, a case, timeline entries and a meeting', async () => {
		await api('POST', '/citizens', keys.job, {
			cpr: DEMO_CITIZENS['Maja Jensen'],
			name: text('B01'),
			addressLine: 'Lærkevej 7, st. th.',
			postalCode: '9999',
			city: 'Sammenby'
		});
		await api('POST', '/citizens', keys.health, {
			cpr: DEMO_CITIZENS['Karl Nielsen'],
			name: text('B02'),
			coName: text('B03'),
			addressLine: text('B04'),
			postalCode: '9999',
			city: 'Sammenby'
		});
		// Socialforvaltningen's case on Maja's journey (Jobcenter's next step is the staff form's).
		await api('PUT', '/cases/SOC-220318', keys.social, {
			citizenId: maja,
			kleNumber: '27.12.04',
			title: text('B05'),
			status: 'in_progress',
			nextStep: text('B06'),
			titleEn: text('E03'),
			nextStepEn: text('E04'),
			nextStepDue: days.dueDate(20),
			waitingOn: 'citizen'
		});
		await api('POST', '/cases/JOB-104417/timeline', keys.job, {
			externalRef: 'XSS-1',
			kind: 'note',
			visibility: 'citizen',
			title: text('B07'),
			body: text('B08')
		});
		const start = days.workdayAt(9, 10);
		const meeting = await api('PUT', '/cases/JOB-104417/meetings/XSS-M1', keys.job, {
			// A lone CR, which a form would have turned into LF: only the API can send it.
			title: text('B09').replace(' javascript:', '\rATTENDEE:mailto:evil@example.com '),
			startsAt: start.toISOString(),
			endsAt: new Date(start.getTime() + 3600_000).toISOString(),
			location: text('B10'),
			agenda: text('B11'),
			whatToBring: text('B12')
		});
		ids.apiMeeting = String(meeting.meetingId);
		await api('POST', '/cases/SUO-118203/timeline', keys.health, {
			externalRef: 'XSS-K1',
			kind: 'note',
			visibility: 'citizen',
			title: text('B13'),
			body: text('B14')
		});
	});

	it('is accepted by the staff forms: entries, a goal, a meeting, minutes, a message …', async () => {
		const lone = await staff('Lone Madsen');
		const newEntry = `/staff/forloeb/${majaJourney}/ny-post`;
		const decided = await post(lone, `${newEntry}?/gem`, {
			token: token(await html(lone, newEntry)),
			type: 'decision',
			synlighed: 'citizen',
			titel: text('C01'),
			tekst: text('C02'),
			titelEn: text('E05'),
			tekstEn: text('E06')
		});
		ids.decision = /#post-([0-9a-f-]{36})/.exec(decided)?.[1] ?? '';
		expect(ids.decision).not.toBe('');
		await post(lone, `${newEntry}?/gem`, {
			token: token(await html(lone, newEntry)),
			type: 'task',
			synlighed: 'citizen',
			titel: text('C03'),
			tekst: text('C04'),
			modtager: 'citizen',
			opgaveFrist: days.dueDate(10)
		});
		await post(lone, `${newEntry}?/gem`, {
			token: token(await html(lone, newEntry)),
			type: 'status',
			synlighed: 'citizen',
			titel: 'Vi går videre med din sag',
			tekst: 'Vi har kigget på din sag.',
			sag: demoIds.case('maja-job'),
			status: 'in_progress',
			venterPaa: 'municipality',
			naesteSkridt: text('C05'),
			frist: days.dueDate(30)
		});

		const metteSession = await staff('Mette Larsen');
		await post(metteSession, `/staff/forloeb/${majaJourney}/koordinering?/maal`, {
			goal: '',
			title: text('C06'),
			description: text('C07'),
			status: 'in_progress',
			progress: '10',
			department: '',
			targetDate: '',
			sortOrder: ''
		});
		const planned = await post(metteSession, `/staff/forloeb/${majaJourney}/moede?/planlaeg`, {
			title: text('C08'),
			date: days.dueDate(14),
			start: '10:00',
			end: '11:00',
			location: text('C09'),
			videoUrl: '',
			agenda: text('C10'),
			whatToBring: text('C11'),
			externalName1: text('C12'),
			externalRole1: text('C13')
		});
		ids.formMeeting = /\/staff\/moeder\/([0-9a-f-]{36})/.exec(planned)?.[1] ?? '';
		expect(ids.formMeeting).not.toBe('');
		await post(metteSession, `/staff/moeder/${pastMeeting}?/referat`, { minutes: text('C14') });
		const thread = `/staff/forloeb/${majaJourney}/beskeder`;
		await post(metteSession, `${thread}?/skriv`, {
			besked: text('C15'),
			token: token(await html(metteSession, thread))
		});
		const consentPage = await html(metteSession, `/staff/borger/${maja}/samtykke`);
		const department = /name="department"[^>]*value="([0-9a-f-]{36})"/.exec(consentPage)?.[1];
		expect(department, 'a department to record consent for').toBeTruthy();
		// Recorded twice, withdrawn and given again: a decision that changes nothing is not stored.
		const consents = [];
		for (const action of ['withdrawn', 'granted']) {
			consents.push(
				await post(metteSession, `/staff/borger/${maja}/samtykke?/registrer`, {
					department: department!,
					action,
					channel: 'meeting',
					witness: text('C16'),
					note: text('C17')
				})
			);
		}
		expect(consents.filter((to) => to.includes('gemt=ja')).length).toBeGreaterThan(0);
		await post(metteSession, `/staff/borger/${maja}/repraesentanter?/registrer`, {
			cpr: '010203-4321',
			name: text('C18'),
			scope: 'read_only',
			coverage: 'all',
			basis: 'power_of_attorney',
			reference: text('C19'),
			validFrom: days.date(0),
			validTo: ''
		});

		const hanne = await staff('Hanne Vestergaard');
		await post(hanne, `/staff/borger/${karl}/analog?/saet`, {
			reason: 'other',
			note: text('C20')
		});
		const karlEntry = `/staff/forloeb/${karlJourney}/ny-post`;
		await post(hanne, `${karlEntry}?/gem`, {
			token: token(await html(hanne, karlEntry)),
			type: 'note',
			synlighed: 'citizen',
			titel: text('C21'),
			tekst: text('C22')
		});

		// A search for Maja by her CPR number (in the body, never a URL) with a purpose, and one by
		// a name that matches nobody: both go into the audit trail.
		for (const [query, purpose] of [
			[DEMO_CITIZENS['Maja Jensen'], text('C23')],
			[text('C24'), '']
		] as const) {
			const found = await lone.go(`${baseUrl}/staff/soeg?/soeg`, {
				method: 'POST',
				headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
				body: new URLSearchParams({ query, purpose })
			});
			expect(found.status).toBe(200);
			await found.text();
		}
	});

	it('is accepted by the citizen forms: a message, a meeting answer, a task comment', async () => {
		const session = await citizen('Maja Jensen');
		await post(session, `/forloeb/${majaJourney}/beskeder?/skriv`, { besked: text('D01') });
		await post(session, `/moeder/${ids.formMeeting}?/svar`, {
			response: 'reschedule_requested',
			reason: text('D02')
		});
		const tasks = await html(session, '/opgaver');
		// The task's link: the one before its title.
		const at = tasks.indexOf(`alert('xss:C03')`);
		const links = [...tasks.slice(0, at).matchAll(/opgaver\/([0-9a-f-]{36})/g)];
		ids.task = links.at(-1)?.[1] ?? '';
		expect(ids.task).not.toBe('');
		await post(session, `/opgaver/${ids.task}?/gjort`, { comment: text('D03') });
		// Her e-mail address with a header after it is refused (a form turns CRLF into LF, and an
		// address has no white space in it): the notifications below still go to her address only.
		const refused = await session.go(`${baseUrl}/indstillinger?/kontakt`, {
			method: 'POST',
			headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
			body: new URLSearchParams({
				email: 'maja.jensen@example.com\r\nBcc: evil@example.com',
				phone: '12 34 52 01',
				notifyEmail: 'ja',
				notifySms: 'ja'
			})
		});
		expect(refused.status).toBe(400);
		await refused.text();
	});
});

// ---------------------------------------------------------------------------------------------
// Reading back: pages.

type Who = 'maja' | 'maja-en' | 'karl' | 'mette' | 'lone' | 'hanne' | 'anders' | 'birgitte';
const PEOPLE: Record<Who, { citizen: CitizenName } | { staff: StaffName }> = {
	maja: { citizen: 'Maja Jensen' },
	'maja-en': { citizen: 'Maja Jensen' },
	karl: { citizen: 'Karl Nielsen' },
	mette: { staff: 'Mette Larsen' },
	lone: { staff: 'Lone Madsen' },
	hanne: { staff: 'Hanne Vestergaard' },
	anders: { staff: 'Anders Berg' },
	birgitte: { staff: 'Birgitte Skov' }
};

/** Each page output: where it is. A search is a POST, shown by the answer to it. */
const PAGES: Partial<Record<Output, () => string>> = {
	'maja:/': () => '/',
	'maja:/forloeb': () => `/forloeb/${majaJourney}`,
	'maja:/beskeder': () => `/forloeb/${majaJourney}/beskeder`,
	'maja:/moeder': () => '/moeder',
	'maja:/moeder/form': () => `/moeder/${ids.formMeeting}`,
	'maja:/moeder/api': () => `/moeder/${ids.apiMeeting}`,
	'maja:/opgaver': () => '/opgaver',
	'maja:/opgaver/task': () => `/opgaver/${ids.task}`,
	'maja:/dokumenter': () => '/dokumenter',
	'maja:/indsigt': () => '/indsigt',
	'maja:/mine-data': () => '/mine-data',
	'maja:/mine-data/udskriv': () => '/mine-data/udskriv',
	'maja:/samtykke': () => '/samtykke',
	'maja-en:/': () => '/',
	'maja-en:/forloeb': () => `/forloeb/${majaJourney}`,
	'karl:/forloeb': () => `/forloeb/${karlJourney}`,
	'karl:/dokumenter': () => '/dokumenter',
	'mette:/staff': () => '/staff',
	'mette:/staff/borger': () => `/staff/borger/${maja}`,
	'mette:/staff/forloeb': () => `/staff/forloeb/${majaJourney}`,
	'mette:/staff/beskeder': () => `/staff/forloeb/${majaJourney}/beskeder`,
	'mette:/staff/koordinering': () => `/staff/forloeb/${majaJourney}/koordinering`,
	'mette:/staff/moeder/form': () => `/staff/moeder/${ids.formMeeting}`,
	'mette:/staff/moeder/past': () => `/staff/moeder/${pastMeeting}`,
	'mette:/staff/samtykke': () => `/staff/borger/${maja}/samtykke`,
	'mette:/staff/repraesentanter': () => `/staff/borger/${maja}/repraesentanter`,
	'lone:/staff/soeg': () => '/staff/soeg',
	'hanne:/staff/analog': () => `/staff/borger/${karl}/analog`,
	'anders:/staff/admin/kommune': () => '/staff/admin/kommune',
	'anders:/staff/admin/afdelinger': () => '/staff/admin/afdelinger',
	'anders:/staff/admin/afdelinger/id': () => `/staff/admin/afdelinger/${jobcenter}`,
	'anders:/staff/admin/medarbejdere': () => '/staff/admin/medarbejdere',
	'anders:/staff/admin/medarbejdere/id': () => `/staff/admin/medarbejdere/${mette}`,
	'anders:/staff/admin/noegler': () => '/staff/admin/noegler',
	'anders:/staff/post': () => '/staff/post',
	'birgitte:/staff/logning': () => '/staff/logning'
};

/** What every page and every file must not hold: the hostile texts' markup, unescaped. */
function expectEscaped(raw: string, label: string): void {
	expect(raw.match(/<script>alert\('xss:/g) ?? [], `an unescaped <script> in ${label}`).toEqual([]);
	expect(raw.match(/<img src=x/g) ?? [], `an unescaped <img> in ${label}`).toEqual([]);
}

describe.skipIf(!chromium)('every page that shows one, in Chromium', () => {
	let browser: Browser;
	const open = new Map<Who, OpenPage>();
	const events: string[] = [];

	beforeAll(async () => {
		browser = await launchBrowser(chromium!);
	});
	afterAll(async () => {
		for (const page of open.values()) await page.close();
		await browser?.close();
	});

	async function pageOf(who: Who): Promise<Page> {
		let opened = open.get(who);
		if (!opened) {
			opened = await openPage(browser, baseUrl, {
				as: PEOPLE[who],
				...(who === 'maja-en' ? { locale: 'en' as const } : {})
			});
			const { page } = opened;
			page.on('dialog', (dialog) => {
				events.push(`dialog on ${page.url()}: ${dialog.message()}`);
				void dialog.dismiss();
			});
			page.on('console', (message) => {
				if (/xss:|Content Security Policy/i.test(message.text())) {
					events.push(`console on ${page.url()}: ${message.text()}`);
				}
			});
			page.on('pageerror', (error) => events.push(`error on ${page.url()}: ${error.message}`));
			open.set(who, opened);
		}
		return opened.page;
	}

	const outputs = Object.keys(PAGES) as Output[];
	it.each(outputs)('%s shows its fields as text, and nothing of theirs runs', async (output) => {
		const who = output.split(':')[0] as Who;
		const path = PAGES[output]!();
		const page = await pageOf(who);
		events.length = 0;
		if (output === 'lone:/staff/soeg') {
			// A search's answer echoes the text searched for: as the HTML a browser without
			// JavaScript gets, and in the page, where the enhanced form shows it.
			const lone = await staff('Lone Madsen');
			const answer = await lone.go(`${baseUrl}${path}?/soeg`, {
				method: 'POST',
				headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
				body: new URLSearchParams({ query: text('C24'), purpose: '' })
			});
			expect(answer.status).toBe(200);
			expectEscaped(await answer.text(), path);
			await page.goto(`${baseUrl}${path}`);
			await page.locator('#query').fill(text('C24'));
			await page.locator('#query').press('Enter');
			await page.locator('#search-results-heading').waitFor();
		} else {
			const response = await page.goto(`${baseUrl}${path}`);
			expect(response?.status(), path).toBe(200);
			expectEscaped((await response?.text()) ?? '', path);
		}
		const found = await inspectPage(page);
		expect(found.handlers, `event handler attributes on ${path}`).toEqual([]);
		expect(found.injectedImages, `<img src=x> on ${path}`).toBe(0);
		expect(found.injectedScripts, `hostile <script> on ${path}`).toBe(0);
		expect(found.scriptUrls, `javascript: URLs on ${path}`).toEqual([]);
		const shown = codesIn(found.haystack, CODES);
		record(output, shown);
		const expected = expectedIn(output);
		expect(shown, `the fields ${path} shows as text`).toEqual(expect.arrayContaining(expected));
		await expectNoAxeViolations(page, path);
		expect(events, 'dialogs, CSP refusals and errors').toEqual([]);
	});
});

// ---------------------------------------------------------------------------------------------
// Reading back: files.

describe('every file that shows one', () => {
	it("the decision's PDF holds the texts as written", async () => {
		const session = await citizen('Maja Jensen');
		const response = await session.go(`${baseUrl}/dokumenter/afgoerelse/${ids.decision}`);
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toBe('application/pdf');
		expect(response.headers.get('content-disposition')).toMatch(
			/^attachment; filename="[a-z0-9-]+\.pdf"$/
		);
		const pdf = readPdf(new Uint8Array(await response.arrayBuffer()));
		const compact = pdf.text.replace(/\s+/g, '');
		const shown = CODES.filter((code) => compact.includes(core(code).replace(/\s+/g, '')));
		record('pdf:decision', shown);
		expect(shown).toEqual(expect.arrayContaining(expectedIn('pdf:decision')));
		expect(flatText(pdf)).toContain('{{7*7}}');
	});

	it("analog Karl's letters hold the texts as written, his name and address included", async () => {
		const session = await citizen('Karl Nielsen');
		const texts: string[] = [];
		// The letters are rendered by the job worker: wait until his two new ones are there.
		await expect
			.poll(
				async () => {
					const page = await html(session, '/dokumenter');
					const letters = [...new Set(page.match(/dokumenter\/brev\/[0-9a-f-]{36}/g) ?? [])];
					texts.length = 0;
					for (const letter of letters) {
						const response = await session.go(`${baseUrl}/${letter}`);
						if (response.status !== 200) continue;
						const pdf = readPdf(new Uint8Array(await response.arrayBuffer()));
						texts.push(pdf.text.replace(/\s+/g, ''));
					}
					const shown = CODES.filter((code) =>
						texts.some((t) => t.includes(core(code).replace(/\s+/g, '')))
					);
					record('pdf:karl-letters', shown);
					return shown;
				},
				{ timeout: 60_000, interval: 1000 }
			)
			.toEqual(expect.arrayContaining(expectedIn('pdf:karl-letters')));
	}, 90_000);

	it.each([
		['ics:form', () => ids.formMeeting],
		['ics:api', () => ids.apiMeeting]
	] as const)('%s: the calendar file has no line of its own', async (output, id) => {
		const session = await citizen('Maja Jensen');
		const response = await session.go(`${baseUrl}/moeder/${id()}/kalender.ics`);
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
		const body = await response.text();
		expect(calendarProblems(body)).toEqual([]);
		const lines = unfoldCalendar(body);
		expect(lines.filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(1);
		expect(lines.filter((l) => l === 'END:VEVENT')).toHaveLength(1);
		const shown = CODES.filter((code) =>
			lines.some((l) => l.includes(calendarEscaped(core(code))))
		);
		record(output, shown);
		expect(shown).toEqual(expect.arrayContaining(expectedIn(output)));
		// The texts as the file escapes them: a line break is "\n", never a line.
		const summary = lines.find((l) => l.startsWith('SUMMARY:')) ?? '';
		const title = output === 'ics:form' ? text('C08') : null;
		if (title) expect(summary).toBe(`SUMMARY:${calendarEscaped(title)}`);
		else expect(summary).toContain('\\nATTENDEE:mailto:evil@example.com');
	});

	it('the audit trail CSV: no cell is a formula, every field quoted', async () => {
		const birgitte = await staff('Birgitte Skov');
		const response = await birgitte.go(`${baseUrl}/staff/logning/logning.csv`);
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
		const raw = await response.text();
		expect(everyFieldQuoted(raw)).toBe(true);
		const rows = parseCsv(raw);
		const width = rows[0]!.length;
		expect(rows.every((row) => row.length === width)).toBe(true);
		const cells = rows.flat();
		expect(cells.filter(isFormula)).toEqual([]);
		const shown = CODES.filter((code) => cells.some((cell) => cell.includes(core(code))));
		record('csv:audit', shown);
		expect(shown).toEqual(expect.arrayContaining(expectedIn('csv:audit')));
		// A hostile cell is the text as written, after the apostrophe that keeps it text.
		// A cell that is a hostile text whole starts with the apostrophe that keeps it text.
		for (const code of expectedIn('csv:audit')) {
			const written = fieldOf(code).text;
			expect(cells).not.toContain(written);
			if (cells.some((c) => c.endsWith(written) && c.length === written.length + 1)) {
				expect(cells).toContain(`'${written}`);
			}
		}
		expect(cells.filter((c) => c.startsWith("'=HYPERLINK")).length).toBeGreaterThan(0);
	});

	it("the print batch's manifest CSV: no cell is a formula, every field quoted", async () => {
		const anders = await staff('Anders Berg');
		const batch = await post(anders, '/staff/post?/eksport', {});
		const batchPath = new URL(batch, baseUrl).pathname;
		const response = await anders.go(`${baseUrl}${batchPath}/pakke.zip`);
		expect(response.status).toBe(200);
		const files = unzipSync(new Uint8Array(await response.arrayBuffer()));
		const raw = strFromU8(files['manifest.csv']!);
		expect(everyFieldQuoted(raw)).toBe(true);
		const cells = parseCsv(raw).flat();
		expect(cells.filter(isFormula)).toEqual([]);
		const shown = CODES.filter((code) => cells.some((cell) => cell.includes(core(code))));
		record('csv:manifest', shown);
		expect(shown).toEqual(expect.arrayContaining(expectedIn('csv:manifest')));
	});

	it("Maja's data as JSON is JSON, not a page", async () => {
		const session = await citizen('Maja Jensen');
		const response = await session.go(`${baseUrl}/mine-data/data.json`);
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toMatch(/^application\/json/);
		const body = await response.text();
		const shown = CODES.filter((code) => body.includes(JSON.stringify(core(code)).slice(1, -1)));
		expect(shown.length).toBeGreaterThan(0);
		JSON.parse(body);
		record('json:mine-data', shown);
	});

	it('the web app manifest is JSON with the name as written', async () => {
		const response = await fetch(`${baseUrl}/manifest.webmanifest`);
		expect(response.status).toBe(200);
		const manifest = JSON.parse(await response.text()) as Record<string, unknown>;
		const shown = CODES.filter((code) => JSON.stringify(manifest).includes(code));
		expect(shown).toEqual(expect.arrayContaining(expectedIn('json:manifest')));
		record('json:manifest', shown);
	});

	it('the e-mails and SMS to Maja have no header of their own and carry none of the texts', async () => {
		// Maja gets an e-mail and an SMS about what staff wrote to her (NOTIFY_BUNDLE_MINUTES=0).
		await smtp.waitFor(1, 30_000);
		await expect.poll(() => sms.received.length, { timeout: 30_000 }).toBeGreaterThan(0);
		for (const mail of smtp.received) {
			expect(mail.to).toEqual(['maja.jensen@example.com']);
			const headers = mailHeaders(mail.raw);
			const names = headers.map((h) => h.split(':')[0]!.toLowerCase());
			expect(names.filter((n) => ['bcc', 'cc', 'attendee'].includes(n))).toEqual([]);
			expect(names.filter((n) => n === 'to')).toHaveLength(1);
			expect(names.filter((n) => n === 'subject')).toHaveLength(1);
			expect(mail.raw).not.toMatch(/xss:|evil@example/);
		}
		for (const message of sms.received) expect(message.text).not.toMatch(/xss:|evil@example/);
		record('mail', []);
		record('sms', []);
	});
});

describe('coverage', () => {
	it('checked every field in every output the table names', () => {
		const rows = FIELDS.map((f) => {
			const outputs = (f.shownIn as readonly Output[]).filter((o) =>
				checked.get(o)?.codes.includes(f.code)
			);
			const extra = [...checked.entries()]
				.filter(
					([o, c]) => c.codes.includes(f.code) && !(f.shownIn as readonly Output[]).includes(o)
				)
				.map(([o]) => o);
			return { code: f.code, field: f.field, by: f.by, checked: outputs.length, outputs, extra };
		});
		console.log(
			[
				`stored XSS: ${FIELDS.length} fields, ${checked.size} outputs, ` +
					`${rows.reduce((n, r) => n + r.checked + r.extra.length, 0)} field × output checks`,
				...rows.map(
					(r) =>
						`${r.code} ${r.field} (${r.by}) → ${r.outputs.join(', ')}` +
						(r.extra.length ? ` (also ${r.extra.join(', ')})` : '')
				)
			].join('\n')
		);
		console.log([...checked.entries()].map(([o, c]) => `${o}: ${c.codes.join(' ')}`).join('\n'));
		for (const row of rows) {
			const f = fieldOf(row.code);
			expect(row.outputs, `${row.code} ${row.field}`).toEqual(f.shownIn);
		}
		expect(FIELDS.length).toBe(56);
		expect(checked.size).toBe(46);
	});
});
