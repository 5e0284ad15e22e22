import { describe, expect, it } from 'vitest';
import { requestFinished, requestsDrained, requestStarted } from './lifecycle';

describe('requestsDrained', () => {
	it('answers at once when no handler runs', async () => {
		await expect(requestsDrained(10)).resolves.toBe(true);
	});

	it('waits for the handlers still running, and gives up after its time', async () => {
		requestStarted();
		requestStarted();
		const drained = requestsDrained(5_000);
		requestFinished();
		let settled = false;
		void drained.then(() => (settled = true));
		await new Promise((resolve) => setTimeout(resolve, 10));
		expect(settled).toBe(false);
		requestFinished();
		await expect(drained).resolves.toBe(true);

		requestStarted();
		await expect(requestsDrained(20)).resolves.toBe(false);
		requestFinished();
	});
});
