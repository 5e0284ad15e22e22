import { error, fail, redirect } from '@sveltejs/kit';
import { formText } from '$lib/forms';
import { requireStaff } from '$lib/server/auth/guards';
import { isDemo } from '$lib/server/config';
import { getDb } from '$lib/server/db';
import { decodeCursor, encodeCursor, notificationBacklog } from '$lib/server/db/operations';
import { channelStatus } from '$lib/server/operations/channels-status';
import {
	loadDeadLetters,
	retryDeadLetter,
	waitingLetters
} from '$lib/server/operations/dead-letters';
import { staffActor } from '$lib/server/access/staff';
import { recentPostings } from '$lib/server/db/postings';
import { demoSimulator } from '$lib/server/digital-post/app';
import { letterReference } from '$lib/server/letters/pdf';
import { isUuid } from '$lib/uuid';
import type { Actions, PageServerLoad } from './$types';

// Operations for administrators: letters waiting too long, whether each channel is set up, the
// e-mails and SMS not yet sent (the backlog an outage of a provider builds up), the latest postings
// through SF1601 (and what the demo's simulator received), and the dead-letter list with "try
// again". Administrators only (404 for everyone else); no case content.
export const load: PageServerLoad = async (event) => {
	const { staff } = requireStaff(event, ['admin']);
	const db = getDb();
	const after = decodeCursor(event.url.searchParams.get('efter'));
	const [dead, waiting, backlog, postings] = await Promise.all([
		loadDeadLetters(db, staffActor(staff), after),
		waitingLetters(db),
		notificationBacklog(db),
		recentPostings(db, 20)
	]);
	const simulator = demoSimulator();
	return {
		dead: dead.rows,
		nextQuery: dead.next ? `?efter=${encodeCursor(dead.next)}` : null,
		paged: after !== null,
		waiting,
		backlog,
		// What went through SF1601: references and states only, no names or CPR numbers.
		postings: postings.map(({ id, subject: _subject, firstLetterId, ...posting }) => ({
			...posting,
			id,
			// The reference printed on it: its first letter's (digital-post/post.ts).
			reference: letterReference(firstLetterId ?? id)
		})),
		simulatorReceived: simulator ? simulator.received.length : null,
		channels: channelStatus(),
		demo: isDemo(),
		retried: event.url.searchParams.get('sendt') === '1'
	};
};

export const actions: Actions = {
	proevIgen: async (event) => {
		const { staff } = requireStaff(event, ['admin']);
		let data: FormData;
		try {
			data = await event.request.formData();
		} catch {
			error(400, 'Bad Request');
		}
		const id = formText(data, 'id');
		if (!isUuid(id)) error(400, 'Bad Request');
		const outcome = await retryDeadLetter(getDb(), staffActor(staff), id);
		if (outcome === 'missing') error(404, 'Not Found');
		if (outcome === 'not-dead') return fail(409, { notDead: true });
		redirect(303, '/staff/drift?sendt=1');
	}
};
