// What every administration page and action starts with: the admin-only guard (404 for everyone
// else), the form, and ids from the URL checked before they reach the database (a malformed id
// answers 404 like a missing one).
import { error, type RequestEvent } from '@sveltejs/kit';
import { isUuid } from '../../uuid';
import { requireStaff } from '../auth/guards';
import { getDb } from '../db';
import { staffActor } from '../access/staff';

export function adminPage(event: RequestEvent) {
	const { staff } = requireStaff(event, ['admin']);
	return { db: getDb(), actor: staffActor(staff), staff };
}

export async function adminForm(event: RequestEvent) {
	const context = adminPage(event);
	let data: FormData;
	try {
		data = await event.request.formData();
	} catch {
		error(400, 'Bad Request');
	}
	return { ...context, data };
}

/** The id in the URL, or 404 when it cannot be one. */
export function idParam(value: string | undefined): string {
	if (!value || !isUuid(value)) error(404, 'Not Found');
	return value;
}
