// Anything else under /api/v1 is answered as a problem, not with the HTML error page.
import { problemResponse, problems } from '$lib/server/api/problem';

export const fallback = () => problemResponse(problems.notFound('API endpoint'));
