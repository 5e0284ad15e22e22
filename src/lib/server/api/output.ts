// What the integration API answers: database rows as the API's JSON shapes (schemas.ts). Dates
// are ISO 8601 instants; an object sent without the department's own reference answers ''.
import type { ApiCase, ApiEntry, ApiMeeting } from '../db/api';
import type { CaseOutput, EntryOutput, MeetingOutput } from './schemas';

function iso(date: Date): string {
	return date.toISOString();
}

export function caseOutput(row: ApiCase): CaseOutput {
	return {
		externalRef: row.external_ref ?? '',
		caseId: row.id,
		citizenId: row.citizen_id,
		kleNumber: row.kle_number,
		title: row.title,
		titleEn: row.title_en,
		status: row.status,
		caseworkerEmail: row.caseworker_email,
		nextStep: row.next_step,
		nextStepEn: row.next_step_en,
		nextStepDue: row.next_step_due,
		waitingOn: row.waiting_on,
		journeyIds: row.journey_ids,
		openedAt: iso(row.opened_at),
		updatedAt: iso(row.updated_at)
	};
}

export function entryOutput(row: ApiEntry): EntryOutput {
	return {
		externalRef: row.external_ref ?? '',
		entryId: row.id,
		journeyId: row.journey_id,
		kind: row.kind as EntryOutput['kind'],
		visibility: row.visibility,
		title: row.title,
		titleEn: row.title_en,
		body: row.body,
		bodyEn: row.body_en,
		occurredAt: iso(row.occurred_at)
	};
}

export function meetingOutput(row: ApiMeeting): MeetingOutput {
	return {
		externalRef: row.external_ref ?? '',
		meetingId: row.id,
		journeyId: row.journey_id,
		title: row.title,
		titleEn: row.title_en,
		startsAt: iso(row.starts_at),
		endsAt: iso(row.ends_at),
		location: row.location,
		videoUrl: row.video_url,
		agenda: row.agenda,
		whatToBring: row.what_to_bring,
		cancelled: row.cancelled_at !== null,
		citizenResponse: row.citizen_response
	};
}
