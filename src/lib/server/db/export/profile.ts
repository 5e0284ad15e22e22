// The person and their settings: name, address, contact details, notifications, and the history of
// the analog flag (whether everything reaches them on paper).
import type { AnalogReason, Language } from '../../../domain';
import type { Executor } from '../executor';
import { recordedBy, type RecordedBy } from './shared';

export interface ExportedProfile {
	name: string;
	coName: string | null;
	addressLine: string | null;
	postalCode: string | null;
	city: string | null;
	preferredLanguage: Language;
	email: string | null;
	phone: string | null;
	notifyByEmail: boolean;
	notifyBySms: boolean;
	/** Whether everything reaches the citizen on paper now (the latest analog flag change). */
	lettersByPost: boolean;
	createdAt: Date;
	updatedAt: Date;
}

export interface ExportedAnalogChange {
	changedAt: Date;
	lettersByPost: boolean;
	reason: AnalogReason | null;
	note: string | null;
	recordedBy: RecordedBy;
}

export function selectCitizen(db: Executor, citizenId: string) {
	return (
		db
			.selectFrom('citizens')
			// Never selectAll: the CPR number (encrypted and hashed) must not leave the table.
			.select([
				'name',
				'co_name',
				'address_line',
				'postal_code',
				'city',
				'preferred_language',
				'email',
				'phone',
				'notify_by_email',
				'notify_by_sms',
				'created_at',
				'updated_at'
			])
			.where('id', '=', citizenId)
			.executeTakeFirstOrThrow()
	);
}

type CitizenRow = Awaited<ReturnType<typeof selectCitizen>>;

/** Newest first: the first row is the flag as it stands. */
export function selectAnalogChanges(db: Executor, citizenId: string) {
	return db
		.selectFrom('analog_flag_changes')
		.select(['changed_at', 'analog', 'reason', 'note', 'set_by_citizen_id'])
		.where('citizen_id', '=', citizenId)
		.orderBy('changed_at', 'desc')
		.orderBy('id', 'desc')
		.execute();
}

type AnalogRow = Awaited<ReturnType<typeof selectAnalogChanges>>[number];

export function toProfile(citizen: CitizenRow, analogRows: AnalogRow[]): ExportedProfile {
	return {
		name: citizen.name,
		coName: citizen.co_name,
		addressLine: citizen.address_line,
		postalCode: citizen.postal_code,
		city: citizen.city,
		preferredLanguage: citizen.preferred_language,
		email: citizen.email,
		phone: citizen.phone,
		notifyByEmail: citizen.notify_by_email,
		notifyBySms: citizen.notify_by_sms,
		lettersByPost: analogRows[0]?.analog ?? false,
		createdAt: citizen.created_at,
		updatedAt: citizen.updated_at
	};
}

export function toAnalogChange(citizenId: string, a: AnalogRow): ExportedAnalogChange {
	return {
		changedAt: a.changed_at,
		lettersByPost: a.analog,
		reason: a.reason,
		note: a.note,
		recordedBy: recordedBy(citizenId, a.set_by_citizen_id)
	};
}
