import type { Kysely, Transaction } from 'kysely';
import type { Database } from './database';

/**
 * Runs `work` in the caller's transaction when it already has one, else in a new one: a use case that
 * is one transaction on its own can then also be one step of a larger all-or-nothing change.
 */
export function inTransaction<T>(db: Kysely<Database> | Transaction<Database>, work: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
  // Kysely refuses to open a transaction inside a transaction; isTransaction tells the two handles apart.
  return db.isTransaction ? work(db as Transaction<Database>) : db.transaction().execute(work);
}
