// Settings at /indstillinger: language (stored and applied at once), contact details for
// notifications with field errors, letters by post and its undo, an exemption only the
// municipality can lift, and representatives. This file changes data, so it runs its own server.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
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

let server: RunningServer;
let dataDir: string;
let baseUrl: string;

beforeAll(async () => {
	dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sammen-e2e-settings-'));
	server = await startServer({ dataDir });
	baseUrl = server.url;
});
afterAll(async () => {
	await server?.stop();
	fs.rmSync(dataDir, { recursive: true, force: true });
});

async function page(browser: CookieBrowser, url = '/indstillinger'): Promise<string> {
	const response = await browser.go(`${baseUrl}${url}`);
	expect(response.status, url).toBe(200);
	expect(response.headers.get('cache-control')).toBe('no-store');
	return response.text();
}

/** The value attribute of an input, by id. */
function inputValue(html: string, id: string): string | undefined {
	const input = new RegExp(`<input[^>]*\\bid="${id}"[^>]*>`).exec(html)?.[0];
	return input ? (/\bvalue="([^"]*)"/.exec(input)?.[1] ?? '') : undefined;
}

function isChecked(html: string, id: string): boolean {
	const input = new RegExp(`<input[^>]*\\bid="${id}"[^>]*>`).exec(html)?.[0] ?? '';
	return /\bchecked\b/.test(input);
}

const contact = (fields: Record<string, string>) => ({
	email: 'maja.jensen@example.com',
	phone: '12 34 52 01',
	...fields
});

describe('settings without JavaScript', () => {
	let maja: CookieBrowser;
	beforeAll(async () => {
		maja = await loginAs(baseUrl, 'demo-citizen-maja-jensen');
	});

	it('shows the four sections with the stored values, each its own form', async () => {
		const html = await page(maja);
		const body = text(html);
		expect(html).toMatch(/<title>Indstillinger – Sammen – /);
		for (const heading of [
			'Sprog',
			'Besked, når der er nyt',
			'Breve med posten',
			'Sådan kontakter du kommunen'
		]) {
			expect(html).toContain(`>${heading}</h2>`);
		}
		expect(body).toContain('Beskeden indeholder ingen personlige oplysninger.');
		expect(inputValue(html, 'email')).toBe('maja.jensen@example.com');
		expect(inputValue(html, 'phone')).toBe('12 34 52 01');
		expect(html).toMatch(/<input[^>]*id="email"[^>]*autocomplete="email"/);
		expect(html).toMatch(/<input[^>]*id="phone"[^>]*autocomplete="tel"/);
		expect(isChecked(html, 'notifyEmail')).toBe(true);
		expect(isChecked(html, 'notifySms')).toBe(true);
		expect(html).toMatch(
			/<div class="form-group-checkbox">\s*<input type="checkbox" class="form-checkbox[^"]*" id="notifyEmail"/
		);
		expect(html).toMatch(/<label class="form-label[^"]*" for="notifyEmail">/);
		for (const action of ['sprog', 'kontakt', 'post']) {
			expect(html).toContain(`action="?/${action}"`);
		}
		// Explained before the button.
		expect(body.indexOf('Det gælder også invitationer til møder.')).toBeLessThan(
			body.indexOf('Jeg vil hellere have breve med posten')
		);
		expect(body).toContain('Lige nu får du alt fra os digitalt.');
		expect(body).toContain('70 10 20 30');
		expect(body).toContain('Åbningstid');
	});

	it('names the field and stores nothing: a bad e-mail, a bad phone, sms without a phone', async () => {
		const cases: [Record<string, string>, string, string][] = [
			[contact({ email: 'maja.example.com' }), 'email', 'Skriv e-mailadressen, som den ser ud'],
			[contact({ phone: '1234' }), 'phone', 'Skriv et dansk mobilnummer med 8 cifre'],
			[contact({ phone: '+46 12 34 56 78' }), 'phone', 'Skriv et dansk mobilnummer med 8 cifre'],
			[
				contact({ phone: '', notifySms: 'ja' }),
				'phone',
				'Skriv dit mobilnummer, hvis du vil have en sms'
			],
			[
				contact({ email: '', notifyEmail: 'ja' }),
				'email',
				'Skriv din e-mailadresse, hvis du vil have en e-mail'
			]
		];
		for (const [fields, field, message] of cases) {
			const response = await postPage(maja, `${baseUrl}/indstillinger?/kontakt`, fields);
			expect(response.status, JSON.stringify(fields)).toBe(400);
			const html = await response.text();
			expect(html).toMatch(/<title>Fejl: Indstillinger/);
			expect(html).toContain('class="alert alert-error error-summary"');
			expect(html).toContain(`href="#${field}"`);
			expect(html).toContain(`id="${field}-error"`);
			expect(html).toMatch(new RegExp(`id="${field}"[^>]*aria-invalid="true"`));
			expect(text(html)).toContain(message);
			// What was typed is kept.
			expect(inputValue(html, field)).toBe(fields[field]);
		}
		const html = await page(maja);
		expect(inputValue(html, 'email')).toBe('maja.jensen@example.com');
		expect(inputValue(html, 'phone')).toBe('12 34 52 01');
		expect(isChecked(html, 'notifySms')).toBe(true);
	});

	it('saves contact details, written back the usual way', async () => {
		const response = await postPage(maja, `${baseUrl}/indstillinger?/kontakt`, {
			email: 'maja@example.com',
			phone: '+45 87654321',
			notifyEmail: 'ja'
		});
		expect(response.status).toBe(303);
		expect(response.headers.get('location')).toBe('/indstillinger?gemt=kontakt#kontakt');
		const html = await page(maja, '/indstillinger?gemt=kontakt');
		expect(text(html)).toContain('Dine kontaktoplysninger er gemt.');
		expect(inputValue(html, 'email')).toBe('maja@example.com');
		expect(inputValue(html, 'phone')).toBe('87 65 43 21');
		expect(isChecked(html, 'notifyEmail')).toBe(true);
		expect(isChecked(html, 'notifySms')).toBe(false);
	});

	it('accepts only Danish and English, and applies the language at once', async () => {
		for (const language of ['de', 'EN', '']) {
			const response = await postPage(maja, `${baseUrl}/indstillinger?/sprog`, { language });
			expect(response.status).toBe(400);
			expect(response.headers.getSetCookie().some((c) => c.startsWith('lang='))).toBe(false);
			const html = await response.text();
			expect(text(html)).toContain('Vælg dansk eller engelsk.');
			expect(html).toContain('href="#language"');
		}
		const response = await postPage(maja, `${baseUrl}/indstillinger?/sprog`, { language: 'en' });
		expect(response.status).toBe(303);
		expect(response.headers.get('location')).toBe('/indstillinger?gemt=sprog');
		expect(maja.cookie(baseUrl, 'lang')).toBe('en');
		const html = await page(maja, '/indstillinger?gemt=sprog');
		expect(html).toContain('<html lang="en"');
		expect(html).toContain('<h1>Settings</h1>');
		expect(text(html)).toContain('The language has been saved.');
		expect(html).toMatch(/<input[^>]*value="en"[^>]*checked/);
		const back = await postPage(maja, `${baseUrl}/indstillinger?/sprog`, { language: 'da' });
		expect(back.status).toBe(303);
		expect(maja.cookie(baseUrl, 'lang')).toBe('da');
	});

	it('lets Maja choose letters by post, and undo it as easily', async () => {
		let response = await postPage(maja, `${baseUrl}/indstillinger?/post`, { analog: 'ja' });
		expect(response.status).toBe(303);
		expect(response.headers.get('location')).toBe('/indstillinger?gemt=post#post');
		let body = text(await page(maja, '/indstillinger?gemt=post'));
		expect(body).toContain('Du får nu alt fra os med posten.');
		expect(body).toMatch(/Du har fået breve med posten siden \d{1,2}\. \w+ 20\d\d, fordi du selv/);
		expect(body).toContain('Jeg vil have det digitalt igen');

		response = await postPage(maja, `${baseUrl}/indstillinger?/post`, { analog: 'nej' });
		expect(response.status).toBe(303);
		body = text(await page(maja, '/indstillinger?gemt=post'));
		expect(body).toContain('Du får nu besked digitalt igen.');
		expect(body).toContain('Lige nu får du alt fra os digitalt.');
		expect(body).toContain('Jeg vil hellere have breve med posten');

		response = await postPage(maja, `${baseUrl}/indstillinger?/post`, { analog: 'måske' });
		expect(response.status).toBe(400);
		expect(await response.text()).toContain('href="#post-status"');
	});

	it('tells Karl why he gets letters by post, with no button, and refuses a post', async () => {
		const karl = await loginAs(baseUrl, 'demo-citizen-karl-nielsen');
		const html = await page(karl);
		const body = text(html);
		expect(body).toContain(
			'Kommunen har registreret, at du får breve med posten, fordi du er fritaget for Digital Post.'
		);
		expect(body).toContain('Vil du ændre det, skal du ringe til kommunen.');
		expect(html).toContain('href="tel:+4570102030"');
		expect(html).not.toContain('action="?/post"');
		expect(body).not.toContain('Jeg vil have det digitalt igen');

		const response = await postPage(karl, `${baseUrl}/indstillinger?/post`, { analog: 'nej' });
		expect(response.status).toBe(400);
		expect(text(await response.text())).toContain('Ring til kommunen, hvis du vil ændre det.');
		expect(text(await page(karl))).toContain('fordi du er fritaget for Digital Post');
	});

	it('shows Ahmed his settings in English, with English as his language', async () => {
		const ahmed = await loginAs(baseUrl, 'demo-citizen-ahmed-hassan');
		ahmed.setCookie(baseUrl, 'lang', 'en');
		const html = await page(ahmed);
		expect(html).toContain('<h1>Settings</h1>');
		expect(html).toMatch(/<input[^>]*value="en"[^>]*checked/);
		expect(text(html)).toContain('Send me a text message when there is news');
		expect(text(html)).toContain('How to contact the municipality');
		expect(text(html)).not.toContain('Indstillinger');
	});
});

describe('settings for representatives', () => {
	it('lets Lise see Karl’s settings but change nothing', async () => {
		const lise = await loginAs(baseUrl, 'demo-citizen-lise-mortensen', {
			actFor: demoIds.citizen('Karl Nielsen')
		});
		const html = await page(lise);
		const body = text(html);
		expect(html).toContain('<h1>Indstillinger for Karl Nielsen</h1>');
		expect(body).toContain('Du kan se oplysningerne for Karl Nielsen');
		expect(body).toContain(
			'Kommunen har registreret, at Karl Nielsen får breve med posten, fordi Karl Nielsen er fritaget for Digital Post.'
		);
		expect(html).not.toMatch(/<form method="POST" action="\?\//);
		for (const [action, fields] of [
			['sprog', { language: 'en' }],
			['kontakt', { email: 'lise@example.com', phone: '' }],
			['post', { analog: 'nej' }]
		] as const) {
			const response = await postPage(lise, `${baseUrl}/indstillinger?/${action}`, fields);
			expect(response.status, action).toBe(403);
		}
	});

	it('lets Henrik choose letters for Sofie without changing his own screen language', async () => {
		const henrik = await loginAs(baseUrl, 'demo-citizen-henrik-hansen', {
			actFor: demoIds.citizen('Sofie Hansen')
		});
		// His own language (Danish) was set at login; choosing Sofie's letters must not change it.
		expect(henrik.cookie(baseUrl, 'lang')).toBe('da');
		const response = await postPage(henrik, `${baseUrl}/indstillinger?/sprog`, { language: 'en' });
		expect(response.status).toBe(303);
		expect(henrik.cookie(baseUrl, 'lang')).toBe('da');
		const html = await page(henrik);
		expect(html).toContain('<h1>Indstillinger for Sofie Hansen</h1>');
		expect(html).toMatch(/<input[^>]*value="en"[^>]*checked/);
		expect(text(html)).toContain('Vi bruger sproget i de breve, vi sender til Sofie Hansen.');
	});
});

describe.skipIf(!chromium)('settings in the browser', () => {
	// A touch screen 800 px high, in Danish unless asked otherwise, logged in.
	const pages = useChromium(() => baseUrl, { height: 800, touch: true, locale: 'da' });
	const open = (as: LoginAs, options: PageOptions & { width: number }) =>
		pages.openOwn({ ...options, as });

	async function setSms(page: Page, on: boolean): Promise<void> {
		if ((await page.locator('#notifySms').isChecked()) !== on) {
			await page.locator('label[for="notifySms"]').click();
		}
	}

	const focusIsOnErrorSummary = (page: Page) =>
		page.evaluate(() => document.activeElement?.classList.contains('error-summary') ?? false);

	it('saves a contact detail with JavaScript turned off, and lands focus on errors', async () => {
		const { page, close } = await open(
			{ citizen: 'Eva Andersen' },
			{ width: 390, javaScript: false }
		);
		try {
			await page.goto(`${baseUrl}/indstillinger`);
			await page.getByLabel('Mobilnummer').fill('abc');
			await setSms(page, true);
			await page.getByRole('button', { name: 'Gem kontaktoplysninger' }).click();
			await page.locator('.error-summary').waitFor();
			expect(await focusIsOnErrorSummary(page)).toBe(true);
			await page.getByLabel('Mobilnummer').fill('12 34 56 78');
			await Promise.all([
				page.waitForURL(/gemt=kontakt/),
				page.getByRole('button', { name: 'Gem kontaktoplysninger' }).click()
			]);
			expect(await page.locator('main').innerText()).toContain('Dine kontaktoplysninger er gemt.');
			expect(await page.getByLabel('Mobilnummer').inputValue()).toBe('12 34 56 78');
			expect(await page.getByLabel('Send mig en sms, når der er nyt').isChecked()).toBe(true);
		} finally {
			await close();
		}
	});

	it('moves focus to the error summary after a failed submit with JavaScript', async () => {
		const { page, close } = await open({ citizen: 'Eva Andersen' }, { width: 390 });
		try {
			await page.goto(`${baseUrl}/indstillinger`);
			await page.getByLabel('E-mailadresse').fill('eva@');
			await page.getByRole('button', { name: 'Gem kontaktoplysninger' }).click();
			await page.locator('.error-summary').waitFor();
			await expect.poll(() => focusIsOnErrorSummary(page)).toBe(true);
			expect(await page.title()).toMatch(/^Fejl: Indstillinger/);
			// The summary's link takes the keyboard to the field.
			await page.locator('.error-summary a[href="#email"]').click();
			expect(await page.evaluate(() => document.activeElement?.id)).toBe('email');
		} finally {
			await close();
		}
	});

	it('switches the whole page to English when English is chosen', async () => {
		const { page, close } = await open({ citizen: 'Eva Andersen' }, { width: 390 });
		try {
			await page.goto(`${baseUrl}/indstillinger`);
			await page.getByText('Engelsk (English)').click();
			await Promise.all([
				page.waitForURL(/gemt=sprog/),
				page.getByRole('button', { name: 'Gem sprog' }).click()
			]);
			await page.locator('h1', { hasText: 'Settings' }).waitFor();
			expect(await page.getAttribute('html', 'lang')).toBe('en');
			// Back to Danish for the runs below.
			await page.getByText('Danish (Dansk)').click();
			await Promise.all([
				page.waitForURL(/gemt=sprog/),
				page.getByRole('button', { name: 'Save language' }).click()
			]);
			await page.locator('h1', { hasText: 'Indstillinger' }).waitFor();
			expect(await page.getAttribute('html', 'lang')).toBe('da');
		} finally {
			await close();
		}
	});

	for (const locale of ['da', 'en'] as const) {
		it(`/indstillinger in ${locale} at 320 and 390 px: no axe violations, as is, with errors, after saving`, async () => {
			const { page, close } = await open({ citizen: 'Eva Andersen' }, { ...SWEEP.phone, locale });
			try {
				await page.goto(`${baseUrl}/indstillinger`);
				expect(await page.getAttribute('html', 'lang')).toBe(locale);
				await checkPage(page, `/indstillinger ${locale}`);

				const save = locale === 'da' ? 'Gem kontaktoplysninger' : 'Save contact details';
				const phone = locale === 'da' ? 'Mobilnummer' : 'Mobile number';
				await page.getByLabel(phone).fill('');
				await setSms(page, true);
				await page.getByRole('button', { name: save }).click();
				await page.locator('.error-summary').waitFor();
				await checkPage(page, `/indstillinger with errors ${locale}`);

				await setSms(page, false);
				await Promise.all([
					page.waitForURL(/gemt=kontakt/),
					page.getByRole('button', { name: save }).click()
				]);
				await page.locator('.alert-success').waitFor();
				await checkPage(page, `/indstillinger saved ${locale}`);
			} finally {
				await close();
			}
		});
	}

	it('shows Karl’s page without errors for axe', async () => {
		const { page, close } = await open({ citizen: 'Karl Nielsen' }, { width: 320 });
		try {
			await page.goto(`${baseUrl}/indstillinger`);
			await expectNoAxeViolations(page, '/indstillinger for Karl');
		} finally {
			await close();
		}
	});
});

describe('the audit trail of settings changes', () => {
	it('records each change, Maja as citizen and Henrik as representative for Sofie', async () => {
		await server.stop();
		const handle = await connect(server.database);
		try {
			const rows = await handle.db
				.selectFrom('audit_events')
				.select(['actor_type', 'actor_citizen_id', 'citizen_id', 'object_type'])
				.where('action', '=', 'update')
				.where('object_type', 'in', ['citizen_settings', 'analog_flag'])
				.execute();
			const of = (name: 'Maja Jensen' | 'Sofie Hansen' | 'Karl Nielsen', type: string) =>
				rows.filter((r) => r.citizen_id === demoIds.citizen(name) && r.object_type === type);
			// Contact details once, language to English and back.
			expect(of('Maja Jensen', 'citizen_settings')).toHaveLength(3);
			// Letters by post, then digital again.
			expect(of('Maja Jensen', 'analog_flag')).toHaveLength(2);
			expect(of('Karl Nielsen', 'analog_flag')).toEqual([]);
			expect(of('Sofie Hansen', 'citizen_settings')).toEqual([
				expect.objectContaining({
					actor_type: 'representative',
					actor_citizen_id: demoIds.citizen('Henrik Hansen')
				})
			]);
			const citizen = await handle.db
				.selectFrom('citizens')
				.select(['preferred_language', 'email', 'phone', 'notify_by_email', 'notify_by_sms'])
				.where('id', '=', demoIds.citizen('Maja Jensen'))
				.executeTakeFirstOrThrow();
			expect(citizen).toEqual({
				preferred_language: 'da',
				email: 'maja@example.com',
				phone: '87 65 43 21',
				notify_by_email: true,
				notify_by_sms: false
			});
		} finally {
			await handle.close();
		}
	});
});
