// The server both meeting specs run on (meetings.spec.ts over HTTP, meetings.browser.spec.ts in
// Chromium): the demo plus a cancelled meeting and an upcoming one for Maja, and an upcoming one for
// Sofie.
import * as clock from '../../src/lib/server/clock';
import { demoIds } from '../../src/lib/server/seed/demo';
import type { StaffName } from '../../src/lib/server/seed/demo-data';
import { DemoClock } from '../../src/lib/server/seed/demo-time';
import { startSeededServer, type SeededServer } from './seeded-server';

export const MAJA = demoIds.citizen('Maja Jensen');
export const SOFIE = demoIds.citizen('Sofie Hansen');
export const KARL = demoIds.citizen('Karl Nielsen');
export const HENRIK = demoIds.citizen('Henrik Hansen');
export const MAJA_NEXT = demoIds.meeting('maja-next');
export const MAJA_HELD = demoIds.meeting('maja-m1');
export const KARL_NEXT = demoIds.meeting('karl-next');
export const AHMED_VIDEO = demoIds.meeting('ahmed-mentor-meeting');
// Rows the demo does not have, added for these tests.
export const MAJA_CANCELLED = '5a1e0000-0000-4000-8000-00000000c001';
export const MAJA_BROWSER = '5a1e0000-0000-4000-8000-00000000c002';
export const SOFIE_NEXT = '5a1e0000-0000-4000-8000-00000000c003';

// The same calendar as the seed's: the servers' clocks go on from this process's (pinned at 10.00).
export const demo = new DemoClock(clock.now());
// The seed's meetings these tests show (seed/stories: maja-next, ahmed-mentor-meeting).
export const majaNextStart = demo.nextWeek();
export const majaNextEnd = demo.later(majaNextStart, 90);
export const ahmedVideoStart = demo.workdayAt(4, 14);
export const ahmedVideoEnd = demo.later(ahmedVideoStart, 45);

export function startMeetingsServer(): Promise<SeededServer> {
	return startSeededServer(async (db) => {
		const meeting = (
			id: string,
			journey: string,
			organizer: StaffName,
			days: number,
			extra: { cancelled?: boolean; title: string; titleEn: string }
		) => ({
			id,
			journey_id: demoIds.journey(journey),
			title: extra.title,
			title_en: extra.titleEn,
			starts_at: demo.workdayAt(days, 13),
			ends_at: demo.later(demo.workdayAt(days, 13), 60),
			location: 'Sammenby Rådhus, Torvet 1',
			video_url: null,
			agenda: '1. Hvordan går det?\n2. De næste skridt',
			what_to_bring: null,
			organizer_staff_id: demoIds.staff(organizer),
			cancelled_at: extra.cancelled ? demo.past(1, 11) : null,
			created_at: demo.past(5, 9)
		});
		await db
			.insertInto('meetings')
			.values([
				meeting(MAJA_CANCELLED, 'maja', 'Mette Larsen', 20, {
					cancelled: true,
					title: 'Møde om boligstøtte',
					titleEn: 'Meeting about housing benefit'
				}),
				meeting(MAJA_BROWSER, 'maja', 'Lone Madsen', 15, {
					title: 'Samtale om næste praktik',
					titleEn: 'Talk about your next placement'
				}),
				meeting(SOFIE_NEXT, 'sofie', 'Peter Holm', 12, {
					title: 'Opfølgning på skolen',
					titleEn: 'Follow-up at school'
				})
			])
			.execute();
	});
}

export const meetingPath = (id: string) => `/moeder/${encodeURIComponent(id)}`;
