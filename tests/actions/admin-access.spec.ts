// Administration, operations and the print queue are for administrators only (docs/RULES.md): every
// page and every form action the route's module exports answers 404 to a caseworker, a coordinator
// and the auditor, exactly as a page that does not exist, and changes nothing; a visitor and a
// citizen are sent to the staff login. For an administrator, made-up and malformed ids answer 404
// too. The pages themselves, their forms and field errors: tests/e2e/admin.spec.ts,
// operations.spec.ts and print-queue.spec.ts.
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { JOB_SCHEMA } from '../../src/lib/server/jobs/queue';
import { demoIds } from '../../src/lib/server/seed/demo';
import { insertWaitingLetter } from '../print-letters';
import { actionsAt, routeIds, useApp, type Client } from './app';

const app = useApp();

const MADE_UP = '00000000-0000-4000-8000-000000000000';
const jobcenter = demoIds.department('jobcenter');
const lone = demoIds.staff('Lone Madsen');

/** Every form field any of these actions reads, filled with something that would be valid. */
const FIELDS = {
	slug: 'klima-og-miljoe',
	name: 'Klima og miljø',
	nameEn: 'Climate and Environment',
	kleArea: '09',
	phone: '70 10 20 99',
	email: 'klima@sammen-kommune.example',
	role: 'auditor',
	departmentId: jobcenter,
	id: MADE_UP,
	reference: 'X',
	confirm: 'ja'
};

/**
 * Every row of every table of the app and of the job queue, but the sessions (logging people in
 * writes them): what must not change when someone who may not act posts.
 */
async function snapshot(): Promise<Record<string, string>> {
	const tables = await sql<{ schema: string; name: string }>`
		select table_schema as schema, table_name as name from information_schema.tables
		where table_schema in ('public', ${JOB_SCHEMA}) and table_type = 'BASE TABLE'
			and table_name <> 'sessions'
		order by 1, 2
	`.execute(app.db);
	const rows: Record<string, string> = {};
	for (const { schema, name } of tables.rows) {
		const found = await sql<{ rows: unknown }>`
			select coalesce(json_agg(t::text order by t::text), '[]'::json) as rows
			from ${sql.table(`${schema}.${name}`)} t
		`.execute(app.db);
		rows[`${schema}.${name}`] = JSON.stringify(found.rows[0]?.rows);
	}
	return rows;
}

let batch = '';
/** Each administrators' route with the object it is about: a seeded one, or a batch made here. */
const paths = () =>
	routeIds()
		.filter((id) => /^\/staff\/(admin|drift|post)(\/|$)/.test(id))
		.map((id) =>
			id
				.replace('/afdelinger/[id]', `/afdelinger/${jobcenter}`)
				.replace('/medarbejdere/[id]', `/medarbejdere/${lone}`)
				.replace('[batchId]', batch)
		);

beforeAll(async () => {
	await insertWaitingLetter(app.db, { subject: 'Invitation til hjemmebesøg' });
	const anders = await app.staff('Anders Berg');
	const exported = await anders.post('/staff/post?/eksport');
	expect(exported.status).toBe(303);
	batch = /pakker\/([0-9a-f-]{36})/.exec(exported.location ?? '')![1]!;
});

describe("the administrators' pages", () => {
	it('are these, and each opens for an administrator', async () => {
		expect(
			paths()
				.map((p) => p.replace(/[0-9a-f-]{36}/, '<id>'))
				.sort()
		).toEqual([
			'/staff/admin',
			'/staff/admin/afdelinger',
			'/staff/admin/afdelinger/<id>',
			'/staff/admin/afdelinger/ny',
			'/staff/admin/kommune',
			'/staff/admin/medarbejdere',
			'/staff/admin/medarbejdere/<id>',
			'/staff/admin/medarbejdere/ny',
			'/staff/admin/noegler',
			'/staff/admin/opbevaring',
			'/staff/drift',
			'/staff/drift/demo',
			'/staff/post',
			'/staff/post/pakker/<id>',
			'/staff/post/pakker/<id>/pakke.zip',
			'/staff/post/retur'
		]);
		const anders = await app.staff('Anders Berg');
		for (const path of paths()) {
			const outcome = await anders.get(path);
			expect(outcome.status, path).toBe(200);
			expect(outcome.headers.get('cache-control'), path).toBe('no-store');
		}
	});

	it('answer 404 to a caseworker, a coordinator and the auditor, to GET and every action, and nothing changes', async () => {
		const before = await snapshot();
		let posts = 0;
		for (const name of ['Lone Madsen', 'Mette Larsen', 'Birgitte Skov'] as const) {
			const someone: Client = await app.staff(name);
			for (const path of paths()) {
				expect((await someone.get(path)).status, `${name}: GET ${path}`).toBe(404);
				for (const action of await actionsAt(path)) {
					const posted = await someone.post(`${path}?/${action}`, FIELDS);
					expect(posted.status, `${name}: POST ${path}?/${action}`).toBe(404);
					posts++;
				}
			}
		}
		// Every page with a form was tried: departments, staff, keys, settings, retention,
		// operations, the print queue and a batch.
		expect(posts).toBeGreaterThanOrEqual(3 * 12);
		expect(Object.keys(before).length).toBeGreaterThan(25);
		expect(await snapshot()).toEqual(before);
	});

	it('send a visitor and a citizen to the staff login', async () => {
		const maja = await app.citizen('Maja Jensen');
		for (const path of paths()) {
			for (const [who, client] of [
				['visitor', app.visitor()],
				['citizen', maja]
			] as const) {
				const outcome = await client.get(path);
				expect(outcome.status, `${who}: ${path}`).toBe(303);
				expect(outcome.location, `${who}: ${path}`).toMatch(/^\/staff\/login/);
			}
		}
	});

	it('answer 404 to an administrator for made-up and malformed ids, on every page and action', async () => {
		const anders = await app.staff('Anders Berg');
		const withIds = routeIds().filter((id) => /^\/staff\/(admin|drift|post)\/.*\[/.test(id));
		expect(withIds.length).toBe(4);
		for (const id of [MADE_UP, 'abc', `${jobcenter}x`]) {
			for (const route of withIds) {
				const path = route.replace(/\[\w+\]/, id);
				expect((await anders.get(path)).status, `GET ${path}`).toBe(404);
				for (const action of await actionsAt(path)) {
					const posted = await anders.post(`${path}?/${action}`, FIELDS);
					expect(posted.status, `POST ${path}?/${action}`).toBe(404);
				}
			}
			expect((await anders.get(`/staff/admin/noegler?luk=${id}`)).status).toBe(404);
			expect((await anders.post('/staff/admin/noegler?/tilbagekald', { id })).status).toBe(404);
		}
		// Invalid data to a made-up department is still 404, not a field error.
		const bad = await anders.post(`/staff/admin/afdelinger/${MADE_UP}?/gem`, { slug: 'X X' });
		expect(bad.status).toBe(404);
	});
});
