// The server both task specs run on (tasks.spec.ts over HTTP, tasks.browser.spec.ts in Chromium):
// the demo plus a task for Karl (for his read-only representative) and two more for Maja.
import * as clock from '../../src/lib/server/clock';
import { demoIds } from '../../src/lib/server/seed/demo';
import { DemoClock } from '../../src/lib/server/seed/demo-time';
import { startSeededServer, type SeededServer } from './seeded-server';

export const MAJA = demoIds.citizen('Maja Jensen');
export const SOFIE = demoIds.citizen('Sofie Hansen');
export const KARL = demoIds.citizen('Karl Nielsen');
export const LISE = demoIds.citizen('Lise Mortensen');
export const HENRIK = demoIds.citizen('Henrik Hansen');
export const PAYSLIPS = demoIds.task('maja-payslips');
export const MAJA_DONE = demoIds.task('maja-cv');
export const SOFIE_RECEIPTS = demoIds.task('sofie-receipts');
export const LISE_ESTIMATE = demoIds.task('lise-estimate');
export const AHMED_DIPLOMA = demoIds.task('ahmed-diploma');
// Rows the demo does not have, added for these tests.
export const KARL_TASK = '7a5c0000-0000-4000-8000-00000000d001';
export const MAJA_OVERDUE = '7a5c0000-0000-4000-8000-00000000d002';
export const MAJA_BROWSER = '7a5c0000-0000-4000-8000-00000000d003';

// The same calendar as the seed's: the servers' clocks go on from this process's (pinned at 10.00).
export const demo = new DemoClock(clock.now());
export const OVERDUE_DUE = demo.date(-3);

export function startTasksServer(): Promise<SeededServer> {
	return startSeededServer(async (db) => {
		const task = (
			id: string,
			citizen: 'Karl Nielsen' | 'Maja Jensen',
			journey: string,
			caseKey: string,
			title: string,
			dueDate: string
		) => ({
			id,
			citizen_id: demoIds.citizen(citizen),
			journey_id: demoIds.journey(journey),
			case_id: demoIds.case(caseKey),
			assignee: 'citizen' as const,
			title,
			title_en: null,
			description: 'Ring, hvis du har spørgsmål.\nVi hjælper gerne.',
			due_date: dueDate,
			created_by_staff_id: demoIds.staff('Hanne Vestergaard'),
			created_at: demo.past(10, 9)
		});
		await db
			.insertInto('tasks')
			.values([
				task(
					KARL_TASK,
					'Karl Nielsen',
					'karl',
					'karl-care',
					'Skriv dine ønsker til besøget',
					demo.date(6)
				),
				task(MAJA_OVERDUE, 'Maja Jensen', 'maja', 'maja-social', 'Send din husleje', OVERDUE_DUE),
				task(MAJA_BROWSER, 'Maja Jensen', 'maja', 'maja-job', 'Udfyld dit skema', demo.date(20))
			])
			.execute();
	});
}

export const taskPath = (id: string) => `/opgaver/${encodeURIComponent(id)}`;
