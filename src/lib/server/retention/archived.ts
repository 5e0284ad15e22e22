// What "archived" means for a journey: the retention job archives a closed journey a set time after
// it closed (retention/run.ts). Staff can still read it (the journey page says "Arkiveret"), but
// the pages that change it (a new entry, a meeting, coordination) answer 404, like any other write
// the reader may not make; the API sends a department's entries to a journey that is not archived.
// The rule itself is journeyWritable() in db/retention.ts. Nothing is deleted and the citizen's
// side does not change.
import { error } from '@sveltejs/kit';
import type { Kysely } from 'kysely';
import { isJourneyWritable, journeyArchivedAt } from '../db/retention';
import type { Database } from '../db/schema';

export { journeyArchivedAt };

/** 404 when the journey is archived: the guard of staff pages and actions that change a journey. */
export async function refuseArchived(context: {
	db: Kysely<Database>;
	journey: { journeyId: string };
}): Promise<void> {
	if (!(await isJourneyWritable(context.db, context.journey.journeyId))) error(404, 'Not Found');
}
