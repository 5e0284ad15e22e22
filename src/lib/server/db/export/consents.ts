// The consents the citizen gave or withdrew, and the representations both ways: who acts for the
// citizen and whom the citizen acts for.
import type {
	ConsentAction,
	ConsentChannel,
	RepresentationBasis,
	RepresentationScope
} from '../../../domain';
import type { Executor } from '../executor';
import {
	recordedBy,
	type DateString,
	type DepartmentLookup,
	type DepartmentRef,
	type RecordedBy
} from './shared';

export interface ExportedConsent {
	id: string;
	department: DepartmentRef;
	action: ConsentAction;
	channel: ConsentChannel;
	occurredAt: Date;
	recordedBy: RecordedBy;
	witness: string | null;
	note: string | null;
}

export interface ExportedRepresentation {
	id: string;
	/** The other person: the representative, or the person the citizen acts for. */
	name: string;
	scope: RepresentationScope;
	basis: RepresentationBasis;
	basisReference: string | null;
	/** null: every department. */
	departments: DepartmentRef[] | null;
	validFrom: DateString;
	validTo: DateString | null;
	registeredAt: Date;
	endedAt: Date | null;
}

export function selectConsents(db: Executor, citizenId: string) {
	return db
		.selectFrom('consents')
		.select([
			'id',
			'department_id',
			'action',
			'channel',
			'occurred_at',
			'recorded_by_citizen_id',
			'witness',
			'note'
		])
		.where('citizen_id', '=', citizenId)
		.orderBy('occurred_at', 'desc')
		.orderBy('id', 'desc')
		.execute();
}

type ConsentRow = Awaited<ReturnType<typeof selectConsents>>[number];

export function toConsent(
	citizenId: string,
	c: ConsentRow,
	department: DepartmentLookup
): ExportedConsent {
	return {
		id: c.id,
		department: department(c.department_id)!,
		action: c.action,
		channel: c.channel,
		occurredAt: c.occurred_at,
		recordedBy: recordedBy(citizenId, c.recorded_by_citizen_id),
		witness: c.witness,
		note: c.note
	};
}

const representationColumns = [
	'r.id',
	'r.scope',
	'r.basis',
	'r.basis_reference',
	'r.department_ids',
	'r.valid_from',
	'r.valid_to',
	'r.created_at',
	'r.ended_at',
	'c.name'
] as const;

/** Both directions at once; `c` is the other person in each. */
export function selectRepresentations(db: Executor, citizenId: string) {
	return Promise.all([
		db
			.selectFrom('representatives as r')
			.innerJoin('citizens as c', 'c.id', 'r.representative_citizen_id')
			.select(representationColumns)
			.where('r.citizen_id', '=', citizenId)
			.orderBy('r.valid_from', 'desc')
			.execute(),
		db
			.selectFrom('representatives as r')
			.innerJoin('citizens as c', 'c.id', 'r.citizen_id')
			.select(representationColumns)
			.where('r.representative_citizen_id', '=', citizenId)
			.orderBy('r.valid_from', 'desc')
			.execute()
	]);
}

type RepresentationRow = Awaited<ReturnType<typeof selectRepresentations>>[0][number];

export function toRepresentation(
	r: RepresentationRow,
	department: DepartmentLookup
): ExportedRepresentation {
	return {
		id: r.id,
		name: r.name,
		scope: r.scope,
		basis: r.basis,
		basisReference: r.basis_reference,
		departments: r.department_ids
			? r.department_ids.map((id) => department(id)).filter((d) => d !== null)
			: null,
		validFrom: r.valid_from,
		validTo: r.valid_to,
		registeredAt: r.created_at,
		endedAt: r.ended_at
	};
}
