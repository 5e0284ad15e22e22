import { beginLogin } from '$lib/server/auth/flow';
import type { RequestHandler } from './$types';

// Starts the citizen's MitID login at the configured broker.
export const GET: RequestHandler = (event) => beginLogin(event, 'citizen');
