import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
	decryptCpr,
	deriveCprKeys,
	encryptCpr,
	hashCpr,
	loadCprKeys,
	MissingCprKeyError,
	normalizeCpr
} from './cpr';

const keys = deriveCprKeys(Buffer.alloc(32, 1));
const otherKeys = deriveCprKeys(Buffer.alloc(32, 2));

describe('CPR numbers at rest', () => {
	it('normalises the usual ways of writing a CPR number and rejects the rest', () => {
		expect(normalizeCpr('010190-0001')).toBe('0101900001');
		expect(normalizeCpr(' 010190 0001 ')).toBe('0101900001');
		expect(normalizeCpr('6101900001')).toBe('6101900001');
		expect(normalizeCpr('3102900001')).toBeNull();
		expect(normalizeCpr('0113900001')).toBeNull();
		expect(normalizeCpr('01019000')).toBeNull();
		expect(normalizeCpr('abcdefghij')).toBeNull();
	});

	it('encrypts with a fresh nonce and decrypts to the same number', () => {
		const a = encryptCpr(keys, '010190-0001');
		const b = encryptCpr(keys, '0101900001');
		expect(a).not.toBe(b);
		expect(a).not.toContain('0101900001');
		expect(decryptCpr(keys, a)).toBe('0101900001');
		expect(() => decryptCpr(otherKeys, a)).toThrow();
	});

	it('hashes for look-up with a key, so the same number always finds the same row', () => {
		expect(hashCpr(keys, '010190-0001')).toBe(hashCpr(keys, '0101900001'));
		expect(hashCpr(keys, '0101900001')).not.toBe(hashCpr(otherKeys, '0101900001'));
		expect(hashCpr(keys, '0101900001')).toMatch(/^[0-9a-f]{64}$/);
	});

	it('never puts the number in an error message', () => {
		expect(() => hashCpr(keys, '3102901234')).toThrow('Not a valid CPR number');
		try {
			encryptCpr(keys, '3102901234');
		} catch (error) {
			expect(String(error)).not.toContain('3102901234');
		}
	});

	it('generates and keeps a demo key in the data directory, and refuses without one in production', () => {
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sammen-key-'));
		try {
			const first = loadCprKeys({ envKey: undefined, dataDir: dir, allowGenerated: true });
			const again = loadCprKeys({ envKey: undefined, dataDir: dir, allowGenerated: true });
			expect(again.lookup.equals(first.lookup)).toBe(true);
			expect(fs.statSync(path.join(dir, 'cpr.key')).mode & 0o777).toBe(0o600);
			expect(() => loadCprKeys({ envKey: undefined, dataDir: dir, allowGenerated: false })).toThrow(
				MissingCprKeyError
			);
			const fromEnv = loadCprKeys({
				envKey: Buffer.alloc(32, 1).toString('base64'),
				dataDir: dir,
				allowGenerated: false
			});
			expect(fromEnv.lookup.equals(keys.lookup)).toBe(true);
			expect(() =>
				loadCprKeys({ envKey: 'c2hvcnQ=', dataDir: dir, allowGenerated: false })
			).toThrow(/32 bytes/);
		} finally {
			fs.rmSync(dir, { recursive: true, force: true });
		}
	});
});
