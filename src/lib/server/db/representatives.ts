import type { Transaction } from 'kysely';
import type { Database, RepresentativesTable, Stamped } from './schema';
import type { RepresentationBasis, RepresentationScope } from '../../domain';
import * as clock from '../clock';
import type { Executor } from './executor';

/** The people a citizen may act for today: representations in their period and not ended. */
export async function activeRepresentations(
	db: Executor,
	representativeCitizenId: string,
	today: string
) {
	return db
		.selectFrom('representatives as r')
		.innerJoin('citizens as c', 'c.id', 'r.citizen_id')
		.select(['r.id', 'r.citizen_id', 'c.name', 'r.scope', 'r.department_ids', 'r.valid_to'])
		.where('r.representative_citizen_id', '=', representativeCitizenId)
		.where('r.ended_at', 'is', null)
		.where('r.valid_from', '<=', today)
		.where((eb) => eb.or([eb('r.valid_to', 'is', null), eb('r.valid_to', '>=', today)]))
		.orderBy('c.name')
		.execute();
}

/** A representation of a citizen as staff see it, with the representative's name. */
export interface RepresentationRow {
	id: string;
	representativeCitizenId: string;
	representativeName: string;
	scope: RepresentationScope;
	departmentIds: string[] | null;
	basis: RepresentationBasis;
	basisReference: string | null;
	validFrom: string;
	validTo: string | null;
	createdAt: Date;
	registeredByName: string | null;
	endedAt: Date | null;
	endedByName: string | null;
}

/** Every representation registered for a citizen (active, future and ended), newest first. */
export async function listRepresentationsOfCitizen(
	db: Executor,
	citizenId: string
): Promise<RepresentationRow[]> {
	return db
		.selectFrom('representatives as r')
		.innerJoin('citizens as c', 'c.id', 'r.representative_citizen_id')
		.leftJoin('staff_users as reg', 'reg.id', 'r.registered_by_staff_id')
		.leftJoin('staff_users as endr', 'endr.id', 'r.ended_by_staff_id')
		.select([
			'r.id',
			'r.representative_citizen_id as representativeCitizenId',
			'c.name as representativeName',
			'r.scope',
			'r.department_ids as departmentIds',
			'r.basis',
			'r.basis_reference as basisReference',
			'r.valid_from as validFrom',
			'r.valid_to as validTo',
			'r.created_at as createdAt',
			'reg.name as registeredByName',
			'r.ended_at as endedAt',
			'endr.name as endedByName'
		])
		.where('r.citizen_id', '=', citizenId)
		.orderBy('r.valid_from', 'desc')
		.orderBy('r.created_at', 'desc')
		.orderBy('r.id', 'desc')
		.execute();
}

/** One representation of this citizen, locked for a change; undefined when it is not theirs. */
export async function lockRepresentationOfCitizen(
	trx: Transaction<Database>,
	representationId: string,
	citizenId: string
) {
	return trx
		.selectFrom('representatives')
		.select(['id', 'valid_from', 'valid_to', 'ended_at'])
		.where('id', '=', representationId)
		.where('citizen_id', '=', citizenId)
		.forUpdate()
		.executeTakeFirst();
}

export async function insertRepresentation(
	db: Executor,
	row: Stamped<RepresentativesTable, 'created_at'>
): Promise<{ id: string }> {
	return db
		.insertInto('representatives')
		.values({ ...row, created_at: row.created_at ?? clock.now() })
		.returning('id')
		.executeTakeFirstOrThrow();
}

/** Ends a representation now; its period stops today when it would have run longer. */
export async function endRepresentationRow(
	db: Executor,
	representationId: string,
	values: { endedByStaffId: string; validTo: string | null }
): Promise<void> {
	await db
		.updateTable('representatives')
		.set({
			ended_at: clock.now(),
			ended_by_staff_id: values.endedByStaffId,
			valid_to: values.validTo
		})
		.where('id', '=', representationId)
		.where('ended_at', 'is', null)
		.execute();
}
