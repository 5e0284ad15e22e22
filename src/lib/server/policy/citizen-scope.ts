// Access rules 1 and 2 of DESIGN.md for the citizen's side, as a pure function over facts: whose
// data a logged-in citizen sees, and how much of it.

export interface RepresentationFacts {
	/** The representation that lets the logged-in citizen act for another, valid today. */
	scope: 'full' | 'read_only';
	/** Departments the representation covers; null covers them all. */
	departmentIds: string[] | null;
}

export interface CitizenScope {
	/** Whose cases, journeys and tasks are shown. */
	citizenId: string;
	/** Only cases (and their tasks) of these departments; null: every department. */
	departmentIds: string[] | null;
	/**
	 * Journey-wide items (coordinator, meetings, messages, the plan) belong to no single department,
	 * so a representation limited to some departments does not cover them.
	 */
	includesJourneys: boolean;
	/** May answer, write and change on the citizen's behalf (a read-only representation may not). */
	mayAct: boolean;
	representing: boolean;
}

export function citizenScope(facts: {
	loggedInCitizenId: string;
	actingForCitizenId: string | null;
	representation: RepresentationFacts | null;
}): CitizenScope | null {
	if (!facts.actingForCitizenId || facts.actingForCitizenId === facts.loggedInCitizenId) {
		return {
			citizenId: facts.loggedInCitizenId,
			departmentIds: null,
			includesJourneys: true,
			mayAct: true,
			representing: false
		};
	}
	// Acting for someone without a representation valid today: nothing at all.
	if (!facts.representation) return null;
	const limited = facts.representation.departmentIds !== null;
	return {
		citizenId: facts.actingForCitizenId,
		departmentIds: facts.representation.departmentIds,
		includesJourneys: !limited,
		mayAct: facts.representation.scope === 'full',
		representing: true
	};
}
