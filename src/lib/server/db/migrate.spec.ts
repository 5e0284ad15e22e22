import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrationNames } from './migrate';

describe('migrations', () => {
	it('lists every migration file in migrations/index.ts, in order', () => {
		const files = fs
			.readdirSync(path.resolve('migrations'))
			.filter((f) => f !== 'index.ts' && f.endsWith('.ts'))
			.map((f) => f.replace(/\.ts$/, ''))
			.sort();
		expect(migrationNames).toEqual(files);
	});

	it('names migrations by timestamp', () => {
		for (const name of migrationNames) expect(name).toMatch(/^\d{8}T\d{4}_[a-z0-9_]+$/);
	});
});
