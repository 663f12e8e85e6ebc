import type { Kysely, Transaction } from 'kysely';
import type { Database } from '@/db/database';

const ROLLBACK = new Error('rolled back on purpose');

/**
 * Runs `work` in a transaction that is always rolled back, and answers what it returned. The lifecycle
 * tests put a row in a state and try an action on it inside one, so that each state × action case starts
 * from the same database, whatever the cases before it did. An error thrown by `work` (an assertion's
 * too) is thrown on, after the rollback.
 */
export async function rolledBack<T>(db: Kysely<Database>, work: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
  let answer: T | undefined;
  await db
    .transaction()
    .execute(async (trx) => {
      answer = await work(trx);
      throw ROLLBACK;
    })
    .catch((error: unknown) => {
      if (error !== ROLLBACK) throw error;
    });
  return answer as T;
}
