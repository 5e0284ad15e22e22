// Messages with the coordinator, end to end: the list of threads, a journey's thread and its read
// state, writing without JavaScript and in Chromium, representatives (read-only and full), and
// the audit trail it leaves. (404 for every id that is not the citizen's: tests/actions/access.spec.ts.)
// Reading a thread marks messages as read and writing adds messages, so this file runs its own
// server (the shared one keeps the demo's counts for the other files).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import * as clock from '../../src/lib/server/clock';
import { connect } from '../../src/lib/server/db/connect';
import { demoIds } from '../../src/lib/server/seed/demo';
import { expectNoAxeViolations, launchBrowser } from './browser';
import type { CookieBrowser } from './oidc-flow';
import { checkPage, SWEEP, openPage, type LoginAs, type PageOptions } from './open-page';
import { loginCitizen, postForm } from './portal';
import { startServer, type RunningServer } from './server';

const chromium = inject('chromium');
const majaJourney = demoIds.journey('maja');
const karlJourney = demoIds.journey('karl');
const sofieJourney = demoIds.journey('sofie');
const ahmedJourney = demoIds.journey('ahmed');

let server: RunningServer;
let baseUrl: string;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sammen-e2e-conversation-'));

beforeAll(async () => {
	server = await startServer({ dataDir });
	baseUrl = server.url;
});
afterAll(async () => {
	await server?.stop();
	fs.rmSync(dataDir, { recursive: true, force: true });
});

/** A representative logged in and acting for the person they represent (chosen on /vaelg). */
function loginActing(account: string, citizenId: string): Promise<CookieBrowser> {
	return loginCitizen(baseUrl, account, { actFor: citizenId });
}

const thread = (journey: string) => `${baseUrl}/forloeb/${journey}/beskeder`;
const count = (html: string, pattern: RegExp) => [...html.matchAll(pattern)].length;
const messagesIn = (html: string) => count(html, /id="besked-[0-9a-f-]{36}"/g);

describe('messages without JavaScript', () => {
	let maja: CookieBrowser;
	beforeAll(async () => {
		maja = await loginCitizen(baseUrl, 'demo-citizen-maja-jensen');
	});

	it('lists the thread with its two unread messages', async () => {
		const response = await maja.go(`${baseUrl}/beskeder`);
		expect(response.status).toBe(200);
		expect(response.headers.get('cache-control')).toBe('no-store');
		const html = await response.text();
		expect(html).toContain('<h1>Beskeder</h1>');
		expect(html).toContain('2 nye beskeder');
		expect(html).toContain('Du skriver med Mette Larsen fra Socialforvaltningen.');
		expect(html).toContain(`forloeb/${majaJourney}/beskeder"`);
		// Hovering must not preload the thread: opening it marks the messages as read.
		expect(html).toMatch(/data-sveltekit-preload-data="off"[^>]*>Læs og skriv beskeder/);
		const overview = await (await maja.go(`${baseUrl}/`)).text();
		expect(overview).toContain('Du har 2 nye beskeder.');
	});

	it('shows the thread oldest first with authors and read state, and marks it read', async () => {
		const response = await maja.go(thread(majaJourney));
		expect(response.status).toBe(200);
		expect(response.headers.get('cache-control')).toBe('no-store');
		const html = await response.text();
		expect(html).toContain('<h1>Beskeder om Job, økonomi og familie</h1>');
		expect(messagesIn(html)).toBe(8);
		const times = [...html.matchAll(/<time datetime="([^"]+)"/g)].map((m) => Date.parse(m[1]!));
		expect(times).toEqual([...times].sort((a, b) => a - b));
		expect(count(html, />Dig</g)).toBe(2);
		expect(count(html, />Mette Larsen, Socialforvaltningen</g)).toBe(6);
		expect(count(html, /Læst af kommunen /g)).toBe(2);
		expect(count(html, />Ny</g)).toBe(2);
		expect(html).toContain('Du behøver ikke skrive dit CPR-nummer.');
		expect(html).toContain('<textarea');

		// Read now: the next visit shows nothing new, and neither do the list and the overview.
		const again = await (await maja.go(thread(majaJourney))).text();
		expect(count(again, />Ny</g)).toBe(0);
		expect(await (await maja.go(`${baseUrl}/beskeder`)).text()).toContain('Ingen nye beskeder');
		expect(await (await maja.go(`${baseUrl}/`)).text()).not.toContain('nye beskeder');
	});

	it('refuses an empty and a too long message with field errors, and saves nothing', async () => {
		const empty = await postForm(maja, `${thread(majaJourney)}?/skriv`, { besked: '  \n ' });
		expect(empty.status).toBe(400);
		const emptyHtml = await empty.text();
		expect(emptyHtml).toContain('Der er et problem');
		expect(emptyHtml).toContain('href="#besked"');
		expect(emptyHtml).toContain('id="besked-error"');
		expect(emptyHtml).toContain('Skriv din besked.');
		expect(emptyHtml).toContain('aria-invalid="true"');
		expect(emptyHtml).toMatch(/<title>Fejl: Beskeder om/);

		const long = 'æ'.repeat(4001);
		const tooLong = await postForm(maja, `${thread(majaJourney)}?/skriv`, { besked: long });
		expect(tooLong.status).toBe(400);
		const tooLongHtml = await tooLong.text();
		expect(tooLongHtml).toContain('Den må højst være 4000 tegn. Nu er den 4001 tegn.');
		// What was written is kept, so nothing is lost.
		expect(tooLongHtml).toContain(`>${long}</textarea>`);

		expect(messagesIn(await (await maja.go(thread(majaJourney))).text())).toBe(8);
	});

	it('sends a message, keeps its line breaks, escapes its HTML and confirms it', async () => {
		const body = 'Hej Mette\r\n\r\nJeg kommer til mødet.\n<script>alert(1)</script>';
		const response = await postForm(maja, `${thread(majaJourney)}?/skriv`, { besked: body });
		expect(response.status).toBe(303);
		expect(response.headers.get('location')).toBe(`/forloeb/${majaJourney}/beskeder?sendt=1`);
		const html = await (await maja.go(`${thread(majaJourney)}?sendt=1`)).text();
		expect(html).toContain('Din besked er sendt');
		expect(html).toContain('normalt inden for 2 hverdage');
		expect(messagesIn(html)).toBe(9);
		expect(html).toContain('Hej Mette\n\nJeg kommer til mødet.\n&lt;script>alert(1)&lt;/script>');
		expect(html).not.toContain('<script>alert(1)');
		expect(html).toContain('Ikke læst endnu');
		// 4000 characters is the limit, and allowed.
		const full = await postForm(maja, `${thread(majaJourney)}?/skriv`, {
			besked: 'ø'.repeat(4000)
		});
		expect(full.status).toBe(303);
	});
});

describe('representatives and other citizens', () => {
	it("lets Lise read Karl's thread without a form, and refuses her post", async () => {
		const lise = await loginActing('demo-citizen-lise-mortensen', demoIds.citizen('Karl Nielsen'));
		const list = await lise.go(`${baseUrl}/beskeder`);
		expect(list.status).toBe(200);
		const listHtml = await list.text();
		expect(listHtml).toContain('Hjælp i hjemmet');
		expect(listHtml).toContain('Læs beskederne');
		const page = await lise.go(thread(karlJourney));
		expect(page.status).toBe(200);
		const html = await page.text();
		expect(html).toContain('Der er ingen beskeder endnu.');
		expect(html).toContain('men du har ikke fuldmagt til at ændre noget');
		expect(html).not.toContain('<textarea');
		expect(html).not.toContain('?/skriv');
		const post = await postForm(lise, `${thread(karlJourney)}?/skriv`, { besked: 'Hej far' });
		expect(post.status).toBe(403);
		expect(messagesIn(await (await lise.go(thread(karlJourney))).text())).toBe(0);
		// Her own journeys' threads are not Karl's: Maja's journey is as unknown to her as any.
		expect((await lise.go(thread(majaJourney))).status).toBe(404);
	});

	it("lets Henrik write in Sofie's thread, shown as his own", async () => {
		const henrik = await loginActing('demo-citizen-henrik-hansen', demoIds.citizen('Sofie Hansen'));
		const post = await postForm(henrik, `${thread(sofieJourney)}?/skriv`, {
			besked: 'Sofie er syg i dag og kommer ikke i skole.'
		});
		expect(post.status).toBe(303);
		const html = await (await henrik.go(thread(sofieJourney))).text();
		expect(messagesIn(html)).toBe(1);
		expect(html).toContain('>Dig<');
		expect(html).toContain('Sofie er syg i dag og kommer ikke i skole.');
	});

	it('shows Ahmed his thread in English', async () => {
		const ahmed = await loginCitizen(baseUrl, 'demo-citizen-ahmed-hassan');
		// Ahmed reads English: he has chosen it with the language switch.
		ahmed.setCookie(baseUrl, 'lang', 'en');
		const response = await ahmed.go(thread(ahmedJourney));
		const html = await response.text();
		expect(html).toMatch(/<html lang="en"/);
		expect(html).toContain('<h1>Messages about');
		expect(html).toContain('>You<');
		expect(html).toContain('Read by the municipality on');
		expect(html).toContain('>Lone Madsen, Job Centre<');
		expect(html).toContain('Send the message');
		const empty = await postForm(ahmed, `${thread(ahmedJourney)}?/skriv`, { besked: '' });
		expect(await empty.text()).toContain('Write your message.');
	});

	it('tells Jens, who has no journey, how to reach the municipality instead', async () => {
		const jens = await loginCitizen(baseUrl, 'demo-citizen-jens-poulsen');
		const html = await (await jens.go(`${baseUrl}/beskeder`)).text();
		expect(html).toContain('Du har ingen beskeder.');
		expect(html).toContain('ring til Sammen Kommune på');
	});
});

describe.skipIf(!chromium)('messages in the browser', () => {
	let browser: Browser;
	beforeAll(async () => {
		browser = await launchBrowser(chromium!);
	});
	afterAll(async () => {
		await browser?.close();
	});

	/** A touch screen 800 px high, logged in; the context is closed afterwards. */
	async function withPage(as: LoginAs, options: PageOptions, run: (page: Page) => Promise<void>) {
		const { page, close } = await openPage(browser, baseUrl, {
			height: 800,
			touch: true,
			...options,
			as
		});
		try {
			await run(page);
		} finally {
			await close();
		}
	}

	it('passes axe on the list and the thread, after an error and after sending, at 320 and 390 px', async () => {
		await withPage({ citizen: 'Maja Jensen' }, SWEEP.phone, async (page) => {
			await page.goto(`${baseUrl}/beskeder`);
			await checkPage(page, 'messages list');
			await Promise.all([
				page.waitForURL(/\/forloeb\/[0-9a-f-]+\/beskeder$/),
				page.getByRole('link', { name: 'Læs og skriv beskeder' }).click()
			]);
			expect(await page.locator('h1').count()).toBe(1);
			expect(await page.title()).toContain('Beskeder om Job, økonomi og familie');
			await checkPage(page, 'thread');

			// An empty message: the error summary appears and takes focus.
			await page.getByRole('button', { name: 'Send beskeden' }).click();
			await page.locator('.error-summary').waitFor();
			await expect
				.poll(() =>
					page.evaluate(() => document.activeElement?.classList.contains('error-summary'))
				)
				.toBe(true);
			expect(await page.title()).toMatch(/^Fejl: /);
			await checkPage(page, 'thread with an error');

			// The link in the summary leads to the field.
			await page.locator('.error-summary a').click();
			expect(await page.evaluate(() => document.activeElement?.id)).toBe('besked');

			await page.getByLabel('Din besked').fill('Hilsen fra en lille skærm.\nTak.');
			await page.getByRole('button', { name: 'Send beskeden' }).click();
			await page.waitForURL(/sendt=1/);
			await expect
				.poll(() => page.evaluate(() => document.activeElement?.classList.contains('sent-alert')))
				.toBe(true);
			expect(await page.getByLabel('Din besked').inputValue()).toBe('');
			expect(await page.locator('main').innerText()).toContain('Hilsen fra en lille skærm.');
			await checkPage(page, 'thread after sending');
		});
	});

	it('works without JavaScript: a failed submit focuses the summary, a sent one the notice', async () => {
		const { page, close } = await openPage(browser, baseUrl, {
			width: 390,
			height: 800,
			javaScript: false,
			as: { citizen: 'Maja Jensen' }
		});
		try {
			await page.goto(thread(majaJourney));
			await page.getByRole('button', { name: 'Send beskeden' }).click();
			await page.waitForLoadState();
			expect(
				await page.evaluate(() => document.activeElement?.classList.contains('error-summary'))
			).toBe(true);
			await page.getByLabel('Din besked').fill('Sendt uden JavaScript.');
			await page.getByRole('button', { name: 'Send beskeden' }).click();
			await page.waitForURL(/sendt=1/);
			expect(
				await page.evaluate(() => document.activeElement?.classList.contains('sent-alert'))
			).toBe(true);
		} finally {
			await close();
		}
	});

	it('passes axe in English, and for a read-only representative', async () => {
		await withPage({ citizen: 'Ahmed Hassan' }, { width: 390, locale: 'en' }, async (page) => {
			await page.goto(thread(ahmedJourney));
			expect(await page.locator('html').getAttribute('lang')).toBe('en');
			await expectNoAxeViolations(page, 'thread in English');
			await page.goto(`${baseUrl}/beskeder`);
			await expectNoAxeViolations(page, 'messages list in English');
		});
		const liseForKarl = { citizen: 'Lise Mortensen', actFor: 'Karl Nielsen' } as const;
		await withPage(liseForKarl, { width: 320 }, async (page) => {
			await page.goto(thread(karlJourney));
			expect(await page.locator('textarea').count()).toBe(0);
			await expectNoAxeViolations(page, 'thread, read-only representative');
		});
		await withPage({ citizen: 'Jens Poulsen' }, { width: 390 }, async (page) => {
			await page.goto(`${baseUrl}/beskeder`);
			await expectNoAxeViolations(page, 'messages list, empty');
		});
	});
});

describe('the audit trail', () => {
	it('records the messages as written by whom, and only representatives reading', async () => {
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
				.where('object_type', 'in', ['message', 'message_thread', 'message_threads'])
				.execute();
			const henrik = demoIds.citizen('Henrik Hansen');
			const maja = demoIds.citizen('Maja Jensen');
			const lise = demoIds.citizen('Lise Mortensen');
			expect(rows).toContainEqual(
				expect.objectContaining({
					action: 'create',
					object_type: 'message',
					actor_type: 'representative',
					actor_citizen_id: henrik,
					citizen_id: demoIds.citizen('Sofie Hansen')
				})
			);
			const majaCreates = rows.filter((r) => r.action === 'create' && r.actor_citizen_id === maja);
			expect(majaCreates.length).toBeGreaterThanOrEqual(2);
			expect(majaCreates.every((r) => r.actor_type === 'citizen' && r.citizen_id === maja)).toBe(
				true
			);
			expect(rows).toContainEqual(
				expect.objectContaining({
					action: 'read',
					object_type: 'message_thread',
					object_id: karlJourney,
					actor_type: 'representative',
					actor_citizen_id: lise,
					citizen_id: demoIds.citizen('Karl Nielsen')
				})
			);
			// A citizen reading their own messages is not "someone who looked at my data".
			expect(rows.filter((r) => r.action === 'read' && r.actor_type === 'citizen')).toEqual([]);
			// Every message written has exactly one audit row.
			const messages = await handle.db
				.selectFrom('messages')
				.select('id')
				.where('author_citizen_id', 'is not', null)
				.where('sent_at', '>', new Date(clock.now().getTime() - 60 * 60 * 1000))
				.execute();
			const audited = rows.filter((r) => r.action === 'create').map((r) => r.object_id);
			expect(audited.sort()).toEqual(messages.map((m) => m.id).sort());
		} finally {
			await handle.close();
		}
	});
});
