// The actions tier's harness (app.ts) behaves as SvelteKit does where the tests rely on it.
import { describe, expect, it } from 'vitest';
import { demoIds } from '../../src/lib/server/seed/demo';
import { madeUpId, useApp } from './app';

const app = useApp();

describe('the actions tier', () => {
	it('runs the layouts and the page for a visitor, with no session and no no-store', async () => {
		const front = await app.visitor().get('/');
		expect(front.status).toBe(200);
		expect(front.data).toMatchObject({ locale: 'da', overview: null, portalNav: null, user: null });
		expect(front.headers.get('cache-control')).toBeNull();
		expect(front.headers.get('x-content-type-options')).toBe('nosniff');
	});

	it('logs a citizen in by a session the hook validates, and marks the page no-store', async () => {
		const maja = await app.citizen('Maja Jensen');
		const front = await maja.get('/');
		expect(front.status).toBe(200);
		expect(front.headers.get('cache-control')).toBe('no-store');
		expect(front.data).toMatchObject({ user: { kind: 'citizen', name: 'Maja Jensen' } });
		expect(front.data?.overview).not.toBeNull();
	});

	it('matches a route inside a group by its path, with its parameters', async () => {
		const maja = await app.citizen('Maja Jensen');
		const journey = await maja.get(`/forloeb/${demoIds.journey('maja')}`);
		expect(journey.status).toBe(200);
		expect(journey.data).toHaveProperty('portalNav');
		const missing = await maja.get(`/forloeb/${madeUpId()}`);
		expect(missing.status).toBe(404);
		expect(missing.error).toEqual({ message: 'Not Found' });
	});

	it('answers a redirect with its status and location', async () => {
		const visit = await app.visitor().get('/opgaver');
		expect(visit.status).toBe(303);
		expect(visit.location).toMatch(/^\/login/);
	});

	it('answers a path no route matches, an unknown action and a page without actions as SvelteKit does', async () => {
		const maja = await app.citizen('Maja Jensen');
		expect((await maja.get('/findes-ikke')).status).toBe(404);
		const task = `/opgaver/${demoIds.task('maja-payslips')}`;
		expect((await maja.post(`${task}?/findes-ikke`)).status).toBe(404);
		expect((await maja.post(task)).status).toBe(404);
		expect((await maja.post('/opgaver')).status).toBe(405);
	});

	it('lets a representative choose whom they act for, as after logging in', async () => {
		const henrik = await app.citizen('Henrik Hansen', { actFor: 'Sofie Hansen' });
		const front = await henrik.get('/');
		expect(front.data).toMatchObject({ actingFor: 'Sofie Hansen' });
	});
});
