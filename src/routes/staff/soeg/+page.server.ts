import { error, fail } from '@sveltejs/kit';
import { formatDateTime } from '$lib/format';
import { formText, type FieldError, type FieldErrors } from '$lib/forms';
import type { StaffKey } from '$lib/i18n/staff';
import { requireStaff } from '$lib/server/auth/guards';
import { getCprKeys, getDb } from '$lib/server/db';
import { parseSearch, searchCitizens } from '$lib/server/citizens/search';
import { consumeSearch, recordRefusedSearch } from '$lib/server/citizens/search-limit';
import { CASE_ROLES, staffActor } from '$lib/server/access/staff';
import * as clock from '$lib/server/clock';
import type { Actions, PageServerLoad } from './$types';

// Find a citizen by CPR number or name. The form is POST, so neither a CPR number nor a name ever
// stands in a URL; the search and its criterion are audited in searchCitizens.
export const load: PageServerLoad = async (event) => {
	requireStaff(event, CASE_ROLES);
	return {};
};

export const actions: Actions = {
	soeg: async (event) => {
		const { staff } = requireStaff(event, CASE_ROLES);
		let data: FormData;
		try {
			data = await event.request.formData();
		} catch {
			error(400, 'Bad Request');
		}
		const purpose = formText(data, 'purpose');
		const query = formText(data, 'query');
		const parsed = parseSearch(getCprKeys(), { query, purpose });
		// Values are echoed to the form only: the page is no-store and the answer is to a POST.
		const values = { query, purpose };
		if ('errors' in parsed) {
			return fail(400, { values, errors: parsed.errors, results: null, more: false });
		}
		const actor = staffActor(staff);
		// The search limit per member of staff (citizens/search-limit.ts): over it, the search is
		// not run, and the refusal is audited and logged.
		const allowance = await consumeSearch(staff.id);
		if (!allowance.ok) {
			await recordRefusedSearch(getDb(), actor, parsed.query, allowance);
			event.setHeaders({ 'retry-after': String(allowance.retryAfterSeconds) });
			const retry: FieldError<StaffKey> =
				allowance.window === 'minute'
					? {
							key: 'caseloadSearchErrorRateMinute',
							values: { seconds: allowance.retryAfterSeconds }
						}
					: {
							key: 'caseloadSearchErrorRateDay',
							values: {
								time: formatDateTime(
									new Date(clock.now().getTime() + allowance.retryAfterSeconds * 1000),
									event.locals.locale
								)
							}
						};
			const errors: FieldErrors<StaffKey> = { query: retry };
			return fail(429, { values, errors, results: null, more: false });
		}
		const { results, more } = await searchCitizens(getDb(), actor, parsed.query);
		return { values, errors: null, results, more };
	}
};
