import { describe, expect, it } from 'vitest';
import { routeLabel } from './index';

describe('routeLabel', () => {
	it('is the path a person reads: the route id without its groups', () => {
		expect(routeLabel('/(portal)/forloeb/[id]')).toBe('/forloeb/[id]');
		expect(routeLabel('/(portal)')).toBe('/');
		expect(routeLabel('/(system)/healthz')).toBe('/healthz');
		expect(routeLabel('/staff/forloeb/[journeyId]/ny-post')).toBe(
			'/staff/forloeb/[journeyId]/ny-post'
		);
		expect(routeLabel('/api/v1/[...rest]')).toBe('/api/v1/[...rest]');
	});

	it('names everything no route matched with one label', () => {
		expect(routeLabel(null)).toBe('unmatched');
	});
});
