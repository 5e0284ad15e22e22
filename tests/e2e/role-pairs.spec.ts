// The access matrix across role pairs, on the built app (docs/RULES.md, access rules 1–5; docs/
// SECURITY.md, threat model): for every pair of roles, no one reaches the other's objects, by id in
// the URL or by id in a form field, reading or writing. Every refusal is the answer a missing
// object gets (compared with a random uuid), and every refused write changes no row (a fingerprint
// of every table before and after). Sessions change at login and end at logout, and a form posted
// from another origin, or with none, is refused. The routes and form actions come from src/routes
// (role-pairs.ts), so a new route with an id fails here until the matrix says what it is about.
//
// The run has three phases on one server: owners open their own objects and the forms on them
// (reads may mark messages read, so this comes first); the database is fingerprinted while the
// server is stopped, and the representations of two sessions end meanwhile; then only refused
// requests are sent, and the fingerprint must be the same after them.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as clock from '../../src/lib/server/clock';
import { connect } from '../../src/lib/server/db/connect';
import { createApiKey } from '../../src/lib/server/db/api-keys';
import { staffSub } from '../../src/lib/server/demo-idp/instance';
import { demoIds, DEMO_CITIZENS } from '../../src/lib/server/seed/demo';
import { DemoClock } from '../../src/lib/server/seed/demo-time';
import { CookieBrowser, loginThroughApp } from './oidc-flow';
import { loginCitizen } from './portal';
import {
	allRoutes,
	crossSitePost,
	endpointMethods,
	fill,
	fingerprint,
	formActions,
	formsOf,
	inventory,
	normalise,
	PARAM_ROUTES,
	request,
	routesWithParams,
	type Answer,
	type Form,
	type Inventory,
	type ObjectKind
} from './role-pairs';
import { startSeededServer, type SeededServer } from './seeded-server';
import { startServer, type RunningServer } from './server';
import { loginStaff } from './staff';

const days = new DemoClock(clock.now());
/** Every person of the matrix logs in, some more than once: more than the default limit a minute. */
const LIMITS = { LOGIN_RATE_LIMIT_PER_MINUTE: '1000' };
const maja = demoIds.citizen('Maja Jensen');
const mikkel = demoIds.citizen('Mikkel Thomsen');
const karl = demoIds.citizen('Karl Nielsen');
const sofie = demoIds.citizen('Sofie Hansen');
const jobcenter = demoIds.department('jobcenter');
const anders = demoIds.staff('Anders Berg');
const NAMES: Record<string, string> = {
	[maja]: 'Maja Jensen',
	[mikkel]: 'Mikkel Thomsen',
	[karl]: 'Karl Nielsen'
};

/** A uuid that names nothing, with no run of digits a CPR check could take for a number. */
function randomId(): string {
	for (;;) {
		const id = randomUUID();
		if (!/\d{6}-?\d{4}/.test(id)) return id;
	}
}

// The matrix: one cell per role pair, object kind and operation, counted as the requests go.
type Op = 'read' | 'write';
const cells = new Map<string, number>();
function count(pair: string, kind: string, op: Op) {
	const key = `${pair} | ${kind} | ${op}`;
	cells.set(key, (cells.get(key) ?? 0) + 1);
}

let first: SeededServer;
let restarted: RunningServer | undefined;
let port = 0;
let baseUrl = '';
let inv: Inventory;
const keys = { job: '', health: '' };
let printBatch = '';
/** The fingerprint of every table before the refused requests. */
let before: Record<string, string> = {};

beforeAll(async () => {
	first = await startSeededServer(
		async (db) => {
			// Eva Andersen acts for Maja, fully but only in the Jobcenter's cases; Jens Poulsen and Ahmed
			// Hassan for all of Maja's, until their representations end and expire mid-session below.
			const representation = (
				key: string,
				representative: string,
				departmentIds: string[] | null
			) => ({
				id: randomUUID(),
				citizen_id: maja,
				representative_citizen_id: representative,
				scope: 'full' as const,
				department_ids: departmentIds,
				basis: 'power_of_attorney' as const,
				basis_reference: `Fuldmagt (${key})`,
				valid_from: days.date(-30),
				valid_to: null,
				registered_by_staff_id: demoIds.staff('Mette Larsen'),
				created_at: clock.now(),
				ended_at: null,
				ended_by_staff_id: null
			});
			await db
				.insertInto('representatives')
				.values([
					representation('limited', demoIds.citizen('Eva Andersen'), [jobcenter]),
					representation('revoked', demoIds.citizen('Jens Poulsen'), null),
					representation('expired', demoIds.citizen('Ahmed Hassan'), null)
				])
				.execute();
			const batch = await db
				.insertInto('print_batches')
				.values({ created_at: clock.now(), created_by_staff_id: anders, letter_count: 0 })
				.returning('id')
				.executeTakeFirstOrThrow();
			printBatch = batch.id;
			for (const [name, department] of [
				['job', 'jobcenter'],
				['health', 'sundhed-og-omsorg']
			] as const) {
				const key = await createApiKey(db, {
					departmentId: demoIds.department(department),
					name: `Matricens nøgle (${department})`,
					createdByStaffId: anders
				});
				keys[name] = key.key;
			}
			inv = await inventory(db);
		},
		{ env: LIMITS }
	);
	baseUrl = first.url;
	port = Number(new URL(baseUrl).port);
}, 180_000);

afterAll(async () => {
	await restarted?.stop();
	await first?.stop();
	if (first) fs.rmSync(first.dataDir, { recursive: true, force: true });
});

// Who logs in. Citizens by the simulator's account, staff by name.
const browsers = new Map<string, CookieBrowser>();
function as(who: string): CookieBrowser {
	const browser = browsers.get(who);
	if (!browser) throw new Error(`${who} logs in in the first phase`);
	return browser;
}
const citizenAccount = (name: string) =>
	`demo-citizen-${name
		.toLowerCase()
		.replace(/ø/g, 'oe')
		.replace(/[^a-z]+/g, '-')}`;

/** The first object of a kind that belongs to the citizen, if they have one. */
function objectOf(kind: ObjectKind, citizenId: string): string | undefined {
	switch (kind) {
		case 'journey':
		case 'conversation':
			return inv.journey.find((o) => o.citizenId === citizenId)?.id;
		case 'meeting':
		case 'ics':
			return inv.meeting.find((o) => o.citizenId === citizenId)?.id;
		case 'task':
			return inv.task.find((o) => o.citizenId === citizenId)?.id;
		case 'letter':
			return inv.letter.find((o) => o.citizenId === citizenId)?.id;
		case 'decision':
			return inv.decision.find((o) => o.citizenId === citizenId)?.id;
		case 'consent':
			return inv.consent.find((o) => o.citizenId === citizenId)?.id;
		case 'citizen':
			return citizenId;
		default:
			return undefined;
	}
}

const routesOf = (side: string) =>
	Object.entries(PARAM_ROUTES)
		.filter(([, r]) => r.side === side)
		.map(([route, r]) => ({ route, kind: r.kind }));
const citizenRoutes = () => routesOf('citizen');
const staffRoutes = () => routesOf('staff');
const actionsByRoute = formActions();
const actionsOf = (route: string) => actionsByRoute.get(route) ?? [];

/** The forms the owners found on their pages, by route and action: what the others post. */
const forms = new Map<string, Map<string, Record<string, string>>>();
function remember(route: string, found: Form[]) {
	const byAction = forms.get(route) ?? new Map<string, Record<string, string>>();
	for (const form of found) if (!byAction.has(form.action)) byAction.set(form.action, form.fields);
	forms.set(route, byAction);
}
const fieldsFor = (route: string, action: string) => ({ ...forms.get(route)?.get(action) });

/**
 * The one assertion of the matrix: `who` asking for `id` gets exactly the answer they get for a
 * random uuid, with the status expected; for every form action of the route as well.
 */
async function refusedLikeMissing(
	who: CookieBrowser,
	pair: string,
	route: string,
	kind: string,
	id: string,
	status: number | ((a: Answer) => void) = 404,
	/** False where the reader may see the object and only the writes are refused. */
	reads = true
): Promise<void> {
	const missing = randomId();
	const check = (answer: Answer, what: string) => {
		if (typeof status === 'number') expect(answer.status, `${pair}: ${what}`).toBe(status);
		else status(answer);
		// A refusal to someone logged in is an authenticated answer too (docs/RULES.md).
		expect(answer.cacheControl, `${pair}: ${what}`).toBe('no-store');
	};
	if (reads) {
		const read = await request(who, `${baseUrl}${fill(route, id)}`);
		const readMissing = await request(who, `${baseUrl}${fill(route, missing)}`);
		check(read, `GET ${route}`);
		expect(normalise(read, [id]), `${pair}: GET ${route} answers as for a missing id`).toBe(
			normalise(readMissing, [missing])
		);
		count(pair, kind, 'read');
	}
	for (const action of actionsOf(route)) {
		const fields = fieldsFor(route, action);
		const suffix = action === 'default' ? '' : `?/${action}`;
		const write = await request(who, `${baseUrl}${fill(route, id)}${suffix}`, fields);
		const writeMissing = await request(who, `${baseUrl}${fill(route, missing)}${suffix}`, fields);
		check(write, `POST ${route}${suffix}`);
		expect(
			normalise(write, [id]),
			`${pair}: POST ${route}${suffix} answers as for a missing id`
		).toBe(normalise(writeMissing, [missing]));
		count(pair, kind, 'write');
	}
}

describe('the matrix is derived from src/routes', () => {
	it('names every route with a parameter, so a new one cannot be left out', () => {
		expect(routesWithParams()).toEqual(Object.keys(PARAM_ROUTES).sort());
	});

	it('finds the form actions of the pages where people act', () => {
		expect(actionsOf('/moeder/[id]')).toEqual(['svar']);
		expect(actionsOf('/forloeb/[id]/beskeder')).toEqual(['skriv']);
		expect(actionsOf('/staff/forloeb/[journeyId]/koordinering')).toEqual([
			'tovholder',
			'tilfoej',
			'fjern',
			'maal'
		]);
		expect(actionsOf('/staff/admin/medarbejdere/[id]')).toEqual(['gem', 'luk', 'aabn']);
		expect(actionsOf('/vaelg')).toEqual(['default']);
		// Every route with actions has at least one, and each action is a name.
		for (const [route, names] of actionsByRoute) {
			expect(names.length, route).toBeGreaterThan(0);
			for (const name of names) expect(name, route).toMatch(/^\w+$/);
		}
	});
});

describe('first phase: the owners open their own objects', () => {
	it('logs everyone in', async () => {
		for (const name of ['Maja Jensen', 'Mikkel Thomsen', 'Karl Nielsen', 'Henrik Hansen']) {
			browsers.set(name, await loginCitizen(baseUrl, citizenAccount(name)));
		}
		browsers.set(
			'Lise for Karl',
			await loginCitizen(baseUrl, citizenAccount('Lise Mortensen'), { actFor: karl })
		);
		browsers.set(
			'Henrik for Sofie',
			await loginCitizen(baseUrl, citizenAccount('Henrik Hansen'), { actFor: sofie })
		);
		for (const [who, account] of [
			['Eva for Maja', 'Eva Andersen'],
			['Jens for Maja', 'Jens Poulsen'],
			['Ahmed for Maja', 'Ahmed Hassan']
		] as const) {
			browsers.set(who, await loginCitizen(baseUrl, citizenAccount(account), { actFor: maja }));
		}
		for (const name of [
			'Mette Larsen',
			'Lone Madsen',
			'Peter Holm',
			'Hanne Vestergaard',
			'Kasper Dahl',
			'Anders Berg',
			'Birgitte Skov'
		]) {
			browsers.set(name, await loginStaff(baseUrl, name));
		}
	});

	it("opens each citizen's own objects, no-store, and keeps the forms on them", async () => {
		for (const { route, kind } of citizenRoutes()) {
			let opened = 0;
			for (const citizen of [maja, mikkel, karl]) {
				const id = objectOf(kind, citizen);
				if (!id) continue;
				const response = await as(NAMES[citizen]!).go(`${baseUrl}${fill(route, id)}`);
				expect(response.status, `${NAMES[citizen]}: ${route}`).toBe(200);
				expect(response.headers.get('cache-control'), route).toBe('no-store');
				if ((response.headers.get('content-type') ?? '').startsWith('text/html')) {
					remember(route, formsOf(await response.text()));
				} else await response.arrayBuffer();
				opened++;
			}
			expect(opened, `someone owns an object of ${route}`).toBeGreaterThan(0);
		}
		for (const page of ['/samtykke', '/indstillinger', '/vaelg']) {
			const owner = page === '/vaelg' ? 'Henrik Hansen' : 'Maja Jensen';
			const response = await as(owner).go(`${baseUrl}${page}`);
			expect(response.status, page).toBe(200);
			remember(page, formsOf(await response.text()));
		}
		// The pages where citizens act have their forms.
		for (const route of ['/moeder/[id]', '/forloeb/[id]/beskeder', '/samtykke', '/vaelg']) {
			expect(forms.get(route)?.size, route).toBeGreaterThan(0);
		}
	});

	it("opens Maja's and Karl's objects for their own caseworkers, and keeps the forms", async () => {
		const mine = { [maja]: 'Mette Larsen', [karl]: 'Hanne Vestergaard' };
		for (const { route, kind } of staffRoutes()) {
			for (const [citizen, staff] of Object.entries(mine)) {
				const id =
					kind === 'meeting'
						? objectOf('meeting', citizen)
						: objectOf(kind === 'conversation' ? 'journey' : kind, citizen);
				expect(id, `${route} for ${NAMES[citizen]}`).toBeDefined();
				const response = await as(staff).go(`${baseUrl}${fill(route, id!)}`);
				expect(response.status, `${staff}: ${route}`).toBe(200);
				expect(response.headers.get('cache-control'), route).toBe('no-store');
				remember(route, formsOf(await response.text()));
			}
		}
		for (const route of [
			'/staff/forloeb/[journeyId]/koordinering',
			'/staff/borger/[citizenId]/repraesentanter'
		]) {
			expect(forms.get(route)?.size, route).toBeGreaterThan(1);
		}
	});

	it('opens the administration for the administrator and the audit trail for the auditor', async () => {
		const ids: Record<string, string> = {
			'[batchId]': printBatch,
			'[id]': ''
		};
		for (const route of allRoutes()) {
			if (!/^\/staff\/(admin|drift|post|logning)/.test(route)) continue;
			const owner = route.startsWith('/staff/logning') ? 'Birgitte Skov' : 'Anders Berg';
			let id = ids[/\[\w+\]/.exec(route)?.[0] ?? ''] ?? '';
			if (route.startsWith('/staff/admin/afdelinger/[id]')) id = jobcenter;
			if (route.startsWith('/staff/admin/medarbejdere/[id]')) id = demoIds.staff('Jonas Friis');
			const response = await as(owner).go(`${baseUrl}${fill(route, id)}`);
			expect(response.status, `${owner}: ${route}`).toBe(200);
			if ((response.headers.get('content-type') ?? '').startsWith('text/html')) {
				remember(route, formsOf(await response.text()));
			} else await response.arrayBuffer();
		}
	});

	it('shows representatives what their representation covers (the controls of the refusals)', async () => {
		const task = inv.task.find((t) => t.citizenId === maja && t.departmentId === jobcenter);
		expect(task, "a Jobcenter task of Maja's").toBeDefined();
		expect((await as('Eva for Maja').go(`${baseUrl}/opgaver/${task!.id}`)).status).toBe(200);
		for (const who of ['Jens for Maja', 'Ahmed for Maja']) {
			const journey = await as(who).go(`${baseUrl}/forloeb/${objectOf('journey', maja)}`);
			expect(journey.status, who).toBe(200);
		}
		for (const { route, kind } of citizenRoutes()) {
			const id = objectOf(kind, karl);
			if (!id) continue;
			const response = await as('Lise for Karl').go(`${baseUrl}${fill(route, id)}`);
			expect(response.status, `Lise for Karl: ${route}`).toBe(200);
			await response.arrayBuffer();
		}
		const sofieJourney = objectOf('journey', sofie);
		expect((await as('Henrik for Sofie').go(`${baseUrl}/forloeb/${sofieJourney}`)).status).toBe(
			200
		);
	});

	it("rule 4: Peter Holm sees Maja's journey but not what another department wrote; Lone Madsen does", async () => {
		const journey = objectOf('journey', maja)!;
		const note = inv.staffEntry.find(
			(e) => e.citizenId === maja && e.departmentId === demoIds.department('socialforvaltningen')
		);
		expect(note, "a staff note of Socialforvaltningen's on Maja's journey").toBeDefined();
		const lone = await (await as('Lone Madsen').go(`${baseUrl}/staff/forloeb/${journey}`)).text();
		const peter = await as('Peter Holm').go(`${baseUrl}/staff/forloeb/${journey}`);
		expect(peter.status).toBe(200);
		const html = await peter.text();
		const title = note!.title!.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
		expect(lone).toContain(title);
		expect(html).not.toContain(title);
		count('department ↔ department without consent', 'timeline entry', 'read');
	});
});

describe('sessions', () => {
	const cookieName = 'sammen_session';

	for (const kind of ['citizen', 'staff'] as const) {
		const victim = kind === 'citizen' ? citizenAccount('Maja Jensen') : staffSub('Mette Larsen');
		const attacker =
			kind === 'citizen' ? citizenAccount('Mikkel Thomsen') : staffSub('Lone Madsen');
		const home = kind === 'citizen' ? '/' : '/staff';
		/** Who the session bar says is logged in, if anyone. */
		const name = async (browser: CookieBrowser) => {
			const html = await (await browser.go(`${baseUrl}/`)).text();
			return /Logget ind som ([^<]+)</.exec(html)?.[1]?.trim() ?? null;
		};

		it(`${kind}: a session id set before login is not the one after, and is not upgraded`, async () => {
			// A made-up id planted in the browser.
			const planted = new CookieBrowser();
			planted.setCookie(baseUrl, cookieName, 'planted-by-someone-else');
			await loginThroughApp(planted, baseUrl, { kind, account: victim });
			const after = planted.cookie(baseUrl, cookieName);
			expect(after).toBeTruthy();
			expect(after).not.toBe('planted-by-someone-else');

			// A real session of the attacker's own, planted in the victim's browser before they log in.
			const own = new CookieBrowser();
			await loginThroughApp(own, baseUrl, { kind, account: attacker });
			const token = own.cookie(baseUrl, cookieName)!;
			const browser = new CookieBrowser();
			browser.setCookie(baseUrl, cookieName, token);
			const outcome = await loginThroughApp(browser, baseUrl, { kind, account: victim });
			expect(outcome.setCookies.some((c) => c.startsWith(`${cookieName}=`))).toBe(true);
			expect(browser.cookie(baseUrl, cookieName)).not.toBe(token);
			// The attacker's copy never became the victim's: the victim's login ended it.
			const copy = new CookieBrowser();
			copy.setCookie(baseUrl, cookieName, token);
			expect(await name(copy)).toBeNull();
			expect(await name(browser)).toBe(kind === 'citizen' ? 'Maja Jensen' : 'Mette Larsen');
		});

		it(`${kind}: the session cookie changes at every login and is worthless after logout`, async () => {
			const browser = new CookieBrowser();
			await loginThroughApp(browser, baseUrl, { kind, account: victim });
			const firstToken = browser.cookie(baseUrl, cookieName)!;
			await loginThroughApp(browser, baseUrl, { kind, account: victim });
			const secondToken = browser.cookie(baseUrl, cookieName)!;
			expect(secondToken).not.toBe(firstToken);
			const logout = await browser.go(`${baseUrl}/logout`, { method: 'POST' });
			expect(logout.status).toBe(303);
			expect(logout.headers.get('clear-site-data')).toBe('"cache", "storage"');
			expect(browser.cookie(baseUrl, cookieName)).toBeUndefined();
			const copy = new CookieBrowser();
			copy.setCookie(baseUrl, cookieName, secondToken);
			expect(await name(copy)).toBeNull();
			if (kind === 'staff') {
				const page = await copy.go(`${baseUrl}${home}`);
				expect(page.status).toBe(303);
				expect(page.headers.get('location')).toMatch(/^\/staff\/login/);
			}
		});
	}
});

describe('between the phases', () => {
	it('ends one representation and lets another expire while their sessions go on', async () => {
		await first.stopAndInspect(async (db) => {
			await db
				.updateTable('representatives')
				.set({ ended_at: clock.now(), ended_by_staff_id: demoIds.staff('Mette Larsen') })
				.where('basis_reference', '=', 'Fuldmagt (revoked)')
				.execute();
			await db
				.updateTable('representatives')
				.set({ valid_from: days.date(-30), valid_to: days.date(-1) })
				.where('basis_reference', '=', 'Fuldmagt (expired)')
				.execute();
			before = await fingerprint(db);
		});
		restarted = await startServer({ database: first.database, port, env: LIMITS });
		expect(restarted.url).toBe(baseUrl);
	}, 180_000);
});

describe('second phase: every pair is refused, like a missing object', () => {
	it("citizen ↔ citizen: another's objects by id in the URL, read and every form action", async () => {
		const everyone = [...new Set(inv.journey.map((j) => j.citizenId))];
		for (const [attacker, victims] of [
			[maja, [mikkel, karl, ...everyone]],
			[mikkel, [maja, karl, ...everyone]]
		] as const) {
			for (const { route, kind } of citizenRoutes()) {
				const victim = victims.find((v) => v !== attacker && objectOf(kind, v));
				expect(victim, `another citizen with ${kind}`).toBeDefined();
				await refusedLikeMissing(
					as(NAMES[attacker]!),
					'citizen ↔ citizen',
					route,
					kind,
					objectOf(kind, victim!)!
				);
			}
		}
	});

	it("citizen ↔ citizen: another citizen's id in a form field (acting for them) answers 404", async () => {
		for (const [attacker, victim] of [
			['Mikkel Thomsen', maja],
			['Maja Jensen', karl],
			['Lise for Karl', maja]
		] as const) {
			const browser = as(attacker);
			const missing = randomId();
			const fields = { ...fieldsFor('/vaelg', 'default'), returnTo: '/' };
			const chosen = await request(browser, `${baseUrl}/vaelg`, { ...fields, for: victim });
			const made = await request(browser, `${baseUrl}/vaelg`, { ...fields, for: missing });
			expect(chosen.status, attacker).toBe(404);
			expect(normalise(chosen, [victim])).toBe(normalise(made, [missing]));
			count('citizen ↔ citizen', 'acting for (form field)', 'write');
		}
	});

	it('citizen ↔ citizen: lists, overview and "my data" hold nothing of another\'s', async () => {
		const majaIds = Object.values(inv)
			.flat()
			.filter(
				(o): o is { id: string; citizenId: string } => typeof o === 'object' && o.citizenId === maja
			)
			.map((o) => o.id);
		expect(majaIds.length).toBeGreaterThan(20);
		const pages = [
			'/',
			'/beskeder',
			'/moeder',
			'/opgaver',
			'/dokumenter',
			'/samtykke',
			'/indsigt',
			'/mine-data',
			'/mine-data/udskriv',
			'/mine-data/data.json'
		];
		for (const page of pages) {
			const response = await as('Mikkel Thomsen').go(`${baseUrl}${page}`);
			expect(response.status, page).toBe(200);
			const body = await response.text();
			for (const id of [maja, ...majaIds])
				expect(body, `${page} names Maja's ${id}`).not.toContain(id);
			expect(body, page).not.toContain('Maja Jensen');
			count(
				'citizen ↔ citizen',
				page.startsWith('/mine-data') ? 'my data export' : 'lists',
				'read'
			);
		}
		// The control: Maja's own export has her journey.
		const own = await (await as('Maja Jensen').go(`${baseUrl}/mine-data/data.json`)).text();
		expect(own).toContain(objectOf('journey', maja)!);
	});

	it('representative limited to the Jobcenter: journey-wide and whole-person objects answer 404', async () => {
		const eva = as('Eva for Maja');
		for (const { route, kind } of citizenRoutes()) {
			const id = objectOf(kind, maja);
			if (!id || kind === 'task') continue;
			await refusedLikeMissing(eva, 'representative: limited scope', route, kind, id);
		}
		const other = inv.task.find((t) => t.citizenId === maja && t.departmentId !== jobcenter);
		if (other)
			await refusedLikeMissing(
				eva,
				'representative: limited scope',
				'/opgaver/[id]',
				'task (other department)',
				other.id
			);
		for (const page of [
			'/samtykke',
			'/indsigt',
			'/mine-data',
			'/mine-data/data.json',
			'/indstillinger'
		]) {
			expect((await request(eva, `${baseUrl}${page}`)).status, page).toBe(404);
			count('representative: limited scope', page, 'read');
			for (const action of actionsOf(page)) {
				const posted = await request(eva, `${baseUrl}${page}?/${action}`, fieldsFor(page, action));
				expect(posted.status, `${page}?/${action}`).toBe(404);
				count('representative: limited scope', page, 'write');
			}
		}
	});

	it("representative limited to the Jobcenter: the overview and lists hold nothing of the other departments' or the journey's", async () => {
		const eva = as('Eva for Maja');
		const mine = <T extends { citizenId: string }>(list: T[]) =>
			list.filter((o) => o.citizenId === maja);
		const outside = [
			...mine(inv.journey),
			...mine(inv.meeting),
			...mine(inv.consent),
			...mine(inv.goal),
			...mine(inv.decision).filter((d) => d.departmentId !== jobcenter),
			...mine(inv.case).filter((c) => c.departmentId !== jobcenter),
			...mine(inv.task).filter((t) => t.departmentId !== jobcenter)
		];
		const otherCases = mine(inv.case).filter((c) => c.departmentId !== jobcenter);
		expect(otherCases.length).toBeGreaterThan(0);
		const jobCase = mine(inv.case).find((c) => c.departmentId === jobcenter)!;
		for (const page of ['/', '/opgaver']) {
			const answer = await request(eva, `${baseUrl}${page}`);
			expect(answer.status, page).toBe(200);
			for (const { id } of outside) expect(answer.body, `${page} names ${id}`).not.toContain(id);
			for (const { title } of otherCases) expect(answer.body, page).not.toContain(title);
			count('representative: limited scope', page, 'read');
		}
		// The control: the overview shows the Jobcenter's case.
		expect((await request(eva, `${baseUrl}/`)).body).toContain(jobCase.title!);
		for (const page of ['/beskeder', '/moeder', '/dokumenter', '/mine-data/udskriv']) {
			expect((await request(eva, `${baseUrl}${page}`)).status, page).toBe(404);
			count('representative: limited scope', page, 'read');
		}
	});

	it("department ↔ department: a search by name or CPR number finds no citizen of another department's", async () => {
		const form = formsOf(await (await as('Hanne Vestergaard').go(`${baseUrl}/staff/soeg`)).text());
		const fields = form.find((f) => f.action === 'soeg')!.fields;
		const links = (answer: Answer) =>
			[...answer.body.matchAll(/staff\/borger\/([0-9a-f-]{36})/g)].map((m) => m[1]);
		const search = (who: string, query: string) =>
			request(as(who), `${baseUrl}/staff/soeg?/soeg`, {
				...fields,
				query,
				purpose: 'Adgangsmatricen'
			});
		for (const query of ['Maja Jensen', DEMO_CITIZENS['Maja Jensen']]) {
			// The control: her coordinator finds her.
			expect(links(await search('Mette Larsen', query)), query).toContain(maja);
			const theirs = await search('Hanne Vestergaard', query);
			const madeUp = query.includes('-') ? '010101-0000' : 'Ingen Sådan Person';
			const missing = await search('Hanne Vestergaard', madeUp);
			expect(theirs.status).toBe(200);
			expect(links(theirs), query).not.toContain(maja);
			expect(normalise(theirs, [query]), query).toBe(normalise(missing, [madeUp]));
			count('department ↔ department without consent', 'citizen (search)', 'read');
		}
	});

	it('read-only representative: every form action on what they may see is refused (403)', async () => {
		const lise = as('Lise for Karl');
		for (const { route, kind } of citizenRoutes()) {
			const id = objectOf(kind, karl);
			if (!id) continue;
			for (const action of actionsOf(route)) {
				const posted = await request(
					lise,
					`${baseUrl}${fill(route, id)}?/${action}`,
					fieldsFor(route, action)
				);
				expect(posted.status, `${route}?/${action}`).toBe(403);
				count('representative: read-only vs full', kind, 'write');
			}
		}
		for (const page of ['/samtykke', '/indstillinger']) {
			for (const action of actionsOf(page)) {
				const posted = await request(lise, `${baseUrl}${page}?/${action}`, fieldsFor(page, action));
				expect(posted.status, `${page}?/${action}`).toBe(403);
				count('representative: read-only vs full', page, 'write');
			}
		}
	});

	it("representative acting for someone else: the third person's objects answer 404", async () => {
		for (const { route, kind } of citizenRoutes()) {
			const id = objectOf(kind, maja) ?? objectOf(kind, mikkel);
			if (!id) continue;
			await refusedLikeMissing(
				as('Henrik for Sofie'),
				'representative: not theirs',
				route,
				kind,
				id
			);
		}
	});

	it('representation revoked or expired mid-session: nothing of the citizen any more', async () => {
		for (const who of ['Jens for Maja', 'Ahmed for Maja']) {
			const pair = who.startsWith('Jens') ? 'representative: revoked' : 'representative: expired';
			for (const { route, kind } of citizenRoutes()) {
				const id = objectOf(kind, maja);
				if (!id) continue;
				await refusedLikeMissing(as(who), pair, route, kind, id);
			}
			// The session goes on as the representative's own (auth/session.ts): their own pages, with
			// nothing of Maja's.
			for (const page of ['/', '/samtykke', '/mine-data/data.json']) {
				const answer = await request(as(who), `${baseUrl}${page}`);
				expect(answer.status, `${who}: ${page}`).toBe(200);
				// Their own export lists the representations they held, Maja's among them; nothing else
				// in it is about her.
				const about = page.endsWith('.json')
					? JSON.stringify({ ...(JSON.parse(answer.body) as object), representatives: null })
					: answer.body;
				expect(about, `${who}: ${page}`).not.toContain('Maja Jensen');
				expect(answer.body, `${who}: ${page}`).not.toContain(objectOf('journey', maja)!);
				count(pair, page, 'read');
			}
		}
	});

	it('department ↔ department: staff without a case for the citizen get 404 for every page and action', async () => {
		const pairs = [
			{ victim: maja, attackers: ['Hanne Vestergaard', 'Kasper Dahl'] },
			{ victim: karl, attackers: ['Mette Larsen', 'Lone Madsen'] }
		];
		for (const { victim, attackers } of pairs) {
			for (const attacker of attackers) {
				for (const { route, kind } of staffRoutes()) {
					const id = objectOf(kind === 'conversation' ? 'journey' : kind, victim)!;
					await refusedLikeMissing(
						as(attacker),
						'department ↔ department without consent',
						route,
						kind,
						id
					);
				}
			}
		}
	});

	it("department ↔ department: Peter Holm cannot correct another department's note (rule 4)", async () => {
		const journey = objectOf('journey', maja)!;
		const note = inv.staffEntry.find(
			(e) => e.citizenId === maja && e.departmentId === demoIds.department('socialforvaltningen')
		)!;
		const route = `${baseUrl}/staff/forloeb/${journey}/ny-post?/gem`;
		const fields = fieldsFor('/staff/forloeb/[journeyId]/ny-post', 'gem');
		const missing = randomId();
		const corrected = await request(as('Peter Holm'), route, { ...fields, retter: note.id });
		const made = await request(as('Peter Holm'), route, { ...fields, retter: missing });
		expect(corrected.status).toBe(404);
		expect(normalise(corrected, [note.id])).toBe(normalise(made, [missing]));
		count('department ↔ department without consent', 'timeline entry', 'write');
	});

	it("department ↔ department: a caseworker who sees Maja changes nothing that is another's to change", async () => {
		// Peter Holm (Børn og Familie, no consent) and Lone Madsen (Jobcenter, with consent) have a
		// case with Maja but neither coordinates her journey nor organised its meeting (access rules
		// 3–4; policy.ts: coordination is the coordinator's, a case's status its department's).
		const journey = objectOf('journey', maja)!;
		const meeting = objectOf('meeting', maja)!;
		for (const [who, pair] of [
			['Peter Holm', 'department ↔ department without consent'],
			['Lone Madsen', 'department ↔ department with consent']
		] as const) {
			for (const route of [
				'/staff/forloeb/[journeyId]/koordinering',
				'/staff/forloeb/[journeyId]/moede'
			]) {
				await refusedLikeMissing(as(who), pair, route, 'journey (coordination)', journey);
			}
			await refusedLikeMissing(
				as(who),
				pair,
				'/staff/moeder/[meetingId]',
				'meeting',
				meeting,
				404,
				false
			);
			// A status change of another department's case on the same journey, by its id in a field.
			const other = inv.case.find(
				(c) =>
					c.citizenId === maja &&
					c.departmentId !==
						(who === 'Peter Holm' ? demoIds.department('boern-og-familie') : jobcenter)
			)!;
			const url = `${baseUrl}/staff/forloeb/${journey}/ny-post?/gem`;
			const fields = {
				...fieldsFor('/staff/forloeb/[journeyId]/ny-post', 'gem'),
				type: 'status',
				status: 'in_progress'
			};
			const missing = randomId();
			const theirs = await request(as(who), url, { ...fields, sag: other.id });
			const made = await request(as(who), url, { ...fields, sag: missing });
			expect(theirs.status, who).toBe(404);
			expect(normalise(theirs, [other.id])).toBe(normalise(made, [missing]));
			count(pair, 'case (status by sag)', 'write');
		}
	});

	it("staff: another citizen's object in a form field answers as a made-up one", async () => {
		// A field that counts only with another's value: the case of a new entry is read for a status
		// change (journeys/entry.ts), so the entry is made one.
		const USED_WITH: Record<string, Record<string, string>> = {
			sag: { type: 'status', status: 'in_progress' }
		};
		// Every uuid field of the forms on Maja's pages that names one of Maja's objects, given one of
		// Karl's of the same kind instead (Mette Larsen cannot see Karl).
		const kinds = [
			'case',
			'goal',
			'representation',
			'entry',
			'meeting',
			'journey',
			'consent'
		] as const;
		const kindOf = (id: string) =>
			kinds.find((k) => inv[k].some((o) => o.id === id && o.citizenId === maja));
		let swapped = 0;
		for (const { route, kind } of staffRoutes()) {
			const id = objectOf(kind === 'conversation' ? 'journey' : kind, maja)!;
			for (const [action, fields] of forms.get(route) ?? []) {
				for (const [field, value] of Object.entries(fields)) {
					const k = kindOf(value);
					if (!k) continue;
					// Karl's, or another's Mette cannot see when Karl has none of this kind.
					const foreign = (
						inv[k].find((o) => o.citizenId === karl) ??
						inv[k].find((o) => o.citizenId !== maja && o.citizenId !== mikkel)
					)?.id;
					expect(foreign, `another citizen's ${k}`).toBeDefined();
					if (!foreign) continue;
					const missing = randomId();
					const url = `${baseUrl}${fill(route, id)}?/${action}`;
					const used = { ...fields, ...USED_WITH[field] };
					const theirs = await request(as('Mette Larsen'), url, { ...used, [field]: foreign });
					const made = await request(as('Mette Larsen'), url, { ...used, [field]: missing });
					expect(theirs.status, `${route}?/${action} ${field}`).toBeGreaterThanOrEqual(400);
					expect(normalise(theirs, [foreign]), `${route}?/${action} ${field}`).toBe(
						normalise(made, [missing])
					);
					count('staff: id in a form field', `${k} (${field})`, 'write');
					swapped++;
				}
			}
		}
		// The correction of an entry names it in a field too.
		const journey = objectOf('journey', maja)!;
		const fields = fieldsFor('/staff/forloeb/[journeyId]/ny-post', 'gem');
		const karlEntry = inv.entry.find((e) => e.citizenId === karl)!.id;
		const missing = randomId();
		const url = `${baseUrl}/staff/forloeb/${journey}/ny-post?/gem`;
		const theirs = await request(as('Mette Larsen'), url, { ...fields, retter: karlEntry });
		const made = await request(as('Mette Larsen'), url, { ...fields, retter: missing });
		expect(theirs.status).toBe(404);
		expect(normalise(theirs, [karlEntry])).toBe(normalise(made, [missing]));
		count('staff: id in a form field', 'entry (retter)', 'write');
		expect(swapped).toBeGreaterThanOrEqual(3);
	});

	it('administrator ↔ auditor: each gets 404 for the other’s pages and actions', async () => {
		const missingPage = (who: CookieBrowser, route: string) => request(who, `${baseUrl}${route}`);
		for (const route of allRoutes()) {
			const admin = /^\/staff\/(admin|drift|post)/.test(route);
			const audit = /^\/staff\/logning/.test(route);
			if (!admin && !audit) continue;
			const who = admin ? as('Birgitte Skov') : as('Anders Berg');
			const pair = 'administrator ↔ auditor';
			const param = /\[\w+\]/.exec(route)?.[0];
			if (param) {
				const id =
					param === '[batchId]'
						? printBatch
						: route.includes('afdelinger')
							? jobcenter
							: demoIds.staff('Jonas Friis');
				await refusedLikeMissing(who, pair, route, route, id);
				continue;
			}
			// A page of the other's answers as one of their own objects that does not exist.
			const read = await missingPage(who, route);
			const missing = randomId();
			const download = /\.\w+$/.test(route);
			const absent = await missingPage(
				who,
				download
					? `/staff/post/pakker/${missing}/pakke.zip`
					: admin
						? `/staff/admin/afdelinger/${missing}`
						: `/staff/post/pakker/${missing}`
			);
			// Two routes' pages differ in the client's start-up script (which route it is) and the path
			// the language switch carries back; what the page says, its <main>, is the same.
			const here = (answer: Answer) => ({
				...answer,
				body: /<main[\s\S]*<\/main>/.exec(answer.body)?.[0] ?? answer.body
			});
			expect(read.status, route).toBe(404);
			expect(normalise(here(read), []), route).toBe(normalise(here(absent), [missing]));
			expect(read.body).toContain(download ? 'Filen kan ikke hentes' : 'Vi kan ikke finde siden');
			count(pair, route, 'read');
			for (const action of actionsOf(route)) {
				const posted = await request(
					who,
					`${baseUrl}${route}?/${action}`,
					fieldsFor(route, action)
				);
				expect(posted.status, `${route}?/${action}`).toBe(404);
				count(pair, route, 'write');
			}
		}
	});

	it('citizen ↔ staff: a citizen session is sent to the staff login, a staff session to the citizen login', async () => {
		const toLogin = (prefix: string) => (answer: Answer) => {
			expect(answer.status).toBe(303);
			expect(answer.location).toMatch(new RegExp(`^${prefix}`));
		};
		for (const { route, kind } of staffRoutes()) {
			const id = objectOf(kind === 'conversation' ? 'journey' : kind, maja)!;
			await refusedLikeMissing(
				as('Maja Jensen'),
				'citizen ↔ staff',
				route,
				kind,
				id,
				toLogin('/staff/login')
			);
		}
		for (const route of allRoutes()) {
			if (!route.startsWith('/staff/') || route.includes('[') || route === '/staff/login') continue;
			const read = await request(as('Maja Jensen'), `${baseUrl}${route}`);
			toLogin('/staff/login')(read);
			count('citizen ↔ staff', route, 'read');
			for (const action of actionsOf(route)) {
				toLogin('/staff/login')(
					await request(
						as('Maja Jensen'),
						`${baseUrl}${route}?/${action}`,
						fieldsFor(route, action)
					)
				);
				count('citizen ↔ staff', route, 'write');
			}
		}
		for (const { route, kind } of citizenRoutes()) {
			await refusedLikeMissing(
				as('Mette Larsen'),
				'staff ↔ citizen',
				route,
				kind,
				objectOf(kind, maja) ?? objectOf(kind, karl)!,
				toLogin('/login')
			);
		}
		for (const page of ['/samtykke', '/indstillinger', '/mine-data/data.json', '/vaelg']) {
			toLogin('/login')(await request(as('Mette Larsen'), `${baseUrl}${page}`));
			count('staff ↔ citizen', page, 'read');
			for (const action of actionsOf(page)) {
				const suffix = action === 'default' ? '' : `?/${action}`;
				toLogin('/login')(
					await request(as('Mette Larsen'), `${baseUrl}${page}${suffix}`, fieldsFor(page, action))
				);
				count('staff ↔ citizen', page, 'write');
			}
		}
	});

	it('citizen ↔ staff: the API with a session cookie and no key is refused', async () => {
		for (const who of ['Maja Jensen', 'Mette Larsen', 'Anders Berg']) {
			const cookie = as(who)
				.cookies(baseUrl)
				.map((c) => `${c.name}=${c.value}`)
				.join('; ');
			for (const [method, body] of [
				['GET', undefined],
				['PUT', '{}']
			] as const) {
				const response = await fetch(`${baseUrl}/api/v1/cases/JOB-104417`, {
					method,
					headers: { cookie, 'content-type': 'application/json', 'idempotency-key': randomUUID() },
					body
				});
				expect(response.status, `${who}: ${method}`).toBe(401);
				await response.arrayBuffer();
				count('session cookie ↔ API', 'case', method === 'GET' ? 'read' : 'write');
			}
		}
	});

	it("API key ↔ API key: one department's key gets 404 for another's case and citizen, as for a missing one", async () => {
		const methods = endpointMethods('/api/v1');
		const call = async (key: string, method: string, path: string, body?: unknown) => {
			const response = await fetch(`${baseUrl}/api/v1${path}`, {
				method,
				headers: {
					authorization: `Bearer ${key}`,
					'content-type': 'application/json',
					'idempotency-key': randomUUID()
				},
				body: body === undefined || method === 'GET' ? undefined : JSON.stringify(body)
			});
			return { status: response.status, body: await response.text() };
		};
		const bodies: Record<string, unknown> = {
			'/api/v1/cases/[externalRef]/timeline': {
				externalRef: `E-${randomUUID()}`,
				kind: 'note',
				visibility: 'citizen',
				title: 'T',
				body: 'B'
			},
			'/api/v1/cases/[externalRef]/meetings/[meetingRef]': {
				title: 'Møde',
				startsAt: days.workdayAt(7, 10).toISOString(),
				endsAt: days.workdayAt(7, 11).toISOString(),
				location: 'Rådhuset'
			}
		};
		const foreign = [
			{ key: keys.job, ref: 'SUO-118203', citizen: karl },
			{ key: keys.health, ref: 'JOB-104417', citizen: maja }
		];
		for (const [route, verbs] of methods) {
			if (!PARAM_ROUTES[route] || PARAM_ROUTES[route]!.side !== 'api') continue;
			for (const verb of verbs) {
				// PUT on a case is an upsert in the key's own department (references are per department):
				// another department's reference makes a case of the key's own, so it is no refusal.
				if (route === '/api/v1/cases/[externalRef]' && verb === 'PUT') continue;
				for (const { key, ref, citizen } of foreign) {
					const path = (r: string, c: string) =>
						route
							.replace('/api/v1', '')
							.replace('[externalRef]', r)
							.replace('[meetingRef]', 'M-matrix')
							.replace('[citizenId]', c);
					const missingCitizen = randomId();
					const theirs = await call(key, verb, path(ref, citizen), bodies[route]);
					const missing = await call(
						key,
						verb,
						path('NO-SUCH-CASE', missingCitizen),
						bodies[route]
					);
					expect(theirs.status, `${verb} ${route}`).toBe(404);
					expect(
						theirs.body.replaceAll(ref, '<ref>').replaceAll(citizen, '<id>'),
						`${verb} ${route}`
					).toBe(
						missing.body.replaceAll('NO-SUCH-CASE', '<ref>').replaceAll(missingCitizen, '<id>')
					);
					count('API key ↔ API key (departments)', route, verb === 'GET' ? 'read' : 'write');
				}
			}
		}
	});

	it('CSRF: every form action family refuses a post from another origin and from none (403)', async () => {
		const owner = (route: string) =>
			route.startsWith('/staff/logning')
				? 'Birgitte Skov'
				: /^\/staff\/(admin|drift|post)/.test(route)
					? 'Anders Berg'
					: route.startsWith('/staff')
						? 'Mette Larsen'
						: route === '/vaelg'
							? 'Henrik Hansen'
							: 'Maja Jensen';
		const idFor = (route: string) => {
			const param = /\[\w+\]/.exec(route)?.[0];
			if (!param) return '';
			if (param === '[batchId]') return printBatch;
			if (route.includes('afdelinger')) return jobcenter;
			if (route.includes('medarbejdere')) return demoIds.staff('Jonas Friis');
			const kind = PARAM_ROUTES[route]!.kind;
			return objectOf(kind === 'conversation' ? 'journey' : kind, maja)!;
		};
		const targets: { url: string; who: string; fields: Record<string, string>; family: string }[] =
			[];
		for (const [route, actions] of actionsByRoute) {
			for (const action of actions) {
				const suffix = action === 'default' ? '' : `?/${action}`;
				targets.push({
					url: `${baseUrl}${fill(route, idFor(route))}${suffix}`,
					who: owner(route),
					fields: fieldsFor(route, action),
					family: route
				});
			}
		}
		// The endpoints a form posts to.
		for (const [route, verbs] of endpointMethods('/')) {
			if (!verbs.includes('POST') || route.startsWith('/api') || route.startsWith('/demo-idp'))
				continue;
			targets.push({
				url: `${baseUrl}${route}`,
				who: 'Maja Jensen',
				fields: route === '/sprog' ? { lang: 'en', redirectTo: '/' } : {},
				family: route
			});
		}
		expect(targets.length).toBeGreaterThan(30);
		for (const { url, who, fields, family } of targets) {
			for (const origin of ['https://evil.example', null]) {
				const answer = await crossSitePost(as(who), url, fields, origin);
				expect(answer.status, `${url} from ${origin ?? 'no origin'}`).toBe(403);
				expect(answer.body).toContain('Cross-site POST form submissions are forbidden');
			}
			count('CSRF (another origin, none)', family, 'write');
		}
		// The logout that was refused left the session as it was.
		const front = await (await as('Maja Jensen').go(`${baseUrl}/`)).text();
		expect(front).toContain('Maja Jensen');
	});
});

describe('third phase: nothing changed', () => {
	it('has every row of every table as before the refused requests', async () => {
		await restarted!.stop();
		restarted = undefined;
		const handle = await connect(first.database);
		let after: Record<string, string>;
		try {
			after = await fingerprint(handle.db);
		} finally {
			await handle.close();
		}
		expect(Object.keys(before).length).toBeGreaterThan(15);
		expect(after).toEqual(before);
	}, 120_000);

	it('prints the matrix and its size: every role pair, each with its object kinds, read and write', () => {
		// pair → kind → [reads, writes]
		const table = new Map<string, Map<string, [number, number]>>();
		for (const [key, n] of cells) {
			const [pair = '', kind = '', op] = key.split(' | ');
			const kinds = table.get(pair) ?? new Map<string, [number, number]>();
			const counts = kinds.get(kind) ?? [0, 0];
			counts[op === 'read' ? 0 : 1] += n;
			kinds.set(kind, counts);
			table.set(pair, kinds);
		}
		const requests = [...cells.values()].reduce((a, b) => a + b, 0);
		const lines = [
			`Access matrix: ${table.size} role pairs, ${cells.size} cells (pair × object kind × read/write), ${requests} refused requests`
		];
		for (const [pair, kinds] of [...table].sort(([a], [b]) => a.localeCompare(b))) {
			lines.push(pair);
			for (const [kind, [reads, writes]] of [...kinds].sort(([a], [b]) => a.localeCompare(b))) {
				lines.push(
					`  ${kind.padEnd(56)} read ${String(reads).padStart(3)}  write ${String(writes).padStart(3)}`
				);
			}
		}
		console.log(lines.join('\n'));
		expect([...table.keys()].sort()).toEqual(
			[
				'API key ↔ API key (departments)',
				'CSRF (another origin, none)',
				'administrator ↔ auditor',
				'citizen ↔ citizen',
				'citizen ↔ staff',
				'department ↔ department with consent',
				'department ↔ department without consent',
				'representative: expired',
				'representative: limited scope',
				'representative: not theirs',
				'representative: read-only vs full',
				'representative: revoked',
				'session cookie ↔ API',
				'staff ↔ citizen',
				'staff: id in a form field'
			].sort()
		);
		// Every citizen-owned kind, both ways between two citizens, read; and written where it has forms.
		const citizens = table.get('citizen ↔ citizen')!;
		for (const { kind } of citizenRoutes()) expect(citizens.get(kind)?.[0], kind).toBe(2);
		expect(cells.size).toBeGreaterThanOrEqual(190);
		expect(requests).toBeGreaterThanOrEqual(370);
	});
});
