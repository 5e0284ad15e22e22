import { error, redirect, type RequestEvent } from '@sveltejs/kit';
import { formText } from '$lib/forms';
import { changeConsent } from '$lib/server/consent/service';
import { consentDepartments, latestConsents, listConsentHistory } from '$lib/server/db/consents';
import { auditPortal, portal, requireMayAct } from '$lib/server/access/portal';
import type { ConsentAction } from '$lib/domain';
import { isUuid } from '$lib/uuid';
import type { Actions, PageServerLoad } from './$types';

// Consent per department: what it means first, then one card per department with one button, then
// every change with a receipt.
export const load: PageServerLoad = async (event) => {
	const context = await portal(event, 'everything');
	const { db, scope } = context;
	const [departments, latest, history] = await Promise.all([
		consentDepartments(db, scope.citizenId),
		latestConsents(db, scope.citizenId),
		listConsentHistory(db, scope.citizenId)
	]);
	await auditPortal(db, context, 'read', { type: 'consent' });
	const byDepartment = new Map(latest.map((row) => [row.department_id, row]));
	return {
		viewer: {
			actorId: context.actor.id,
			subjectId: context.subject.id,
			subjectName: context.subject.name,
			representing: scope.representing
		},
		mayAct: scope.mayAct,
		departments: departments.map((d) => {
			const row = byDepartment.get(d.id);
			return {
				...d,
				latest: row ? { action: row.action, occurredAt: row.occurred_at } : null
			};
		}),
		history,
		unchanged: event.url.searchParams.has('uaendret')
	};
};

async function decide(event: RequestEvent, action: ConsentAction): Promise<never> {
	const context = await portal(event, 'everything');
	requireMayAct(context);
	let data: FormData;
	try {
		data = await event.request.formData();
	} catch {
		error(400, 'Bad Request');
	}
	// A department the citizen has no case with, a made-up id and a malformed one answer alike.
	const departmentId = formText(data, 'department');
	if (!isUuid(departmentId)) error(404, 'Not Found');
	const department = (await consentDepartments(context.db, context.scope.citizenId)).find(
		(d) => d.id === departmentId
	);
	if (!department) error(404, 'Not Found');
	const result = await changeConsent(context, department, action);
	if (!result.changed) redirect(303, '/samtykke?uaendret=1');
	redirect(303, `/samtykke/kvittering/${result.consent.id}?ny=1`);
}

export const actions: Actions = {
	giv: (event) => decide(event, 'granted'),
	traek: (event) => decide(event, 'withdrawn')
};
