// Representatives registered by staff: a power of attorney, parental custody or a guardianship,
// with its scope, departments, period and the document it rests on. The representative is named
// by CPR number in the form (POST only); it is looked up by keyed hash and, when the person is not
// yet in Sammen, a citizen row is created for them with the CPR number encrypted.
import type { Kysely } from 'kysely';
import { NAME_MAX, REFERENCE_MAX } from '../../components/staff-audit/limits';
import { parseIsoDate } from '../../dates';
import { formText, tooLong, type FieldErrors } from '../../forms';
import type { StaffKey } from '../../i18n/staff';
import { todayInDenmark } from '../../format';
import { isUuid } from '../../uuid';
import { encryptCpr, hashCpr, normalizeCpr, type CprKeys } from '../crypto/cpr';
import { recordAuditEvent } from '../db/audit';
import { createCitizen, findCitizenIdByCprHash } from '../db/citizens';
import {
	endRepresentationRow,
	insertRepresentation,
	lockRepresentationOfCitizen
} from '../db/representatives';
import type { Database, NewAuditEvent } from '../db/schema';
import {
	REPRESENTATION_BASES,
	REPRESENTATION_SCOPES,
	type RepresentationBasis,
	type RepresentationScope
} from '../../domain';
import type { StaffActor, StaffPurpose } from '../access/staff';
import * as clock from '../clock';

/** What the form sends back after an error. The CPR number is never sent back to the browser. */
export interface RepresentationFormValues {
	name: string;
	scope: string;
	coverage: string;
	departments: string[];
	basis: string;
	reference: string;
	validFrom: string;
	validTo: string;
}

export interface RepresentationInput {
	cpr: string;
	name: string;
	scope: RepresentationScope;
	/** null: every department. */
	departmentIds: string[] | null;
	basis: RepresentationBasis;
	reference: string;
	validFrom: string;
	validTo: string | null;
}

export type ParsedRepresentationForm =
	| { ok: true; input: RepresentationInput }
	| { ok: false; values: RepresentationFormValues; errors: FieldErrors<StaffKey> };

export function parseRepresentationForm(
	data: FormData,
	existingDepartmentIds: readonly string[]
): ParsedRepresentationForm {
	const cprText = formText(data, 'cpr');
	const values: RepresentationFormValues = {
		name: formText(data, 'name'),
		scope: formText(data, 'scope'),
		coverage: formText(data, 'coverage'),
		departments: data.getAll('departments').filter((v): v is string => typeof v === 'string'),
		basis: formText(data, 'basis'),
		reference: formText(data, 'reference'),
		validFrom: formText(data, 'validFrom'),
		validTo: formText(data, 'validTo')
	};
	const errors: FieldErrors<StaffKey> = {};
	const cpr = normalizeCpr(cprText);
	if (!cprText) errors.cpr = 'saRepErrorCprMissing';
	else if (!cpr) errors.cpr = 'saRepErrorCprFormat';
	const nameTooLong = tooLong(values.name, NAME_MAX);
	if (!values.name) errors.name = 'saRepErrorName';
	else if (nameTooLong) errors.name = nameTooLong;
	const scope = REPRESENTATION_SCOPES.find((s) => s === values.scope);
	if (!scope) errors.scope = 'saRepErrorScope';
	let departmentIds: string[] | null = null;
	if (values.coverage === 'some') {
		const unique = [...new Set(values.departments)];
		if (unique.length === 0) errors.coverage = 'saRepErrorDepartmentsNone';
		else if (!unique.every((id) => isUuid(id) && existingDepartmentIds.includes(id))) {
			errors.coverage = 'saRepErrorDepartmentsUnknown';
		} else departmentIds = unique;
	} else if (values.coverage !== 'all') errors.coverage = 'saRepErrorCoverage';
	const basis = REPRESENTATION_BASES.find((b) => b === values.basis);
	if (!basis) errors.basis = 'saRepErrorBasis';
	const referenceTooLong = tooLong(values.reference, REFERENCE_MAX);
	if (!values.reference) errors.reference = 'saRepErrorReference';
	else if (referenceTooLong) errors.reference = referenceTooLong;
	const validFrom = parseIsoDate(values.validFrom);
	if (!validFrom) errors.validFrom = 'saRepErrorValidFrom';
	const validTo = values.validTo ? parseIsoDate(values.validTo) : null;
	if (values.validTo && !validTo) errors.validTo = 'saRepErrorValidTo';
	else if (validFrom && validTo && validTo < validFrom) errors.validTo = 'saRepErrorValidToBefore';
	else if (validTo && validTo < todayInDenmark(clock.now()))
		errors.validTo = 'saRepErrorValidToPast';

	if (Object.keys(errors).length > 0 || !cpr || !scope || !basis || !validFrom) {
		return { ok: false, values, errors };
	}
	return {
		ok: true,
		input: {
			cpr,
			name: values.name,
			scope,
			departmentIds,
			basis,
			reference: values.reference,
			validFrom,
			validTo
		}
	};
}

function staffAudit(
	actor: StaffActor,
	event: Pick<NewAuditEvent, 'action' | 'object_type' | 'object_id' | 'citizen_id' | 'purpose'>
): NewAuditEvent {
	return {
		actor_type: 'staff',
		actor_staff_id: actor.staffId,
		actor_department_id: actor.departmentId,
		actor_role: actor.role,
		criterion: null,
		...event
	};
}

export type RegisterResult =
	| { ok: true; representationId: string; representativeId: string; createdCitizen: boolean }
	| { ok: false; errors: FieldErrors<StaffKey> };

/**
 * Registers the representation in one transaction with its audit rows ('create' of
 * 'representation'; and of 'citizen' when the representative had to be created).
 */
export async function registerRepresentation(
	db: Kysely<Database>,
	keys: CprKeys,
	actor: StaffActor,
	citizenId: string,
	input: RepresentationInput,
	purpose: StaffPurpose
): Promise<RegisterResult> {
	const cprHash = hashCpr(keys, input.cpr);
	return db.transaction().execute(async (trx) => {
		let person = await findCitizenIdByCprHash(trx, cprHash);
		if (person?.id === citizenId) return { ok: false, errors: { cpr: 'saRepErrorSelf' } };
		let createdCitizen = false;
		if (!person) {
			person = await createCitizen(trx, {
				cprEncrypted: encryptCpr(keys, input.cpr),
				cprHash,
				name: input.name
			});
			createdCitizen = true;
			await recordAuditEvent(
				trx,
				staffAudit(actor, {
					action: 'create',
					object_type: 'citizen',
					object_id: person.id,
					citizen_id: person.id,
					purpose
				})
			);
		}
		const { id } = await insertRepresentation(trx, {
			citizen_id: citizenId,
			representative_citizen_id: person.id,
			scope: input.scope,
			department_ids: input.departmentIds,
			basis: input.basis,
			basis_reference: input.reference,
			valid_from: input.validFrom,
			valid_to: input.validTo,
			registered_by_staff_id: actor.staffId
		});
		await recordAuditEvent(
			trx,
			staffAudit(actor, {
				action: 'create',
				object_type: 'representation',
				object_id: id,
				citizen_id: citizenId,
				purpose
			})
		);
		return { ok: true, representationId: id, representativeId: person.id, createdCitizen };
	});
}

/**
 * Ends a representation of this citizen: ended_at and who ended it, and the period stops today
 * when it would have run longer. 'missing' when the id is not one of the citizen's
 * representations (the caller answers 404); 'unchanged' when it had already ended.
 */
export async function endRepresentation(
	db: Kysely<Database>,
	actor: StaffActor,
	citizenId: string,
	representationId: string,
	purpose: StaffPurpose
): Promise<'ended' | 'unchanged' | 'missing'> {
	if (!isUuid(representationId)) return 'missing';
	return db.transaction().execute(async (trx) => {
		const row = await lockRepresentationOfCitizen(trx, representationId, citizenId);
		if (!row) return 'missing';
		if (row.ended_at) return 'unchanged';
		const today = todayInDenmark(clock.now());
		// ended_at is what stops it at once; valid_to records the last day (never before the first,
		// which the table does not allow, for one that had not started yet).
		let validTo = row.valid_to === null || row.valid_to > today ? today : row.valid_to;
		if (validTo < row.valid_from) validTo = row.valid_from;
		await endRepresentationRow(trx, row.id, { endedByStaffId: actor.staffId, validTo });
		await recordAuditEvent(
			trx,
			staffAudit(actor, {
				action: 'update',
				object_type: 'representation',
				object_id: row.id,
				citizen_id: citizenId,
				purpose
			})
		);
		return 'ended';
	});
}
