import { error, fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { formText, tooLong, type FieldErrors } from '$lib/forms';
import type { PortalKey } from '$lib/i18n/portal';
import { findCitizenTask } from '$lib/server/db/tasks';
import { auditPortal, portal, requireMayAct, type PortalContext } from '$lib/server/access/portal';
import { completeTask, TASK_COMMENT_MAX } from '$lib/server/tasks/complete';
import { isUuid } from '$lib/uuid';
import * as clock from '$lib/server/clock';
import { todayInDenmark } from '$lib/format';
import type { Actions, PageServerLoad } from './$types';

/**
 * The task in the URL if the citizen is to do it and the scope covers it. Someone else's task, a
 * task on staff, a made-up id and a malformed one all answer the same 404.
 */
async function taskOf(event: RequestEvent<{ id: string }>, context: PortalContext) {
	const id = event.params.id;
	if (!isUuid(id)) error(404, 'Not Found');
	const task = await findCitizenTask(context.db, id, context.scope);
	if (!task) error(404, 'Not Found');
	return task;
}

// A task for the citizen: what to do and by when, and "I have done it".
export const load: PageServerLoad = async (event) => {
	const context = await portal(event, 'any');
	const task = await taskOf(event, context);
	await auditPortal(context.db, context, 'read', { type: 'task', id: task.id });
	return {
		task,
		today: todayInDenmark(clock.now()),
		mayAct: context.scope.mayAct,
		subjectName: context.subject.name,
		saved: event.url.searchParams.has('gjort')
	};
};

export const actions: Actions = {
	gjort: async (event) => {
		const context = await portal(event, 'any');
		const task = await taskOf(event, context);
		requireMayAct(context);

		const data = await event.request.formData();
		const values = { comment: formText(data, 'comment') };
		const errors: FieldErrors<PortalKey> = {};
		if (task.doneAt) return fail(400, { values, errors, alreadyDone: true });

		const commentTooLong = tooLong(values.comment, TASK_COMMENT_MAX);
		if (commentTooLong) errors.comment = commentTooLong;
		if (Object.keys(errors).length > 0) return fail(400, { values, errors, alreadyDone: false });

		if (!(await completeTask(context, task, values.comment))) {
			return fail(400, { values, errors, alreadyDone: true });
		}
		// An absolute path: resolve() gives a path relative to the page during a request.
		redirect(303, `/opgaver/${task.id}?gjort=1`);
	}
};
