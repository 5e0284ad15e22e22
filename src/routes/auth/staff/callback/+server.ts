import { completeLogin } from '$lib/server/auth/flow';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = (event) => completeLogin(event, 'staff');
