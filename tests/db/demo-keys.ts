import { deriveCprKeys } from '../../src/lib/server/crypto/cpr';

/** The CPR key (base64, as CPR_KEY takes it) of the tests' seeded templates. */
export const DEMO_CPR_KEY = Buffer.alloc(32, 7).toString('base64');

/**
 * The CPR keys the seeded templates (tests/db/global-setup.ts, tests/e2e/databases.ts) encrypt and
 * hash the demo's CPR numbers with. A test on a copy of one that looks a citizen up by CPR number,
 * or adds one, needs the same; a server started on a copy is given DEMO_CPR_KEY.
 */
export const demoKeys = deriveCprKeys(Buffer.from(DEMO_CPR_KEY, 'base64'));
