// The citizen's own settings on the citizens row: language and how to notify them.
import type { Language } from '../../domain';
import * as clock from '../clock';
import type { Executor } from './executor';

export interface CitizenSettings {
	preferredLanguage: Language;
	email: string | null;
	phone: string | null;
	notifyByEmail: boolean;
	notifyBySms: boolean;
}

export async function citizenSettings(
	db: Executor,
	citizenId: string
): Promise<CitizenSettings | undefined> {
	return db
		.selectFrom('citizens')
		.select([
			'preferred_language as preferredLanguage',
			'email',
			'phone',
			'notify_by_email as notifyByEmail',
			'notify_by_sms as notifyBySms'
		])
		.where('id', '=', citizenId)
		.executeTakeFirst();
}

export async function updateCitizenSettings(
	db: Executor,
	citizenId: string,
	changes: Partial<CitizenSettings>
): Promise<void> {
	await db
		.updateTable('citizens')
		.set({
			...(changes.preferredLanguage !== undefined && {
				preferred_language: changes.preferredLanguage
			}),
			...(changes.email !== undefined && { email: changes.email }),
			...(changes.phone !== undefined && { phone: changes.phone }),
			...(changes.notifyByEmail !== undefined && { notify_by_email: changes.notifyByEmail }),
			...(changes.notifyBySms !== undefined && { notify_by_sms: changes.notifyBySms }),
			updated_at: clock.now()
		})
		.where('id', '=', citizenId)
		.execute();
}
