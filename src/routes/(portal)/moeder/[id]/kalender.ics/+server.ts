import { error } from '@sveltejs/kit';
import { findCitizenMeeting } from '$lib/server/db/meetings';
import { meetingCalendar } from '$lib/server/meetings/calendar';
import { auditPortal, portal } from '$lib/server/access/portal';
import { isUuid } from '$lib/uuid';
import type { RequestHandler } from './$types';

// The meeting as a calendar file, under the same rules as the meeting's page.
export const GET: RequestHandler = async (event) => {
	const context = await portal(event, 'journeys');
	const id = event.params.id;
	if (!isUuid(id)) error(404, 'Not Found');
	const meeting = await findCitizenMeeting(context.db, id, context.scope.citizenId);
	if (!meeting) error(404, 'Not Found');
	await auditPortal(context.db, context, 'read', { type: 'meeting_calendar', id: meeting.id });
	const file = meetingCalendar(meeting, event.locals.locale);
	return new Response(file.body, {
		headers: {
			'Content-Type': 'text/calendar; charset=utf-8',
			'Content-Disposition': `attachment; filename="${file.filename}"`,
			'Cache-Control': 'no-store'
		}
	});
};
