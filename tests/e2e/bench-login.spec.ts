// The benchmark logs in through the real login path (scripts/bench/login.ts), without Vitest: it
// must keep working as the login changes.
import { describe, expect, inject, it } from 'vitest';
import { cookieHeader, demoLogin } from '../../scripts/bench/login';
import { staffSub } from '../../src/lib/server/demo-idp/instance';

const baseUrl = inject('baseUrl');

describe("the benchmark's login", () => {
	it('logs a citizen and a member of staff in, with a session the pages accept', async () => {
		const maja = cookieHeader(
			await demoLogin(baseUrl, 'citizen', 'demo-citizen-maja-jensen'),
			baseUrl
		);
		const overview = await fetch(`${baseUrl}/`, { headers: { cookie: maja } });
		expect(overview.status).toBe(200);
		expect(await overview.text()).toContain('Maja Jensen');

		const lone = cookieHeader(await demoLogin(baseUrl, 'staff', staffSub('Lone Madsen')), baseUrl);
		const caseload = await fetch(`${baseUrl}/staff`, {
			headers: { cookie: lone },
			redirect: 'manual'
		});
		expect(caseload.status).toBe(200);
		expect(await caseload.text()).toContain('Lone Madsen');
	});

	it('says who could not log in', async () => {
		await expect(demoLogin(baseUrl, 'citizen', 'nobody-at-all')).rejects.toThrow(
			/nobody-at-all|login/i
		);
	});
});
