// Letters and decisions end to end: the list on /dokumenter, the PDF downloads (headers, file
// names, content read back from the PDF), 404 for every id that is not the citizen's, English for
// Ahmed, a read-only representative, axe in Chromium, and the audit of representatives' reads.
// Representatives' downloads add audit rows, so this file runs its own server.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { connect } from '../../src/lib/server/db/connect';
import { demoId, demoIds } from '../../src/lib/server/seed/demo';
import type { CitizenName } from '../../src/lib/server/seed/demo-data';
import { flatText, readPdf } from '../pdf-reader';
import { launchBrowser } from './browser';
import type { CookieBrowser } from './oidc-flow';
import { checkPage, openPage } from './open-page';
import { loginCitizen } from './portal';
import { startServer, type RunningServer } from './server';

const chromium = inject('chromium');
const madeUp = '00000000-0000-4000-8000-000000000000';

let server: RunningServer;
let baseUrl: string;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sammen-e2e-documents-'));

beforeAll(async () => {
	server = await startServer({ dataDir });
	baseUrl = server.url;
});
afterAll(async () => {
	await server?.stop();
	fs.rmSync(dataDir, { recursive: true, force: true });
});

/** The download links on /dokumenter, in the order shown, as paths (the page links relatively). */
function downloadLinks(html: string): string[] {
	return [...html.matchAll(/href="([^"]*dokumenter\/(?:brev|afgoerelse)\/[0-9a-f-]{36})"/g)].map(
		(m) => new URL(m[1]!.replaceAll('&amp;', '&'), `${baseUrl}/dokumenter`).pathname
	);
}

/** A representative logged in and acting for the person they represent (chosen on /vaelg). */
function loginActing(account: string, citizenId: string): Promise<CookieBrowser> {
	return loginCitizen(baseUrl, account, { actFor: citizenId });
}

/** Ahmed, who reads English: he has chosen English with the language switch. */
async function loginAhmed(): Promise<CookieBrowser> {
	const ahmed = await loginCitizen(baseUrl, 'demo-citizen-ahmed-hassan');
	ahmed.setCookie(baseUrl, 'lang', 'en');
	return ahmed;
}

async function download(browser: CookieBrowser, url: string) {
	const response = await browser.go(url);
	const bytes = new Uint8Array(await response.arrayBuffer());
	return { response, bytes };
}

const count = (html: string, pattern: RegExp) => [...html.matchAll(pattern)].length;

function fileName(response: Response): string {
	return /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? '';
}

describe('documents without JavaScript', () => {
	let maja: CookieBrowser;
	beforeAll(async () => {
		maja = await loginCitizen(baseUrl, 'demo-citizen-maja-jensen');
	});

	it("lists Maja's decisions newest first, each to open or download", async () => {
		const response = await maja.go(`${baseUrl}/dokumenter`);
		expect(response.status).toBe(200);
		expect(response.headers.get('cache-control')).toBe('no-store');
		const html = await response.text();
		expect(html).toContain('<h1>Breve og afgørelser</h1>');
		expect(html).toContain('Afgørelse: Du får rådgivning og støtte');
		expect(html).toContain('Afgørelse fra Socialforvaltningen');
		const times = [...html.matchAll(/<time datetime="([^"]+)"/g)].map((m) => Date.parse(m[1]!));
		expect(times.length).toBeGreaterThan(1);
		expect(times).toEqual([...times].sort((a, b) => b - a));
		const links = downloadLinks(html);
		// Two links per document: "Åbn" (?vis=1, in the browser) and "Hent som PDF".
		expect(links.length).toBe(times.length);
		expect(links.every((l) => l.startsWith('/dokumenter/afgoerelse/'))).toBe(true);
		expect(count(html, /dokumenter\/afgoerelse\/[0-9a-f-]{36}\?vis=1"/g)).toBe(times.length);
		expect(html).toContain('Hent som PDF');
	});

	it('downloads a decision as a PDF named after what it is', async () => {
		const html = await (await maja.go(`${baseUrl}/dokumenter`)).text();
		const [link] = downloadLinks(html);
		const { response, bytes } = await download(maja, `${baseUrl}${link}`);
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toBe('application/pdf');
		expect(response.headers.get('cache-control')).toBe('no-store');
		expect(response.headers.get('x-content-type-options')).toBe('nosniff');
		expect(response.headers.get('content-disposition')).toMatch(
			/^attachment; filename="afgoerelse-[a-z0-9-]+-\d{4}-\d{2}-\d{2}\.pdf"$/
		);
		expect(Buffer.from(bytes.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
		const pdf = readPdf(bytes);
		expect(pdf.lang).toBe('da');
		expect(pdf.embeddedFonts).toBe(2);
		expect(flatText(pdf)).toContain('Sammen Kommune');
		expect(flatText(pdf)).toContain('Maja Jensen');
		expect(flatText(pdf)).toContain(pdf.info.Title!);

		const inline = await maja.go(`${baseUrl}${link}?vis=1`);
		expect(inline.status).toBe(200);
		expect(inline.headers.get('content-disposition')).toBe(
			`inline; filename="${fileName(response)}"`
		);
	});

	it("downloads the decision about advice with its department's contact details", async () => {
		const html = await (await maja.go(`${baseUrl}/dokumenter`)).text();
		const files = await Promise.all(
			downloadLinks(html).map((l) => download(maja, `${baseUrl}${l}`))
		);
		const advice = files.find((f) =>
			fileName(f.response).startsWith('afgoerelse-du-faar-raadgivning-og-stoette-')
		);
		expect(advice, files.map((f) => fileName(f.response)).join(', ')).toBeDefined();
		const text = flatText(readPdf(advice!.bytes));
		expect(text).toContain(
			'Du får et forløb med rådgivning hos Socialforvaltningen i seks måneder.'
		);
		expect(text).toContain('Har du spørgsmål?');
		expect(text).toContain('Telefon: 12 34 50 20');
		expect(text).toContain('Afgørelsen er truffet af Mette Larsen, Socialforvaltningen.');
		expect(text).toMatch(/Side 1 af 1$/);
	});

	it('answers 404 alike for what is not hers: letters, decisions, staff notes, made-up, malformed', async () => {
		const letters = [
			demoIds.letter('karl-l1'),
			madeUp,
			'not-a-uuid',
			encodeURIComponent("1'; drop table letters; --")
		];
		const decisions = [
			demoId('entry:karl:3'), // Karl's decision
			demoId('entry:maja:4'), // Maja's own journey, a staff-only note
			demoId('entry:maja:1'), // Maja's own journey, citizen-visible, but no decision
			madeUp,
			'not-a-uuid'
		];
		const urls = [
			...letters.map((id) => `${baseUrl}/dokumenter/brev/${id}`),
			...decisions.map((id) => `${baseUrl}/dokumenter/afgoerelse/${id}`)
		];
		const answers = await Promise.all(
			urls.map(async (url) => {
				const response = await maja.go(url, { headers: { accept: 'text/html' } });
				return {
					url,
					status: response.status,
					type: response.headers.get('content-type'),
					body: await response.text()
				};
			})
		);
		for (const answer of answers) {
			expect(answer.status, answer.url).toBe(404);
			expect(answer.type, answer.url).not.toBe('application/pdf');
		}
		expect(new Set(answers.map((a) => a.body)).size).toBe(1);
	});

	it('tells Jens, who has none, where letters and decisions will appear', async () => {
		const jens = await loginCitizen(baseUrl, 'demo-citizen-jens-poulsen');
		const html = await (await jens.go(`${baseUrl}/dokumenter`)).text();
		expect(html).toContain('Du har ingen breve eller afgørelser endnu.');
		expect(downloadLinks(html)).toEqual([]);
	});
});

describe("Karl's letters, Ahmed in English, and representatives", () => {
	it('lists the letters Karl got by post and downloads one', async () => {
		const karl = await loginCitizen(baseUrl, 'demo-citizen-karl-nielsen');
		const html = await (await karl.go(`${baseUrl}/dokumenter`)).text();
		expect(html.match(/Brev med posten/g)).toHaveLength(4);
		expect(html.match(/Sendt med posten /g)).toHaveLength(4);
		expect(html).toContain('Vi kommer på besøg');
		const letter = demoIds.letter('karl-l1');
		expect(html).toContain(`/dokumenter/brev/${letter}`);
		const { response, bytes } = await download(karl, `${baseUrl}/dokumenter/brev/${letter}`);
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toBe('application/pdf');
		expect(fileName(response)).toMatch(
			/^brev-afgoerelse-du-faar-genoptraening-\d{4}-\d{2}-\d{2}\.pdf$/
		);
		const pdf = readPdf(bytes);
		expect(pdf.info.Title).toBe('Afgørelse: Du får genoptræning');
		const text = flatText(pdf);
		expect(text).toContain('Karl Nielsen Kirkevej 14, 1. tv. 9999 Sammenby');
		expect(text).toContain('Kære Karl Nielsen');
		expect(text).toContain('genoptræning to gange om ugen i 12 uger');
		expect(text).toContain('Kopi af brevet, som blev sendt med posten');
	});

	it('gives Ahmed the page and his decisions in English', async () => {
		const ahmed = await loginAhmed();
		const html = await (await ahmed.go(`${baseUrl}/dokumenter`)).text();
		expect(html).toMatch(/<html lang="en"/);
		expect(html).toContain('<h1>Letters and decisions</h1>');
		expect(html).toContain('Decision: You will get a mentor');
		expect(html).toContain('Decision from Job Centre');
		expect(html).toContain('Download as PDF');
		const files = await Promise.all(
			downloadLinks(html).map((l) => download(ahmed, `${baseUrl}${l}`))
		);
		const names = files.map((f) => fileName(f.response));
		expect(names).toContainEqual(
			expect.stringMatching(/^decision-you-will-get-a-mentor-\d{4}-\d{2}-\d{2}\.pdf$/)
		);
		const mentor = files[names.findIndex((n) => n.startsWith('decision-you-will-get-a-mentor'))]!;
		const pdf = readPdf(mentor.bytes);
		expect(pdf.lang).toBe('en');
		expect(flatText(pdf)).toContain('Page 1 of 1');
		expect(flatText(pdf)).toContain('You will have a mentor for six months.');
	});

	it("lets Lise, read-only for Karl, see and download Karl's letters", async () => {
		const lise = await loginActing('demo-citizen-lise-mortensen', demoIds.citizen('Karl Nielsen'));
		const html = await (await lise.go(`${baseUrl}/dokumenter`)).text();
		expect(html.match(/Brev med posten/g)).toHaveLength(4);
		// Not her own letter from the municipality: she sees Karl's documents only.
		expect(html).not.toContain('Vi har modtaget din henvendelse');
		const { response } = await download(
			lise,
			`${baseUrl}/dokumenter/brev/${demoIds.letter('karl-l4')}`
		);
		expect(response.status).toBe(200);
		const own = await lise.go(`${baseUrl}/dokumenter/brev/${demoIds.letter('lise-l1')}`);
		expect(own.status).toBe(404);
	});

	it('lets Henrik download the decision for Sofie', async () => {
		const henrik = await loginActing('demo-citizen-henrik-hansen', demoIds.citizen('Sofie Hansen'));
		const html = await (await henrik.go(`${baseUrl}/dokumenter`)).text();
		expect(html).toContain('Afgørelse: Du får en kontaktperson');
		const [link] = downloadLinks(html);
		const { response, bytes } = await download(henrik, `${baseUrl}${link}`);
		expect(fileName(response)).toMatch(/^afgoerelse-du-faar-en-kontaktperson-/);
		expect(flatText(readPdf(bytes))).toContain('Sofie Hansen');
	});
});

describe.skipIf(!chromium)('documents in the browser', () => {
	let browser: Browser;
	beforeAll(async () => {
		browser = await launchBrowser(chromium!);
	});
	afterAll(async () => {
		await browser?.close();
	});

	async function check(
		name: CitizenName,
		width: number,
		label: string,
		after?: (page: Page) => Promise<void>
	) {
		const { page, close } = await openPage(browser, baseUrl, {
			width,
			height: 800,
			touch: true,
			// Ahmed reads English: he has chosen it with the language switch.
			locale: name === 'Ahmed Hassan' ? 'en' : undefined,
			as: { citizen: name }
		});
		try {
			await page.goto(`${baseUrl}/dokumenter`);
			expect(await page.locator('h1').count()).toBe(1);
			await checkPage(page, label);
			await after?.(page);
		} finally {
			await close();
		}
	}

	it('passes axe with data at 390 and 320 px, and a link click downloads the file', async () => {
		await check('Karl Nielsen', 390, 'documents, Karl, 390 px', async (page) => {
			const [file] = await Promise.all([
				page.waitForEvent('download'),
				page.getByRole('link', { name: 'Hent som PDF' }).first().click()
			]);
			expect(file.suggestedFilename()).toMatch(
				/^brev-vi-kommer-paa-besoeg-\d{4}-\d{2}-\d{2}\.pdf$/
			);
		});
		await check('Maja Jensen', 320, 'documents, Maja, 320 px');
	});

	it('passes axe empty, and in English', async () => {
		await check('Jens Poulsen', 390, 'documents, empty');
		await check('Ahmed Hassan', 320, 'documents in English, 320 px', async (page) => {
			expect(await page.locator('html').getAttribute('lang')).toBe('en');
		});
	});
});

describe('the audit trail', () => {
	it("records representatives' downloads as reads, and no citizen's own", async () => {
		await server.stop();
		const handle = await connect(server.database);
		try {
			const rows = await handle.db
				.selectFrom('audit_events')
				.select([
					'actor_type',
					'actor_citizen_id',
					'citizen_id',
					'action',
					'object_type',
					'object_id'
				])
				.where('object_type', 'in', ['letter', 'decision', 'documents'])
				.execute();
			expect(rows).toContainEqual({
				actor_type: 'representative',
				actor_citizen_id: demoIds.citizen('Lise Mortensen'),
				citizen_id: demoIds.citizen('Karl Nielsen'),
				action: 'read',
				object_type: 'letter',
				object_id: demoIds.letter('karl-l4')
			});
			expect(rows).toContainEqual(
				expect.objectContaining({
					actor_type: 'representative',
					actor_citizen_id: demoIds.citizen('Henrik Hansen'),
					citizen_id: demoIds.citizen('Sofie Hansen'),
					action: 'read',
					object_type: 'decision'
				})
			);
			expect(rows.filter((r) => r.actor_type !== 'representative')).toEqual([]);
		} finally {
			await handle.close();
		}
	});
});
