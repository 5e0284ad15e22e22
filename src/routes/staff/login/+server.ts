import { beginLogin } from '$lib/server/auth/flow';
import type { RequestHandler } from './$types';

// Starts a staff login at the municipality's identity provider.
export const GET: RequestHandler = (event) => beginLogin(event, 'staff');
