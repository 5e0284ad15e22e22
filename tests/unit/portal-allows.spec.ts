// Who may see "who has seen my information" and "my data": pages that need 'everything' are for
// the citizen and for representatives of the whole person, not for a representation limited to
// some departments (the seed has none, so the rule is checked here).
import { describe, expect, it } from 'vitest';
import { allows } from '../../src/lib/server/access/portal';
import { citizenScope } from '../../src/lib/server/access/policy';

const self = '11111111-1111-4111-8111-111111111111';
const other = '22222222-2222-4222-8222-222222222222';
const department = '33333333-3333-4333-8333-333333333333';

const scope = (representation: Parameters<typeof citizenScope>[0]['representation']) =>
	citizenScope({ loggedInCitizenId: self, actingForCitizenId: other, representation })!;

describe("pages about the whole person ('everything')", () => {
	it('are open to the citizen and to full or read-only representatives of everything', () => {
		const own = citizenScope({
			loggedInCitizenId: self,
			actingForCitizenId: null,
			representation: null
		})!;
		expect(allows(own, 'everything')).toBe(true);
		expect(allows(scope({ scope: 'full', departmentIds: null }), 'everything')).toBe(true);
		expect(allows(scope({ scope: 'read_only', departmentIds: null }), 'everything')).toBe(true);
	});

	it('are closed to a representation limited to some departments', () => {
		const limited = scope({ scope: 'full', departmentIds: [department] });
		expect(allows(limited, 'everything')).toBe(false);
		expect(allows(limited, 'any')).toBe(true);
	});
});
