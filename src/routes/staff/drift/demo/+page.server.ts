import { error } from '@sveltejs/kit';
import { requireStaff } from '$lib/server/auth/guards';
import { isDemo } from '$lib/server/config';
import { getDb } from '$lib/server/db';
import { decodeCursor, encodeCursor } from '$lib/server/db/operations';
import { loadDemoOutbox } from '$lib/server/operations/demo-outbox';
import { staffActor } from '$lib/server/access/staff';
import type { PageServerLoad } from './$types';

// The demo outbox: what would have been sent by e-mail and SMS without a provider. Administrators
// only, and only in demo mode: in production there is no such page (404).
export const load: PageServerLoad = async (event) => {
	const { staff } = requireStaff(event, ['admin']);
	if (!isDemo()) error(404, 'Not Found');
	const after = decodeCursor(event.url.searchParams.get('efter'));
	const outbox = await loadDemoOutbox(getDb(), staffActor(staff), after);
	return {
		rows: outbox.rows,
		nextQuery: outbox.next ? `?efter=${encodeCursor(outbox.next)}` : null,
		paged: after !== null
	};
};
