// Consent at /samtykke and its receipts: withdraw and give again with one plain form post each,
// every change in the history with a receipt, the change on the shared timeline, ids that are not
// the citizen's answered like missing ones, read-only and full representatives. This file changes
// data, so it runs its own server with a fresh demo database.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { connect } from '../../src/lib/server/db/connect';
import { demoIds } from '../../src/lib/server/seed/demo';
import { expectNoAxeViolations } from './browser';
import type { CookieBrowser } from './oidc-flow';
import { checkPage, SWEEP, useChromium, type LoginAs, type PageOptions } from './open-page';
import { loginCitizen as loginAs, postForm as postPage } from './portal';
import { startServer, type RunningServer } from './server';
import { text } from './html';

const chromium = inject('chromium');
const jobcenter = demoIds.department('jobcenter');
const social = demoIds.department('socialforvaltningen');
const family = demoIds.department('boern-og-familie');
const health = demoIds.department('sundhed-og-omsorg');
const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

let server: RunningServer;
let dataDir: string;
let baseUrl: string;

beforeAll(async () => {
	dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sammen-e2e-consent-'));
	server = await startServer({ dataDir });
	baseUrl = server.url;
});
afterAll(async () => {
	await server?.stop();
	fs.rmSync(dataDir, { recursive: true, force: true });
});

function receiptLinks(html: string): string[] {
	return [...html.matchAll(new RegExp(`href="[./]*samtykke/kvittering/(${UUID})"`, 'g'))].map(
		(m) => m[1]!
	);
}

async function page(browser: CookieBrowser, url: string): Promise<string> {
	const response = await browser.go(`${baseUrl}${url}`);
	expect(response.status, url).toBe(200);
	expect(response.headers.get('cache-control')).toBe('no-store');
	return response.text();
}

describe('consent without JavaScript', () => {
	let maja: CookieBrowser;
	let receipts: string[] = [];

	beforeAll(async () => {
		maja = await loginAs(baseUrl, 'demo-citizen-maja-jensen');
	});

	it('explains sharing before asking, with one card and one button per department', async () => {
		const html = await page(maja, '/samtykke');
		const body = text(html);
		expect(html).toMatch(/<title>Samtykke – Sammen – /);
		expect(html.match(/<h1/g)).toHaveLength(1);
		// The explanation comes before the first button.
		expect(body.indexOf('Hvad betyder det at give samtykke?')).toBeLessThan(
			body.indexOf('Træk samtykke tilbage fra Jobcenter')
		);
		expect(body).toContain('Det betyder det ikke');
		expect(body).toContain(
			'Jobcenter kan se, hvad Børn og Familie og Socialforvaltningen har skrevet om dig på jeres fælles tidslinje.'
		);
		expect(body).toMatch(/Du har givet samtykke \d{1,2}\. \w+ 20\d\d\./);
		expect(body).toContain('Du har ikke givet samtykke.');
		expect(body).toContain('Træk samtykke tilbage fra Jobcenter');
		expect(body).toContain('Træk samtykke tilbage fra Socialforvaltningen');
		expect(body).toContain('Giv samtykke til Børn og Familie');
		// Three departments, three forms, each with exactly one button.
		expect(html.match(/<form method="POST" action="\?\/(giv|traek)"/g)).toHaveLength(3);
		const cards = html.slice(html.indexOf('id="afdelinger"'));
		const section = cards.slice(0, cards.indexOf('</section>'));
		expect(section.match(/<button/g)).toHaveLength(3);
		receipts = receiptLinks(html);
		expect(receipts).toHaveLength(2);
	});

	it('withdraws with one post, answers with a receipt, and the card changes', async () => {
		const response = await postPage(maja, `${baseUrl}/samtykke?/traek`, { department: jobcenter });
		expect(response.status).toBe(303);
		const location = response.headers.get('location') ?? '';
		expect(location).toMatch(new RegExp(`^/samtykke/kvittering/${UUID}\\?ny=1$`));
		const id = /kvittering\/([^?]+)/.exec(location)![1]!;

		const receipt = text(await page(maja, location));
		expect(receipt).toContain('Dit samtykke er ændret. Her er din kvittering.');
		expect(receipt).toContain(`Kvitteringsnummer ${id.slice(0, 8).toUpperCase()}`);
		expect(receipt).toContain('Samtykke trukket tilbage fra Jobcenter');
		expect(receipt).toContain('Samtykket gælder Maja Jensen');
		expect(receipt).toContain('Hvordan Her i Sammen');
		expect(receipt).toContain('Registreret af Maja Jensen');
		expect(receipt).toContain('Jobcenter kan ikke se, hvad de andre afdelinger skriver om dig');
		expect(receipt).toContain('Sådan ændrer du det igen');

		const body = text(await page(maja, '/samtykke'));
		expect(body).toMatch(/Du trak dit samtykke tilbage \d{1,2}\. \w+ 20\d\d\./);
		expect(body).toContain('Giv samtykke til Jobcenter');
		expect(body).not.toContain('Træk samtykke tilbage fra Jobcenter');
	});

	it('gives it again just as easily, and the history shows both with receipts', async () => {
		const response = await postPage(maja, `${baseUrl}/samtykke?/giv`, { department: jobcenter });
		expect(response.status).toBe(303);
		expect(response.headers.get('location')).toMatch(/^\/samtykke\/kvittering\//);
		const html = await page(maja, '/samtykke');
		const links = receiptLinks(html);
		expect(links).toHaveLength(4);
		expect(links.slice(2)).toEqual(receipts);
		const body = text(html);
		const history = body.slice(body.indexOf('Alle ændringer'));
		expect(history.indexOf('Samtykke givet til Jobcenter')).toBeLessThan(
			history.indexOf('Samtykke trukket tilbage fra Jobcenter')
		);
		expect(body).toContain('Træk samtykke tilbage fra Jobcenter');
		for (const id of links) {
			expect(text(await page(maja, `/samtykke/kvittering/${id}`))).toContain(
				id.slice(0, 8).toUpperCase()
			);
		}
		receipts = links;
	});

	it('writes nothing when the consent is already as asked, and says so', async () => {
		const response = await postPage(maja, `${baseUrl}/samtykke?/giv`, { department: social });
		expect(response.status).toBe(303);
		expect(response.headers.get('location')).toBe('/samtykke?uaendret=1');
		const html = await page(maja, '/samtykke?uaendret=1');
		expect(text(html)).toContain('Der er ikke ændret noget.');
		expect(receiptLinks(html)).toEqual(receipts);
	});

	it('puts each change on the shared timeline', async () => {
		const body = text(await page(maja, `/forloeb/${demoIds.journey('maja')}`));
		expect(body).toContain('Maja Jensen gav samtykke til Jobcenter');
		expect(body).toContain('Maja Jensen trak sit samtykke til Jobcenter tilbage');
	});

	it('answers a department without a case, a made-up id and a malformed one alike: 404', async () => {
		const answers = [];
		for (const department of [health, '00000000-0000-4000-8000-000000000000', 'jobcenter', '']) {
			for (const action of ['giv', 'traek']) {
				const response = await postPage(maja, `${baseUrl}/samtykke?/${action}`, { department });
				const html = await response.text();
				answers.push({ status: response.status, h1: /<h1>([^<]+)<\/h1>/.exec(html)?.[1] });
			}
		}
		expect(new Set(answers.map((a) => JSON.stringify(a))).size).toBe(1);
		expect(answers[0]).toEqual({ status: 404, h1: 'Vi kan ikke finde siden' });
		expect(receiptLinks(await page(maja, '/samtykke'))).toEqual(receipts);
	});

	it("answers another citizen's receipt, a made-up one and a malformed one alike: 404", async () => {
		const ahmed = await loginAs(baseUrl, 'demo-citizen-ahmed-hassan');
		const ahmedsReceipt = receiptLinks(await page(ahmed, '/samtykke'))[0]!;
		const answers = [];
		for (const id of [ahmedsReceipt, '00000000-0000-4000-8000-000000000000', 'not-a-uuid', '%00']) {
			const response = await maja.go(`${baseUrl}/samtykke/kvittering/${id}`);
			const html = await response.text();
			answers.push({ status: response.status, h1: /<h1>([^<]+)<\/h1>/.exec(html)?.[1] });
		}
		expect(new Set(answers.map((a) => JSON.stringify(a))).size).toBe(1);
		expect(answers[0]).toEqual({ status: 404, h1: 'Vi kan ikke finde siden' });
		// A receipt takes no posts: the same answer whosever the id is.
		const posts = await Promise.all(
			[ahmedsReceipt, receipts[0]!, 'not-a-uuid'].map(
				async (id) => (await postPage(maja, `${baseUrl}/samtykke/kvittering/${id}`, {})).status
			)
		);
		expect(new Set(posts).size).toBe(1);
		expect(posts[0]).not.toBe(200);
	});

	it('shows Ahmed the page in English, with consents a caseworker recorded at a meeting', async () => {
		const ahmed = await loginAs(baseUrl, 'demo-citizen-ahmed-hassan');
		ahmed.setCookie(baseUrl, 'lang', 'en');
		const html = await page(ahmed, '/samtykke');
		const body = text(html);
		expect(html).toContain('<html lang="en"');
		expect(body).toContain('What does it mean to give consent?');
		expect(body).toContain('Withdraw consent from Job Centre');
		expect(body).toContain('Consent given to Citizen Service');
		expect(body).toContain('How At a meeting');
		expect(body).toContain('Recorded by A member of staff at Job Centre');
		expect(body).not.toContain('Samtykke');
		const receipt = text(await page(ahmed, `/samtykke/kvittering/${receiptLinks(html)[0]}`));
		expect(receipt).toContain('Receipt for consent');
		expect(receipt).toContain('What it means now');
	});
});

describe('consent for representatives', () => {
	it('shows Henrik, with no cases of his own, an empty page without buttons', async () => {
		const henrik = await loginAs(baseUrl, 'demo-citizen-henrik-hansen', { actFor: 'self' });
		const html = await page(henrik, '/samtykke');
		const body = text(html);
		expect(html).toContain('<h1>Samtykke</h1>');
		expect(body).toContain('Du har ingen sager hos kommunen lige nu.');
		expect(body).toContain('Der er ingen ændringer endnu.');
		expect(html).not.toMatch(/<form method="POST" action="\?\//);
	});

	it('lets Lise see Karl’s consent but not change it: no forms, and a post is refused', async () => {
		const lise = await loginAs(baseUrl, 'demo-citizen-lise-mortensen', {
			actFor: demoIds.citizen('Karl Nielsen')
		});
		const html = await page(lise, '/samtykke');
		expect(html).toContain('Samtykke for Karl Nielsen');
		expect(text(html)).toContain(
			'Du kan se oplysningerne for Karl Nielsen, men du har ikke fuldmagt'
		);
		expect(html).not.toMatch(/<form method="POST" action="\?\//);
		for (const action of ['giv', 'traek']) {
			const response = await postPage(lise, `${baseUrl}/samtykke?/${action}`, {
				department: jobcenter
			});
			expect(response.status).toBe(403);
		}
	});

	it('lets Henrik give consent for Sofie, recorded as done by him for her', async () => {
		const henrik = await loginAs(baseUrl, 'demo-citizen-henrik-hansen', {
			actFor: demoIds.citizen('Sofie Hansen')
		});
		const before = text(await page(henrik, '/samtykke'));
		expect(before).toContain('Samtykke for Sofie Hansen');
		expect(before).toContain('Sofie Hansen har ikke givet samtykke.');
		const response = await postPage(henrik, `${baseUrl}/samtykke?/giv`, { department: family });
		expect(response.status).toBe(303);
		const receipt = text(await page(henrik, response.headers.get('location')!));
		expect(receipt).toContain('Samtykket gælder Sofie Hansen');
		expect(receipt).toContain('Registreret af Henrik Hansen, som handler på vegne af Sofie Hansen');
		const after = text(await page(henrik, '/samtykke'));
		expect(after).toMatch(/Sofie Hansen har givet samtykke \d/);
	});
});

describe.skipIf(!chromium)('consent in the browser', () => {
	// A touch screen 800 px high, in Danish unless asked otherwise, logged in.
	const pages = useChromium(() => baseUrl, { height: 800, touch: true, locale: 'da' });
	const open = (as: LoginAs, options: PageOptions & { width: number }) =>
		pages.openOwn({ ...options, as });

	it('withdraws a consent with JavaScript turned off', async () => {
		const { page, close } = await open(
			{ citizen: 'Maja Jensen' },
			{ width: 390, javaScript: false }
		);
		try {
			await page.goto(`${baseUrl}/samtykke`);
			await Promise.all([
				page.waitForURL(/\/samtykke\/kvittering\//),
				page.getByRole('button', { name: 'Træk samtykke tilbage fra Socialforvaltningen' }).click()
			]);
			expect(await page.locator('h1').innerText()).toBe('Kvittering for samtykke');
			expect(await page.locator('main').innerText()).toContain(
				'Samtykke trukket tilbage fra Socialforvaltningen'
			);
			// Without JavaScript there is no print button; the browser's own print works.
			expect(await page.getByRole('button', { name: 'Udskriv kvitteringen' }).count()).toBe(0);
			await page.goto(`${baseUrl}/samtykke`);
			expect(
				await page.getByRole('button', { name: 'Giv samtykke til Socialforvaltningen' }).count()
			).toBe(1);
		} finally {
			await close();
		}
	});

	it('gives it back with JavaScript, landing on a receipt that can be printed', async () => {
		const { page, close } = await open({ citizen: 'Maja Jensen' }, { width: 390 });
		try {
			await page.goto(`${baseUrl}/samtykke`);
			await Promise.all([
				page.waitForURL(/\/samtykke\/kvittering\//),
				page.getByRole('button', { name: 'Giv samtykke til Socialforvaltningen' }).click()
			]);
			await page.getByRole('button', { name: 'Udskriv kvitteringen' }).waitFor();
			expect(await page.title()).toMatch(/^Kvittering for samtykke [0-9A-F]{8} – Sammen/);
		} finally {
			await close();
		}
	});

	for (const locale of ['da', 'en'] as const) {
		it(`/samtykke and a receipt in ${locale} at 320 and 390 px: no axe violations`, async () => {
			const { page, close } = await open({ citizen: 'Maja Jensen' }, { ...SWEEP.phone, locale });
			try {
				await page.goto(`${baseUrl}/samtykke`);
				expect(await page.getAttribute('html', 'lang')).toBe(locale);
				await checkPage(page, `/samtykke ${locale}`);
				await page.locator('a[href*="samtykke/kvittering/"]').first().click();
				await page.waitForURL(/\/samtykke\/kvittering\//);
				await checkPage(page, `receipt ${locale}`);
			} finally {
				await close();
			}
		});
	}

	it('passes axe when there is nothing to consent to (Henrik as himself)', async () => {
		// Henrik represents Sofie; without actFor the login continues as himself on the choice page.
		const { page, close } = await open({ citizen: 'Henrik Hansen' }, { width: 320 });
		try {
			await page.goto(`${baseUrl}/samtykke`);
			expect(await page.locator('main').innerText()).toContain('Der er ingen ændringer endnu.');
			await expectNoAxeViolations(page, '/samtykke empty');
		} finally {
			await close();
		}
	});

	it('hides navigation and buttons when the receipt is printed', async () => {
		const { page, close } = await open({ citizen: 'Maja Jensen' }, { width: 390 });
		try {
			await page.goto(`${baseUrl}/samtykke`);
			await page.locator('a[href*="samtykke/kvittering/"]').first().click();
			await page.waitForURL(/\/samtykke\/kvittering\//);
			await page.emulateMedia({ media: 'print' });
			expect(await page.locator('.portal-nav').isVisible()).toBe(false);
			expect(await page.locator('.session-bar').isVisible()).toBe(false);
			expect(await page.getByRole('link', { name: 'Gå til Samtykke' }).isVisible()).toBe(false);
			expect(await page.locator('.receipt').isVisible()).toBe(true);
		} finally {
			await close();
		}
	});
});

describe('the audit trail of consent changes', () => {
	it('records Maja as citizen and Henrik as representative for Sofie', async () => {
		// The embedded database serves one process: stop the server to read it.
		await server.stop();
		const handle = await connect(server.database);
		try {
			const rows = await handle.db
				.selectFrom('audit_events')
				.select(['actor_type', 'actor_citizen_id', 'citizen_id', 'action', 'object_id'])
				.where('object_type', '=', 'consent')
				.where('action', '=', 'create')
				.execute();
			const consents = await handle.db
				.selectFrom('consents')
				.select(['id', 'citizen_id'])
				.execute();
			const citizenOf = new Map(consents.map((c) => [c.id, c.citizen_id]));
			const sofie = rows.filter((r) => r.citizen_id === demoIds.citizen('Sofie Hansen'));
			expect(sofie).toEqual([
				expect.objectContaining({
					actor_type: 'representative',
					actor_citizen_id: demoIds.citizen('Henrik Hansen')
				})
			]);
			const maja = rows.filter((r) => r.citizen_id === demoIds.citizen('Maja Jensen'));
			// Withdrawn and given again without JavaScript, then the same in the browser.
			expect(maja).toHaveLength(chromium ? 4 : 2);
			for (const row of [...maja, ...sofie]) {
				expect(citizenOf.get(row.object_id!)).toBe(row.citizen_id);
			}
			expect(maja.every((r) => r.actor_type === 'citizen')).toBe(true);
		} finally {
			await handle.close();
		}
	});
});
