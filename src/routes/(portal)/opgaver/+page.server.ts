import { listCitizenTasks } from '$lib/server/db/tasks';
import { auditPortal, portal } from '$lib/server/access/portal';
import * as clock from '$lib/server/clock';
import { todayInDenmark } from '$lib/format';
import type { PageServerLoad } from './$types';

// The citizen's tasks: open ones, soonest deadline first, then those already done.
export const load: PageServerLoad = async (event) => {
	const context = await portal(event, 'any');
	const tasks = await listCitizenTasks(context.db, context.scope);
	await auditPortal(context.db, context, 'read', { type: 'tasks' });
	return {
		...tasks,
		today: todayInDenmark(clock.now()),
		forName: context.scope.representing ? context.subject.name : null
	};
};
