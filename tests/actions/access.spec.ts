// Access rules across every route that takes an id (docs/RULES.md): for a citizen, another citizen's
// object, a staff-only one, a made-up id and a malformed one; for staff, a member of staff whose
// department has no open case for the citizen, an administrator, an auditor, another citizen's
// object, a made-up and a malformed id. Each gets the same 404 to GET and to every form action the
// route's module exports, and what the error page is made of (status, error, the layouts' data) is
// the same whatever the reason. The built app's side of it (titles, forms in the HTML, the static
// error page of a download) is in tests/e2e/portal-access.spec.ts and staff-access.spec.ts.
import { beforeAll, describe, expect, it } from 'vitest';
import * as portal from '../portal-routes';
import * as staff from '../staff-routes';
import { actionsAt, routeIds, useApp, type Client, type Outcome } from './app';

const app = useApp();

/**
 * What the answer to a request is made of, by method (a refused action's answer has no page data,
 * a refused read the layouts'): the status, the error and the data the error page shows.
 */
function answer(method: 'GET' | 'POST', outcome: Outcome): string {
	return JSON.stringify({
		method,
		status: outcome.status,
		error: outcome.error,
		data: outcome.data
	});
}

/** Route ids as the tables write them: without groups. */
function withIds(prefix: RegExp): string[] {
	return routeIds()
		.map((id) => id.replace(/\/\([^/)]+\)/g, '') || '/')
		.filter((id) => id.includes('[') && prefix.test(id))
		.sort();
}

describe('every citizen route that takes an id', () => {
	let maja: Client;
	const actions = new Map<string, string[]>();

	beforeAll(async () => {
		maja = await app.citizen('Maja Jensen');
		for (const { route, path: to } of portal.routes) actions.set(route, await actionsAt(to('x')));
	});

	it('is covered by this test', () => {
		expect(portal.routesWithIds()).toEqual(portal.routes.map((r) => r.route).sort());
		expect(withIds(/^\/(?!staff|api|demo-idp)/)).toEqual(portal.routes.map((r) => r.route).sort());
	});

	it("opens Maja's own objects, never to be stored", async () => {
		for (const { route, path: to, own } of portal.routes) {
			if (!own) continue;
			const outcome = await maja.get(to(own));
			expect(outcome.status, route).toBe(200);
			expect(outcome.headers.get('cache-control'), route).toBe('no-store');
		}
	});

	it('has actions where the citizen acts', () => {
		for (const route of ['/moeder/[id]', '/opgaver/[id]', '/forloeb/[id]/beskeder']) {
			expect(actions.get(route)?.length, route).toBeGreaterThan(0);
		}
	});

	for (const { route, path: to, others } of portal.routes) {
		it(`${route}: another citizen's, a staff-only, a made-up and a malformed id answer 404`, async () => {
			const answers = new Set<string>();
			for (const id of [...others, portal.madeUp, ...portal.malformed]) {
				const read = await maja.get(to(id));
				expect(read.status, `GET ${to(id)}`).toBe(404);
				expect(read.headers.get('cache-control'), `GET ${to(id)}`).toBe('no-store');
				answers.add(answer('GET', read));
				for (const action of actions.get(route) ?? []) {
					const posted = await maja.post(`${to(id)}?/${action}`, {
						response: 'accepted',
						comment: 'x',
						body: 'x'
					});
					expect(posted.status, `POST ${to(id)}?/${action}`).toBe(404);
					answers.add(answer('POST', posted));
				}
			}
			// The same answer whatever the reason: nothing tells an existing object from a missing one.
			const methods = [...answers].map((a) => (JSON.parse(a) as { method: string }).method);
			expect(methods, `${route} answers alike`).toEqual([...new Set(methods)]);
		});
	}
});

describe("every page, download and action of the citizen's portal", () => {
	/** Every route under (portal) as a path, with Maja's object (or another's) for its id. */
	const paths = () =>
		routeIds()
			.filter((id) => id.startsWith('/(portal)/'))
			.map((id) => {
				const label = id.replace('/(portal)', '');
				const table = portal.routes.find((r) => r.route === label);
				return table ? table.path(table.own ?? table.others[0]!) : label;
			});

	it('sends a visitor to the login, with only the path to come back to', async () => {
		const visitor = app.visitor();
		expect(paths().length).toBeGreaterThan(15);
		for (const path of paths()) {
			const read = await visitor.get(`${path}?q=1`);
			expect(read.status, `GET ${path}`).toBe(303);
			expect(read.location, `GET ${path}`).toBe(`/login?returnTo=${encodeURIComponent(path)}`);
			for (const action of await actionsAt(path)) {
				const posted = await visitor.post(`${path}?/${action}`, { besked: 'Hej', body: 'x' });
				expect(posted.status, `POST ${path}?/${action}`).toBe(303);
				expect(posted.location, `POST ${path}?/${action}`).toMatch(/^\/login\?returnTo=/);
			}
		}
	});

	it('shows a visitor the front page, which explains Sammen', async () => {
		const front = await app.visitor().get('/');
		expect(front.status).toBe(200);
		expect(front.data).toMatchObject({ overview: null, portalNav: null });
	});
});

describe('every staff route that takes an id', () => {
	const clients = new Map<string, Client>();
	const as = async (name: string): Promise<Client> => {
		let client = clients.get(name);
		if (!client) {
			client = await app.staff(name as Parameters<typeof app.staff>[0]);
			clients.set(name, client);
		}
		return client;
	};
	const actions = new Map<string, string[]>();

	beforeAll(async () => {
		for (const { route, path: to } of staff.routes) actions.set(route, await actionsAt(to('x')));
	});

	it('is covered by this test', () => {
		expect(staff.staffRoutesWithIds()).toEqual(staff.routes.map((r) => r.route).sort());
		// The print queue's batches and the administration hold no citizen's object (staff.ts).
		expect(withIds(/^\/staff\/(?!post|admin)/)).toEqual(staff.routes.map((r) => r.route).sort());
	});

	it("opens Maja's objects for her coordinator, never to be stored", async () => {
		const mette = await as('Mette Larsen');
		for (const { route, path: to, own } of staff.routes) {
			const outcome = await mette.get(to(own));
			expect(outcome.status, route).toBe(200);
			expect(outcome.headers.get('cache-control'), route).toBe('no-store');
		}
	});

	for (const { route, path: to, own, deniedFor, others } of staff.routes) {
		it(`${route}: staff without access, admin, auditor, made-up and malformed ids answer 404`, async () => {
			const answers = new Map<string, Set<string>>();
			const expect404 = async (who: string, id: string) => {
				const client = await as(who);
				const read = await client.get(to(id));
				expect(read.status, `${who}: GET ${to(id)}`).toBe(404);
				const set = answers.get(who) ?? new Set<string>();
				set.add(answer('GET', read));
				for (const action of actions.get(route) ?? []) {
					const posted = await client.post(`${to(id)}?/${action}`, { body: 'x', title: 'x' });
					expect(posted.status, `${who}: POST ${to(id)}?/${action}`).toBe(404);
					set.add(answer('POST', posted));
				}
				answers.set(who, set);
			};
			for (const who of [...deniedFor, 'Anders Berg', 'Birgitte Skov']) {
				await expect404(who, own);
				await expect404(who, staff.madeUp);
			}
			for (const id of [...others, staff.madeUp, ...staff.malformed]) {
				await expect404('Mette Larsen', id);
			}
			// The same answer whatever the reason: nothing tells an existing object from a missing one.
			for (const [who, set] of answers) {
				const methods = [...set].map((a) => (JSON.parse(a) as { method: string }).method);
				expect(methods, `${who} gets one answer per method`).toEqual([...new Set(methods)]);
			}
		});
	}

	it('sends someone who is not logged in to the staff login, with nothing about the object', async () => {
		const visitor = app.visitor();
		for (const { path: to, own } of staff.routes) {
			const outcome = await visitor.get(to(own));
			expect(outcome.status).toBe(303);
			expect(outcome.location).toMatch(/^\/staff\/login/);
			// The same for a made-up id: the way back to the page, nothing about whether it exists.
			// (Not staff.madeUp: its digits look like a CPR number, which never goes into a URL.)
			const missing = 'abcdefab-cdef-4abc-8def-abcdefabcdef';
			const madeUp = await visitor.get(to(missing));
			expect(madeUp.status).toBe(303);
			expect(madeUp.location?.replace(missing, '<id>')).toBe(
				outcome.location?.replace(own, '<id>')
			);
		}
	});
});
