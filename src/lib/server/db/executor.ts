// What every database function takes first: the connection or the caller's transaction. The
// caller (a service or an action) decides where the transaction starts; this layer never opens one.
import type { Kysely, Transaction } from 'kysely';
import type { Database } from './schema';

export type Executor = Kysely<Database> | Transaction<Database>;
