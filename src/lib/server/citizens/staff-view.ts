// The staff view of one citizen (/staff/borger/[citizenId]): the cases across departments that the
// access policy lets the reader read, how many it hides for lack of consent, and the journeys the
// reader may open. The caller has passed the guard (staffCitizen) and audits the read.
import { loadJourneyFactsMany } from '../db/access-facts';
import { listCitizenCasesForStaff, listCitizenJourneysForStaff } from '../db/citizens';
import { can } from '../access/policy';
import type { StaffCitizenContext } from '../access/staff';

export async function loadCitizenView(context: StaffCitizenContext) {
	const { db, actor, citizen } = context;
	const [cases, journeys] = await Promise.all([
		listCitizenCasesForStaff(db, citizen.citizenId),
		listCitizenJourneysForStaff(db, citizen.citizenId)
	]);
	const readable = cases.filter((c) =>
		can(actor, 'read', { kind: 'case', citizen, departmentId: c.departmentId })
	);
	const facts = await loadJourneyFactsMany(
		db,
		journeys.map((journey) => journey.id)
	);
	const visibleJourneys = journeys.filter((journey) => {
		const found = facts.get(journey.id);
		return found !== undefined && can(actor, 'read', { kind: 'journey', citizen, journey: found });
	});
	return {
		cases: readable,
		hiddenCases: cases.length - readable.length,
		journeys: visibleJourneys
	};
}
