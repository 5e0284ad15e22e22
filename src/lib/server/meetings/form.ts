// Parsing and checking the meeting form (plan and change): Danish wall-clock time to an instant,
// place or video link (one is required), the participants among the staff who may be invited.
// Pure, so the rules are tested without a server.
import { parseCalendarDate } from '../../dates';
import { formText, tooLong, type FieldErrors } from '../../forms';
import type { StaffKey } from '../../i18n/staff';
import { copenhagenInstant } from '../seed/demo-time';
import * as clock from '../clock';

export const TITLE_MAX = 200;
export const PLACE_MAX = 300;
export const URL_MAX = 500;
export const TEXT_MAX = 4000;
export const NAME_MAX = 200;
/** Rows for people outside the municipality (a mentor, a teacher): enough without JavaScript. */
export const EXTERNAL_ROWS = 3;

export interface MeetingFormValues {
	title: string;
	date: string;
	start: string;
	end: string;
	location: string;
	videoUrl: string;
	agenda: string;
	whatToBring: string;
	participants: string[];
	externals: { name: string; role: string }[];
}

export interface MeetingTimePlace {
	startsAt: Date;
	endsAt: Date;
	location: string | null;
	videoUrl: string | null;
}

export interface MeetingInput extends MeetingTimePlace {
	title: string;
	agenda: string;
	whatToBring: string | null;
	staffIds: string[];
	externals: { name: string; role: string | null }[];
}

export function readMeetingForm(data: FormData): MeetingFormValues {
	return {
		title: formText(data, 'title'),
		date: formText(data, 'date'),
		start: formText(data, 'start'),
		end: formText(data, 'end'),
		location: formText(data, 'location'),
		videoUrl: formText(data, 'videoUrl'),
		agenda: formText(data, 'agenda'),
		whatToBring: formText(data, 'whatToBring'),
		participants: data.getAll('participants').filter((v): v is string => typeof v === 'string'),
		externals: Array.from({ length: EXTERNAL_ROWS }, (_, i) => ({
			name: formText(data, `externalName${i + 1}`),
			role: formText(data, `externalRole${i + 1}`)
		}))
	};
}

/** '10:00', '10.00' or '9:30' as minutes after midnight. */
export function parseClock(value: string): { hour: number; minute: number } | null {
	const match = /^(\d{1,2})[:.](\d{2})$/.exec(value);
	if (!match) return null;
	const hour = Number(match[1]);
	const minute = Number(match[2]);
	if (hour > 23 || minute > 59) return null;
	return { hour, minute };
}

/** A link to a video meeting: http(s) only, so it cannot run script when a citizen clicks it. */
export function parseVideoUrl(value: string): string | null {
	try {
		const url = new URL(value);
		if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
		if (!url.hostname.includes('.')) return null;
		return url.href;
	} catch {
		return null;
	}
}

/** Time and place, shared by planning and moving a meeting. */
export function checkTimePlace(
	values: Pick<MeetingFormValues, 'date' | 'start' | 'end' | 'location' | 'videoUrl'>,
	errors: FieldErrors<StaffKey>,
	now: Date
): MeetingTimePlace | null {
	const date = parseCalendarDate(values.date);
	const start = parseClock(values.start);
	const end = parseClock(values.end);
	if (!date) errors.date = values.date === '' ? 'smErrorDateMissing' : 'smErrorDate';
	if (!start) errors.start = 'smErrorStart';
	if (!end) errors.end = 'smErrorEnd';
	let startsAt: Date | null = null;
	let endsAt: Date | null = null;
	if (date && start && end) {
		startsAt = copenhagenInstant(date, start.hour, start.minute);
		endsAt = copenhagenInstant(date, end.hour, end.minute);
		if (endsAt.getTime() <= startsAt.getTime()) errors.end = 'smErrorEndBeforeStart';
		else if (startsAt.getTime() <= now.getTime()) errors.date = 'smErrorPast';
	}
	const locationLong = tooLong(values.location, PLACE_MAX);
	if (locationLong) errors.location = locationLong;
	let videoUrl: string | null = null;
	if (values.videoUrl !== '') {
		videoUrl = values.videoUrl.length > URL_MAX ? null : parseVideoUrl(values.videoUrl);
		if (!videoUrl) errors.videoUrl = 'smErrorVideoUrl';
	}
	if (values.location === '' && values.videoUrl === '') errors.location = 'smErrorPlace';
	if (!startsAt || !endsAt || Object.keys(errors).length > 0) return null;
	return { startsAt, endsAt, location: values.location || null, videoUrl };
}

/**
 * The whole planning form. `inviteable` are the ids of staff who may be invited; anything else
 * (a tampered form) is an error, not silently dropped.
 */
export function checkMeetingForm(
	values: MeetingFormValues,
	inviteable: ReadonlySet<string>,
	now: Date = clock.now()
): { errors: FieldErrors<StaffKey>; input: MeetingInput | null } {
	const errors: FieldErrors<StaffKey> = {};
	if (values.title === '') errors.title = 'smErrorTitle';
	else {
		const long = tooLong(values.title, TITLE_MAX);
		if (long) errors.title = long;
	}
	const timePlace = checkTimePlace(values, errors, now);
	if (values.agenda === '') errors.agenda = 'smErrorAgenda';
	else {
		const long = tooLong(values.agenda, TEXT_MAX);
		if (long) errors.agenda = long;
	}
	const bringLong = tooLong(values.whatToBring, TEXT_MAX);
	if (bringLong) errors.whatToBring = bringLong;
	const staffIds = [...new Set(values.participants)];
	if (staffIds.some((id) => !inviteable.has(id))) errors.participants = 'smErrorParticipants';
	values.externals.forEach((external, i) => {
		const field = `externalName${i + 1}`;
		if (external.name === '' && external.role !== '') errors[field] = 'smErrorExternalName';
		const long = tooLong(external.name, NAME_MAX) ?? tooLong(external.role, NAME_MAX);
		if (long) errors[field] = long;
	});
	if (!timePlace || Object.keys(errors).length > 0) return { errors, input: null };
	return {
		errors,
		input: {
			title: values.title,
			...timePlace,
			agenda: values.agenda,
			whatToBring: values.whatToBring || null,
			staffIds,
			externals: values.externals
				.filter((e) => e.name !== '')
				.map((e) => ({ name: e.name, role: e.role || null }))
		}
	};
}
