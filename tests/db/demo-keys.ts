import { deriveCprKeys } from '../../src/lib/server/crypto/cpr';

/**
 * The CPR keys the seeded template (global-setup.ts) encrypts and hashes the demo's CPR numbers
 * with. A test on a copy of it that looks a citizen up by CPR number, or adds one, needs the same.
 */
export const demoKeys = deriveCprKeys(Buffer.alloc(32, 7));
