import type { Executor } from './executor';

/** An active staff user by the claim the staff identity provider is matched on. */
export async function findActiveStaffByLogin(
	db: Executor,
	match: { email: string } | { subject: string }
) {
	let query = db
		.selectFrom('staff_users')
		.select(['id', 'name', 'email', 'role', 'department_id'])
		.where('active', '=', true);
	query =
		'email' in match
			? query.where('email', '=', match.email.toLowerCase())
			: query.where('oidc_subject', '=', match.subject);
	return query.executeTakeFirst();
}
