// Every citizen route that takes an id, with Maja Jensen's own object and the objects she must
// never reach: the access tests of the actions tier (tests/actions/access.spec.ts) and of the built
// app (tests/e2e/portal-access.spec.ts) read the same table.
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { expect } from 'vitest';
import * as clock from '../src/lib/server/clock';
import { deriveCprKeys } from '../src/lib/server/crypto/cpr';
import { buildDemoRows, demoIds } from '../src/lib/server/seed/demo';
import { madeUp, malformed } from './invalid-ids';

export { madeUp, malformed };

const rows = buildDemoRows(deriveCprKeys(randomBytes(32)), clock.now());

export const maja = demoIds.citizen('Maja Jensen');
export const majaJourney = demoIds.journey('maja');
const karlJourney = demoIds.journey('karl');

/** The id of the first of `items` (the seed's rows carry their ids). */
function first(items: { id?: string }[], what: string): { id: string } {
	expect(items.length, what).toBeGreaterThan(0);
	return { id: items[0]!.id! };
}

// Maja's own objects (to find the form actions of each page) and objects she must never reach.
export const own = {
	meeting: demoIds.meeting('maja-next'),
	task: demoIds.task('maja-payslips'),
	decision: first(
		rows.timeline_entries.filter(
			(e) => e.journey_id === majaJourney && e.kind === 'decision' && e.visibility === 'citizen'
		),
		"Maja's decisions"
	).id,
	consent: first(
		rows.consents.filter((c) => c.citizen_id === maja),
		"Maja's consents"
	).id
};
export const foreign = {
	journey: karlJourney,
	meeting: first(
		rows.meetings.filter((m) => m.journey_id !== majaJourney),
		"another citizen's meetings"
	).id,
	task: first(
		rows.tasks.filter((t) => t.citizen_id !== maja && t.assignee === 'citizen'),
		"another citizen's tasks"
	).id,
	staffTask: first(
		rows.tasks.filter((t) => t.citizen_id === maja && t.assignee === 'staff'),
		"a task for Maja's caseworkers"
	).id,
	letter: first(
		rows.letters.filter((l) => l.citizen_id !== maja),
		"another citizen's letters"
	).id,
	decision: first(
		rows.timeline_entries.filter((e) => e.journey_id !== majaJourney && e.kind === 'decision'),
		"another citizen's decisions"
	).id,
	staffOnlyEntry: first(
		rows.timeline_entries.filter((e) => e.journey_id === majaJourney && e.visibility === 'staff'),
		"Maja's staff-only entries"
	).id,
	note: first(
		rows.timeline_entries.filter((e) => e.journey_id === majaJourney && e.kind === 'note'),
		"Maja's notes"
	).id,
	consent: first(
		rows.consents.filter((c) => c.citizen_id !== maja),
		"another citizen's consent"
	).id
};

/** Every citizen route with an id, with Maja's own id and the ids she must not reach. */
export const routes: {
	route: string;
	path: (id: string) => string;
	/** Maja's own object, when she has one (to check it opens and to find its forms). */
	own: string | null;
	others: string[];
}[] = [
	{
		route: '/forloeb/[id]',
		path: (id) => `/forloeb/${id}`,
		own: majaJourney,
		others: [foreign.journey]
	},
	{
		route: '/forloeb/[id]/beskeder',
		path: (id) => `/forloeb/${id}/beskeder`,
		own: majaJourney,
		others: [foreign.journey]
	},
	{
		route: '/moeder/[id]',
		path: (id) => `/moeder/${id}`,
		own: own.meeting,
		others: [foreign.meeting]
	},
	{
		route: '/moeder/[id]/kalender.ics',
		path: (id) => `/moeder/${id}/kalender.ics`,
		own: own.meeting,
		others: [foreign.meeting]
	},
	{
		route: '/opgaver/[id]',
		path: (id) => `/opgaver/${id}`,
		own: own.task,
		others: [foreign.task, foreign.staffTask]
	},
	{
		route: '/dokumenter/brev/[id]',
		path: (id) => `/dokumenter/brev/${id}`,
		// Maja is digital and has no letters; the download has no forms anyway.
		own: null,
		others: [foreign.letter]
	},
	{
		route: '/dokumenter/afgoerelse/[id]',
		path: (id) => `/dokumenter/afgoerelse/${id}`,
		own: own.decision,
		others: [foreign.decision, foreign.staffOnlyEntry, foreign.note]
	},
	{
		route: '/samtykke/kvittering/[id]',
		path: (id) => `/samtykke/kvittering/${id}`,
		own: own.consent,
		others: [foreign.consent]
	}
];

/** Citizen routes with a parameter in src/routes (staff, API, login and the simulator excluded). */
export function routesWithIds(): string[] {
	const found: string[] = [];
	const walk = (dir: string, route: string) => {
		for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
			if (!entry.isDirectory()) continue;
			// A group such as (portal) sorts the source and is not part of the path.
			const next = /^\(.+\)$/.test(entry.name) ? route : `${route}/${entry.name}`;
			if (/^\/(staff|api|auth|demo-idp)\b/.test(next)) continue;
			const files = fs.readdirSync(path.join(dir, entry.name));
			if (next.includes('[') && files.some((f) => /^\+(page|server)/.test(f))) found.push(next);
			walk(path.join(dir, entry.name), next);
		}
	};
	walk('src/routes', '');
	return found.sort();
}
