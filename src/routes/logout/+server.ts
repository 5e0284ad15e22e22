import { getDb } from '$lib/server/db';
import { recordAuditEvent } from '$lib/server/db/audit';
import { deleteSessionCookie, invalidateSession } from '$lib/server/auth/session';
import type { RequestHandler } from './$types';

// Logging out ends the session on the server, not only in the browser, and asks the browser to
// forget what it cached and stored for this site.
export const POST: RequestHandler = async ({ locals, cookies, url }) => {
	const session = locals.session;
	if (session) {
		const db = getDb();
		await invalidateSession(db, session.id);
		await recordAuditEvent(db, {
			actor_type: session.staffUserId ? 'staff' : 'citizen',
			actor_staff_id: session.staffUserId,
			actor_citizen_id: session.citizenId,
			actor_department_id: locals.staff?.departmentId ?? null,
			actor_role: locals.staff?.role ?? null,
			action: 'logout',
			object_type: 'session',
			citizen_id: session.citizenId
		});
	}
	deleteSessionCookie(cookies, url);
	return new Response(null, {
		status: 303,
		headers: {
			Location: '/?logget-ud=1',
			'Clear-Site-Data': '"cache", "storage"',
			'Cache-Control': 'no-store'
		}
	});
};
