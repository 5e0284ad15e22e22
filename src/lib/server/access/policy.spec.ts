// The access policy as a matrix (docs/RULES.md, access rules): every role against every kind of object,
// for reading and for writing. The expected answers are written out by hand below, not computed by
// the rules under test; anything not listed for a role must be refused.
import { describe, expect, it } from 'vitest';
import {
	can,
	timelineFilter,
	type Action,
	type Actor,
	type CitizenFacts,
	type JourneyFacts,
	type Resource
} from './policy';

// Departments: Jobcenter, Socialforvaltningen, Børn og Familie, Sundhed og omsorg.
const J = 'dep-job';
const S = 'dep-social';
const B = 'dep-family';
const H = 'dep-health';

// Maja: open cases in J, S and B on one journey coordinated by Mette (S); consent to J and S only.
const maja: CitizenFacts = {
	citizenId: 'maja',
	openCaseDepartmentIds: [J, S, B],
	coordinatorIds: ['mette'],
	consentedDepartmentIds: [J, S]
};
const majaJourney: JourneyFacts = {
	journeyId: 'maja-journey',
	coordinatorId: 'mette',
	openCaseDepartmentIds: [J, S, B]
};
// Another citizen with one open case in H and no consent at all.
const other: CitizenFacts = {
	citizenId: 'other',
	openCaseDepartmentIds: [H],
	coordinatorIds: [],
	consentedDepartmentIds: []
};
const otherJourney: JourneyFacts = {
	journeyId: 'other-journey',
	coordinatorId: null,
	openCaseDepartmentIds: [H]
};

const entry = (
	departmentId: string | null,
	visibility: 'citizen' | 'staff',
	citizen: CitizenFacts = maja
): Resource => ({
	kind: 'timelineEntry',
	citizen,
	journey: majaJourney,
	departmentId,
	visibility
});

const objects = {
	citizen: { kind: 'citizen', citizen: maja },
	caseJob: { kind: 'case', citizen: maja, departmentId: J },
	caseFamily: { kind: 'case', citizen: maja, departmentId: B },
	caseSocial: { kind: 'case', citizen: maja, departmentId: S },
	journey: { kind: 'journey', citizen: maja, journey: majaJourney },
	entryJobCitizen: entry(J, 'citizen'),
	entryJobStaff: entry(J, 'staff'),
	entrySocialCitizen: entry(S, 'citizen'),
	entryFamilyStaff: entry(B, 'staff'),
	entryNoDepartment: entry(null, 'citizen'),
	meeting: {
		kind: 'meeting',
		citizen: maja,
		journey: majaJourney,
		organizerId: 'mette',
		departmentIds: [S, J]
	},
	taskForCitizen: {
		kind: 'task',
		citizen: maja,
		journey: majaJourney,
		departmentId: J,
		assignee: 'citizen',
		assignedStaffId: null
	},
	taskForLone: {
		kind: 'task',
		citizen: maja,
		journey: majaJourney,
		departmentId: J,
		assignee: 'staff',
		assignedStaffId: 'lone'
	},
	messages: { kind: 'messages', citizen: maja, journey: majaJourney },
	decisionJob: {
		kind: 'document',
		citizen: maja,
		journey: majaJourney,
		departmentId: J,
		visibility: 'citizen'
	},
	internalFamilyDocument: {
		kind: 'document',
		citizen: maja,
		journey: majaJourney,
		departmentId: B,
		visibility: 'staff'
	},
	consent: { kind: 'consent', citizen: maja },
	representation: { kind: 'representation', citizen: maja },
	analogFlag: { kind: 'analogFlag', citizen: maja },
	citizenAudit: { kind: 'citizenAudit', citizen: maja },
	citizenExport: { kind: 'citizenExport', citizen: maja },
	otherCitizen: { kind: 'citizen', citizen: other },
	otherJourney: { kind: 'journey', citizen: other, journey: otherJourney },
	otherConsent: { kind: 'consent', citizen: other },
	auditLog: { kind: 'auditLog' },
	administration: { kind: 'administration' }
} satisfies Record<string, Resource>;

type ObjectName = keyof typeof objects;
/** "name" allows reading, "name:rw" reading and writing, "name:w" writing only. */
type Grant = ObjectName | `${ObjectName}:rw` | `${ObjectName}:w`;

interface Role {
	actor: Actor;
	grants: Grant[];
}

// What the citizen sees of their own data (rules 1, 2): citizen-visible parts only.
const citizenReads: Grant[] = [
	'citizen:rw',
	'caseJob',
	'caseFamily',
	'caseSocial',
	'journey',
	'entryJobCitizen',
	'entrySocialCitizen',
	'entryNoDepartment',
	'meeting:rw',
	'taskForCitizen:rw',
	'messages:rw',
	'decisionJob',
	'consent:rw',
	'representation',
	'analogFlag:rw',
	'citizenAudit',
	'citizenExport'
];

const roles: Record<string, Role> = {
	'the citizen': { actor: { kind: 'citizen', citizenId: 'maja' }, grants: citizenReads },
	'another citizen': {
		actor: { kind: 'citizen', citizenId: 'other' },
		grants: ['otherCitizen:rw', 'otherJourney', 'otherConsent:rw']
	},
	'a representative with full scope': {
		actor: {
			kind: 'representative',
			citizenId: 'henrik',
			representation: { citizenId: 'maja', scope: 'full', departmentIds: null }
		},
		grants: citizenReads
	},
	'a read-only representative': {
		actor: {
			kind: 'representative',
			citizenId: 'lise',
			representation: { citizenId: 'maja', scope: 'read_only', departmentIds: null }
		},
		grants: citizenReads.map((g) => g.replace(':rw', '') as Grant)
	},
	'a representative limited to Jobcenter': {
		actor: {
			kind: 'representative',
			citizenId: 'rep',
			representation: { citizenId: 'maja', scope: 'full', departmentIds: [J] }
		},
		grants: ['citizen', 'caseJob', 'taskForCitizen:rw']
	},
	'a representative of someone else (out of scope)': {
		actor: {
			kind: 'representative',
			citizenId: 'rep',
			representation: { citizenId: 'other', scope: 'full', departmentIds: null }
		},
		grants: ['otherCitizen:rw', 'otherJourney', 'otherConsent:rw']
	},
	'a caseworker with an open case and consent (Jobcenter)': {
		actor: { kind: 'staff', staffId: 'lone', role: 'caseworker', departmentId: J },
		grants: [
			'citizen',
			'caseJob:rw',
			'caseFamily',
			'caseSocial',
			'journey',
			'entryJobCitizen:rw',
			'entryJobStaff:rw',
			'entrySocialCitizen',
			'entryFamilyStaff',
			'entryNoDepartment',
			'meeting',
			'taskForCitizen:rw',
			'taskForLone:rw',
			'messages:rw',
			'decisionJob',
			'internalFamilyDocument',
			'consent:rw',
			'representation:rw',
			'analogFlag:rw'
		]
	},
	'a caseworker with an open case and no consent (Børn og Familie)': {
		actor: { kind: 'staff', staffId: 'peter', role: 'caseworker', departmentId: B },
		grants: [
			'citizen',
			'caseFamily:rw',
			'journey',
			'entryFamilyStaff:rw',
			'entryNoDepartment',
			'internalFamilyDocument',
			'consent:rw',
			'representation:rw',
			'analogFlag:rw'
		]
	},
	'a caseworker without an open case (Sundhed og omsorg)': {
		actor: { kind: 'staff', staffId: 'hanne', role: 'caseworker', departmentId: H },
		grants: ['otherCitizen', 'otherJourney', 'otherConsent:rw']
	},
	"the journey's coordinator (Socialforvaltningen)": {
		actor: { kind: 'staff', staffId: 'mette', role: 'coordinator', departmentId: S },
		grants: [
			'citizen',
			'caseJob',
			'caseFamily',
			'caseSocial:rw',
			'journey:rw',
			'entryJobCitizen',
			'entryJobStaff',
			'entrySocialCitizen:rw',
			'entryFamilyStaff',
			'entryNoDepartment',
			'meeting:rw',
			'taskForCitizen',
			'taskForLone',
			'messages:rw',
			'decisionJob',
			'internalFamilyDocument',
			'consent:rw',
			'representation:rw',
			'analogFlag:rw'
		]
	},
	'a coordinator by role on the journey, not its coordinator (Jobcenter)': {
		actor: { kind: 'staff', staffId: 'jens', role: 'coordinator', departmentId: J },
		grants: [
			'citizen',
			'caseJob:rw',
			'caseFamily',
			'caseSocial',
			'journey:rw',
			'entryJobCitizen:rw',
			'entryJobStaff:rw',
			'entrySocialCitizen',
			'entryFamilyStaff',
			'entryNoDepartment',
			'meeting:rw',
			'taskForCitizen:rw',
			'taskForLone:rw',
			'messages:rw',
			'decisionJob',
			'internalFamilyDocument',
			'consent:rw',
			'representation:rw',
			'analogFlag:rw'
		]
	},
	'an administrator': {
		actor: { kind: 'staff', staffId: 'anders', role: 'admin', departmentId: null },
		grants: ['administration:rw']
	},
	'an auditor': {
		actor: { kind: 'staff', staffId: 'birgitte', role: 'auditor', departmentId: null },
		grants: ['auditLog', 'citizenAudit']
	}
};

function expected(grants: Grant[], object: ObjectName, action: Action): boolean {
	if (action === 'read') return grants.includes(object) || grants.includes(`${object}:rw`);
	return grants.includes(`${object}:rw`) || grants.includes(`${object}:w`);
}

const names = Object.keys(objects) as ObjectName[];

describe.each(Object.entries(roles))('%s', (_, role) => {
	it('may read and write exactly what the matrix says, for every kind of object', () => {
		const actual: Record<string, boolean> = {};
		const wanted: Record<string, boolean> = {};
		for (const name of names) {
			for (const action of ['read', 'write'] as const) {
				actual[`${name} ${action}`] = can(role.actor, action, objects[name]);
				wanted[`${name} ${action}`] = expected(role.grants, name, action);
			}
		}
		expect(actual).toEqual(wanted);
	});

	it("sees exactly the timeline entries that can() allows, through the query's filter", () => {
		const filter = timelineFilter(role.actor, maja, majaJourney);
		const entries = names.filter((n) => objects[n].kind === 'timelineEntry');
		for (const name of entries) {
			const resource = objects[name] as Extract<Resource, { kind: 'timelineEntry' }>;
			const byFilter =
				filter !== null &&
				filter.visibilities.includes(resource.visibility) &&
				(filter.departmentIds === 'all' ||
					resource.departmentId === null ||
					filter.departmentIds.includes(resource.departmentId));
			expect(byFilter, name).toBe(can(role.actor, 'read', resource));
		}
	});
});

describe('rules that change with the facts', () => {
	const lone: Actor = { kind: 'staff', staffId: 'lone', role: 'caseworker', departmentId: J };

	it('a withdrawn consent hides the other departments at once', () => {
		const withdrawn: CitizenFacts = { ...maja, consentedDepartmentIds: [S] };
		expect(can(lone, 'read', entry(S, 'citizen'))).toBe(true);
		expect(can(lone, 'read', entry(S, 'citizen', withdrawn))).toBe(false);
		expect(can(lone, 'read', entry(J, 'staff', withdrawn))).toBe(true);
		expect(timelineFilter(lone, withdrawn, majaJourney)).toEqual({
			visibilities: ['citizen', 'staff'],
			departmentIds: [J],
			hidesOtherDepartments: true
		});
	});

	it('a closed case ends the caseworker’s access to the citizen (rule 3)', () => {
		const closed: CitizenFacts = { ...maja, openCaseDepartmentIds: [S, B] };
		const journey: JourneyFacts = { ...majaJourney, openCaseDepartmentIds: [S, B] };
		expect(can(lone, 'read', { kind: 'citizen', citizen: closed })).toBe(false);
		expect(can(lone, 'read', { kind: 'journey', citizen: closed, journey })).toBe(false);
	});

	it('a coordinator keeps the citizen while coordinating, even without a case of their own', () => {
		const mette: Actor = { kind: 'staff', staffId: 'mette', role: 'coordinator', departmentId: S };
		const noSocialCase: CitizenFacts = { ...maja, openCaseDepartmentIds: [J, B] };
		const journey: JourneyFacts = { ...majaJourney, openCaseDepartmentIds: [J, B] };
		expect(can(mette, 'read', { kind: 'journey', citizen: noSocialCase, journey })).toBe(true);
		expect(can(mette, 'write', { kind: 'journey', citizen: noSocialCase, journey })).toBe(true);
	});

	it('a caseworker on one journey does not see the citizen’s other journey', () => {
		const peter: Actor = { kind: 'staff', staffId: 'peter', role: 'caseworker', departmentId: B };
		const jobOnly: JourneyFacts = {
			journeyId: 'second',
			coordinatorId: 'lone',
			openCaseDepartmentIds: [J]
		};
		expect(can(peter, 'read', { kind: 'journey', citizen: maja, journey: jobOnly })).toBe(false);
		expect(timelineFilter(peter, maja, jobOnly)).toBeNull();
	});
});
