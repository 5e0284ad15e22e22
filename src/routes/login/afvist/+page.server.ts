import { REFUSAL_REASONS, type RefusalReason } from '$lib/server/auth/login';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ url }) => {
	const given = url.searchParams.get('grund');
	const reason: RefusalReason = REFUSAL_REASONS.includes(given as RefusalReason)
		? (given as RefusalReason)
		: 'failed';
	const kind = url.searchParams.get('for') === 'staff' ? 'staff' : 'citizen';
	return { reason, kind };
};
