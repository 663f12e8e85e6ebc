import type { Kysely, Transaction } from 'kysely';
import type { Database } from '@/db/database';
import { fromDatabaseError } from '@/lib/errors/from-database-error';

/**
 * The transaction every use case writes in. Given the database, it opens one, and when the database refuses
 * it — a constraint, or a change that met another one (deadlock, serialization failure, lock timeout:
 * SYSTEM_BUSY) — fails with the matching DomainError, so a route and a server action give the same Chinese
 * answer. Given the caller's transaction, it joins it and leaves any error as it is: the database has already
 * aborted the whole of that transaction, and whoever opened it answers for it. A use case that is one
 * transaction on its own can so also be one step of a larger all-or-nothing change.
 *
 * Background work that records its own failures (statement-import batches, policy-document rendering, the
 * unpaid-order sweep) keeps the database's error for its logs and opens its transactions itself.
 */
export async function writeTransaction<T>(
  db: Kysely<Database> | Transaction<Database>,
  work: (trx: Transaction<Database>) => Promise<T>,
): Promise<T> {
  // Kysely refuses to open a transaction inside a transaction; isTransaction tells the two handles apart.
  if (db.isTransaction) return work(db as Transaction<Database>);
  try {
    return await db.transaction().execute(work);
  } catch (error) {
    throw fromDatabaseError(error) ?? error;
  }
}
