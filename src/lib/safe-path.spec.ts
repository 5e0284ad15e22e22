import { describe, expect, it } from 'vitest';
import { safePath } from './safe-path';

describe('safePath', () => {
	it('keeps paths on this site, with their query', () => {
		expect(safePath('/')).toBe('/');
		expect(safePath('/offline')).toBe('/offline');
		expect(safePath('/sager?side=2')).toBe('/sager?side=2');
	});

	it('drops the fragment, which the browser never sends', () => {
		expect(safePath('/om#kontakt')).toBe('/om');
	});

	it.each([
		'https://evil.example/',
		'//evil.example/',
		'/\\evil.example/',
		'\\\\evil.example',
		'/\t/evil.example',
		'/.//evil.example',
		'/..//evil.example',
		'/sager/..//evil.example/x',
		'/%2e//evil.example',
		'/%2E%2E//evil.example',
		'javascript:alert(1)',
		'offline',
		'',
		'x'.repeat(3000),
		undefined,
		null,
		42
	])('sends %j to the front page', (target) => {
		expect(safePath(target)).toBe('/');
	});
});
