// "I have done it": marks the citizen's task done with an optional comment, tells staff on the
// journey's timeline (when the task belongs to a journey) and writes an audit row, in one
// transaction.
import { catalogues, format } from '../../i18n/all';
import type { CitizenTask } from '../db/tasks';
import { markTaskDone } from '../db/tasks';
import { appendTimelineEntry } from '../db/timeline';
import { auditActor, auditPortal, type PortalContext } from '../access/portal';
import * as clock from '../clock';

export const TASK_COMMENT_MAX = 1000;

function whoDidIt(context: PortalContext, locale: 'da' | 'en'): string {
	if (!context.scope.representing) return context.actor.name;
	return format(catalogues[locale].taskEntryOnBehalf, {
		actor: context.actor.name,
		citizen: context.subject.name
	});
}

/**
 * Returns false, and changes nothing, when the task was already done: a second "I have done it"
 * (another tab, a double submit) must not add a second timeline entry.
 */
export async function completeTask(
	context: PortalContext,
	task: CitizenTask,
	comment: string,
	now: Date = clock.now()
): Promise<boolean> {
	const doneComment = comment === '' ? null : comment;
	const title = (locale: 'da' | 'en') =>
		format(catalogues[locale].taskEntryDone, {
			name: whoDidIt(context, locale),
			title: locale === 'en' && task.titleEn ? task.titleEn : task.title
		});
	const actor = auditActor(context);
	return context.db.transaction().execute(async (trx) => {
		if (!(await markTaskDone(trx, task.id, { comment: doneComment, at: now }))) return false;
		if (task.journeyId) {
			await appendTimelineEntry(trx, {
				journey_id: task.journeyId,
				kind: 'task',
				visibility: 'citizen',
				author_citizen_id: actor.actor_citizen_id,
				department_id: task.departmentId,
				title: title('da'),
				title_en: title('en'),
				body: doneComment ?? '',
				occurred_at: now,
				task_id: task.id
			});
		}
		await auditPortal(trx, context, 'update', { type: 'task', id: task.id });
		return true;
	});
}
