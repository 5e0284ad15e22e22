// The API's description is public: it holds no data, and department system vendors read it before
// they have a key.
import { json } from '$lib/server/api/handler';
import { openApiDocument } from '$lib/server/api/openapi';

export const GET = () => json(200, openApiDocument());
