// Every staff route that takes an id, with the member of staff who may open Maja Jensen's object
// and those who must get 404 for it: the access tests of the actions tier
// (tests/actions/access.spec.ts) and of the built app (tests/e2e/staff-access.spec.ts) read the
// same table.
import fs from 'node:fs';
import path from 'node:path';
import { demoIds } from '../src/lib/server/seed/demo';
import { madeUp, malformed } from './invalid-ids';

export { madeUp, malformed };

export const maja = demoIds.citizen('Maja Jensen');
export const majaJourney = demoIds.journey('maja');
export const majaMeeting = demoIds.meeting('maja-m3');
export const karl = demoIds.citizen('Karl Nielsen');
export const karlJourney = demoIds.journey('karl');
export const karlMeeting = demoIds.meeting('karl-next');

/**
 * Every staff route with an id: Maja's object opened by her coordinator Mette Larsen (to check it
 * opens and to find its forms), and who must get 404 for it. Hanne Vestergaard (Sundhed og omsorg)
 * has no case with Maja; Lone Madsen (Jobcenter) has one but does not coordinate, so the pages
 * that change the journey's coordination are closed to her.
 */
export const routes: {
	route: string;
	path: (id: string) => string;
	own: string;
	/** Staff who must get 404 for Maja's object. */
	deniedFor: string[];
	/** Other citizens' objects that Mette Larsen must not reach. */
	others: string[];
}[] = [
	{
		route: '/staff/borger/[citizenId]',
		path: (id) => `/staff/borger/${id}`,
		own: maja,
		deniedFor: ['Hanne Vestergaard'],
		others: [karl]
	},
	{
		route: '/staff/borger/[citizenId]/samtykke',
		path: (id) => `/staff/borger/${id}/samtykke`,
		own: maja,
		deniedFor: ['Hanne Vestergaard'],
		others: [karl]
	},
	{
		route: '/staff/borger/[citizenId]/repraesentanter',
		path: (id) => `/staff/borger/${id}/repraesentanter`,
		own: maja,
		deniedFor: ['Hanne Vestergaard'],
		others: [karl]
	},
	{
		route: '/staff/borger/[citizenId]/analog',
		path: (id) => `/staff/borger/${id}/analog`,
		own: maja,
		deniedFor: ['Hanne Vestergaard'],
		others: [karl]
	},
	{
		route: '/staff/forloeb/[journeyId]/ny-post',
		path: (id) => `/staff/forloeb/${id}/ny-post`,
		own: majaJourney,
		deniedFor: ['Hanne Vestergaard'],
		others: [karlJourney]
	},
	{
		route: '/staff/forloeb/[journeyId]',
		path: (id) => `/staff/forloeb/${id}`,
		own: majaJourney,
		deniedFor: ['Hanne Vestergaard'],
		others: [karlJourney]
	},
	{
		route: '/staff/forloeb/[journeyId]/beskeder',
		path: (id) => `/staff/forloeb/${id}/beskeder`,
		own: majaJourney,
		deniedFor: ['Hanne Vestergaard'],
		others: [karlJourney]
	},
	{
		route: '/staff/forloeb/[journeyId]/koordinering',
		path: (id) => `/staff/forloeb/${id}/koordinering`,
		own: majaJourney,
		deniedFor: ['Hanne Vestergaard', 'Lone Madsen'],
		others: [karlJourney]
	},
	{
		route: '/staff/forloeb/[journeyId]/moede',
		path: (id) => `/staff/forloeb/${id}/moede`,
		own: majaJourney,
		deniedFor: ['Hanne Vestergaard', 'Lone Madsen'],
		others: [karlJourney]
	},
	{
		route: '/staff/moeder/[meetingId]',
		path: (id) => `/staff/moeder/${id}`,
		own: majaMeeting,
		deniedFor: ['Hanne Vestergaard'],
		others: [karlMeeting]
	}
];

/**
 * Staff routes with a parameter in src/routes that are about a citizen's objects. The print queue's
 * batch pages (/staff/post) and the administration (/staff/admin) are for administrators only and
 * hold no case object: print-queue.spec.ts and admin.spec.ts check them for every other role and for
 * made-up and malformed ids.
 */
export function staffRoutesWithIds(): string[] {
	const found: string[] = [];
	const walk = (dir: string, route: string) => {
		for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
			if (!entry.isDirectory()) continue;
			const next = `${route}/${entry.name}`;
			const files = fs.readdirSync(path.join(dir, entry.name));
			if (next === '/staff/post' || next === '/staff/admin') continue;
			if (next.includes('[') && files.some((f) => /^\+(page|server)/.test(f))) found.push(next);
			walk(path.join(dir, entry.name), next);
		}
	};
	walk('src/routes/staff', '/staff');
	return found.sort();
}
