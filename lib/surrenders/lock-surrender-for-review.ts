import type { Transaction } from 'kysely';
import type { Database } from '@/db/database';
import type { Actor } from '@/lib/auth/actor';
import { loadForWrite } from '@/lib/back-office/load-for-write';
import { surrenderResource, type SurrenderRecord } from './surrender-resource';

/**
 * The surrender an operator reviews, after the back office's checks (it exists, the operator may write in
 * its region), locked for the rest of the transaction: two operators deciding at once take turns, and the
 * second one sees what the first decided.
 */
export async function lockSurrenderForReview(trx: Transaction<Database>, actor: Actor, id: string) {
  const record = (await loadForWrite(trx, actor, surrenderResource, id)) as SurrenderRecord;
  const row = await trx.selectFrom('surrenders').selectAll().where('id', '=', record.id).forUpdate().executeTakeFirstOrThrow();
  return { record, row };
}
