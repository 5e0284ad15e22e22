import { error, fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { recordConsentForCitizen } from '$lib/server/consent/service';
import {
	consentDepartments,
	latestConsents,
	listConsentHistoryForStaff
} from '$lib/server/db/consents';
import { parseConsentForm } from '$lib/server/consent/staff-form';
import { can } from '$lib/server/access/policy';
import { allowOr404, auditStaffRead, purposeFor, staffCitizen } from '$lib/server/access/staff';
import type { Actions, PageServerLoad } from './$types';

const SAVED = ['ja', 'uaendret'] as const;

// The citizen's consent per department and its history, and a form to record a decision the
// citizen made outside Sammen (on paper, at a meeting, by phone). Written through the portal's
// consent service: the same row, timeline entries and audit row.
export const load: PageServerLoad = async (event) => {
	const context = await staffCitizen(event, event.params.citizenId);
	allowOr404(context, 'read', { kind: 'consent', citizen: context.citizen });
	const citizenId = context.citizen.citizenId;
	const [departments, latest, history] = await Promise.all([
		consentDepartments(context.db, citizenId),
		latestConsents(context.db, citizenId),
		listConsentHistoryForStaff(context.db, citizenId)
	]);
	await auditStaffRead(context, 'consent');
	const byDepartment = new Map(latest.map((row) => [row.department_id, row]));
	const saved = event.url.searchParams.get('gemt');
	return {
		banner: context.banner,
		mayWrite: can(context.actor, 'write', { kind: 'consent', citizen: context.citizen }),
		departments: departments.map((d) => {
			const row = byDepartment.get(d.id);
			return {
				...d,
				latest: row
					? { action: row.action, channel: row.channel, occurredAt: row.occurred_at }
					: null
			};
		}),
		history,
		saved: SAVED.find((s) => s === saved) ?? null
	};
};

async function readForm(event: RequestEvent): Promise<FormData> {
	try {
		return await event.request.formData();
	} catch {
		error(400, 'Bad Request');
	}
}

export const actions: Actions = {
	registrer: async (event) => {
		const context = await staffCitizen(event, event.params.citizenId);
		allowOr404(context, 'write', { kind: 'consent', citizen: context.citizen });
		const citizenId = context.citizen.citizenId;
		const departments = await consentDepartments(context.db, citizenId);
		const parsed = parseConsentForm(
			await readForm(event),
			departments.map((d) => d.id)
		);
		if (!parsed.ok) return fail(400, { values: parsed.values, errors: parsed.errors });
		const department = departments.find((d) => d.id === parsed.departmentId)!;
		const result = await recordConsentForCitizen(
			context.db,
			context.actor,
			{ id: citizenId, name: context.banner.name },
			department,
			parsed.record,
			purposeFor(context.actor, context.citizen)
		);
		redirect(
			303,
			`/staff/borger/${citizenId}/samtykke?gemt=${result.changed ? 'ja' : 'uaendret'}#resultat`
		);
	}
};
