// npm start: builds if needed, then runs the server, which migrates the database and seeds the
// demo municipality into an empty one. Binds 127.0.0.1:3000 unless HOST and PORT say otherwise.
import { ensureBuild } from './build-if-needed.js';

ensureBuild();
process.env.HOST ??= '127.0.0.1';
process.env.PORT ??= '3000';
// Without ORIGIN, adapter-node takes every request for https, and the demo's forms and logins
// on plain http would fail their origin checks. Set ORIGIN to the public URL in production.
process.env.ORIGIN ??= `http://localhost:${process.env.PORT}`;
// The demo shows the whole flow of notifications within a minute instead of a quarter of an hour.
if (process.env.NODE_ENV !== 'production') process.env.NOTIFY_BUNDLE_MINUTES ??= '1';
// The demo sends letters through the local SF1601 simulator (docs/DIGITAL-POST.md), shown under
// /staff/drift. Set LETTER_DELIVERY=print-queue to see the print queue instead.
if (process.env.NODE_ENV !== 'production') process.env.LETTER_DELIVERY ??= 'sf1601';
const shown = process.env.ORIGIN;
await import('../build/index.js');
console.log(`Sammen is running on ${shown}`);
