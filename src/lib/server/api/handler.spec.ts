import { describe, expect, it } from 'vitest';
import { isRefusedBrowserRequest } from './handler';
import { fieldProblems, jsonPointer } from './problem';
import { CaseInput, ExternalRef, looksLikeCpr } from './schemas';

const own = 'https://sammen.example';
const request = (headers: Record<string, string>) =>
	new Request(`${own}/api/v1/cases/X`, { headers });

describe('browser detection', () => {
	it('lets server-to-server clients through (Node sends Sec-Fetch-Mode alone)', () => {
		expect(isRefusedBrowserRequest(request({}), own)).toBe(false);
		expect(isRefusedBrowserRequest(request({ 'sec-fetch-mode': 'cors' }), own)).toBe(false);
	});
	it('refuses browsers from another site or without an Origin', () => {
		expect(isRefusedBrowserRequest(request({ origin: 'https://evil.example' }), own)).toBe(true);
		expect(
			isRefusedBrowserRequest(request({ 'sec-fetch-site': 'cross-site', origin: own }), own)
		).toBe(true);
		expect(isRefusedBrowserRequest(request({ 'sec-fetch-site': 'same-origin' }), own)).toBe(true);
		expect(isRefusedBrowserRequest(request({ 'sec-fetch-site': 'none' }), own)).toBe(true);
	});
	it('lets the app itself through', () => {
		expect(
			isRefusedBrowserRequest(request({ 'sec-fetch-site': 'same-origin', origin: own }), own)
		).toBe(false);
	});
});

describe('references', () => {
	it('refuses anything that looks like a CPR number', () => {
		for (const value of ['1203900001', '120390-0001', 'X-120390-0001', 'a.120390.0001']) {
			expect(looksLikeCpr(value), value).toBe(true);
			expect(ExternalRef.safeParse(value).success, value).toBe(false);
		}
		for (const value of ['JOB-104417', '12345678901', 'SAG.2026.000123']) {
			expect(ExternalRef.safeParse(value).success, value).toBe(true);
		}
	});
});

describe('problem details', () => {
	it('names each invalid and unknown field with a JSON pointer', () => {
		const result = CaseInput.safeParse({ title: '', 'a/b': 1 });
		expect(result.success).toBe(false);
		const pointers = fieldProblems(result.error!).map((p) => p.pointer);
		expect(pointers).toEqual(
			expect.arrayContaining(['/citizenId', '/kleNumber', '/title', '/status', '/a~1b'])
		);
		expect(jsonPointer(['path', 'x~y'])).toBe('/path/x~0y');
	});
});
