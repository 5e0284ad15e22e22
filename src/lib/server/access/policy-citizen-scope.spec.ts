import { describe, expect, it } from 'vitest';
import { citizenScope } from './policy';

describe('whose data a citizen sees', () => {
	it('sees their own data, all of it', () => {
		expect(
			citizenScope({ loggedInCitizenId: 'me', actingForCitizenId: null, representation: null })
		).toEqual({
			citizenId: 'me',
			departmentIds: null,
			includesJourneys: true,
			mayAct: true,
			representing: false
		});
	});

	it('sees what the represented person sees, within a full representation', () => {
		const scope = citizenScope({
			loggedInCitizenId: 'parent',
			actingForCitizenId: 'child',
			representation: { scope: 'full', departmentIds: null }
		});
		expect(scope).toMatchObject({ citizenId: 'child', mayAct: true, includesJourneys: true });
	});

	it('keeps a limited representation to its departments, and read-only to reading', () => {
		const scope = citizenScope({
			loggedInCitizenId: 'helper',
			actingForCitizenId: 'person',
			representation: { scope: 'read_only', departmentIds: ['jobcenter'] }
		});
		expect(scope).toEqual({
			citizenId: 'person',
			departmentIds: ['jobcenter'],
			includesJourneys: false,
			mayAct: false,
			representing: true
		});
	});

	it('sees nothing of another person without a representation valid today', () => {
		expect(
			citizenScope({ loggedInCitizenId: 'me', actingForCitizenId: 'other', representation: null })
		).toBeNull();
	});
});
