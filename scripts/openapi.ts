// Writes the integration API's OpenAPI document to a file, for the linter and for vendors:
//   tsx scripts/openapi.ts build/openapi.json && redocly lint build/openapi.json
// Relative imports only: this runs under tsx, outside SvelteKit.
import fs from 'node:fs';
import path from 'node:path';
import { openApiDocument } from '../src/lib/server/api/openapi';

const target = process.argv[2] ?? 'build/openapi.json';
fs.mkdirSync(path.dirname(path.resolve(target)), { recursive: true });
fs.writeFileSync(target, JSON.stringify(openApiDocument(), null, '\t') + '\n');
console.log(`OpenAPI document written to ${target}`);
