import type { Transaction } from 'kysely';
import type { Database } from '@/db/database';
import type { Actor } from '@/lib/auth/actor';
import { loadForWrite } from '@/lib/back-office/load-for-write';
import { lockForAction } from '@/lib/lifecycle/transition';
import { surrenderLifecycle, type SurrenderAction } from './surrender-lifecycle';
import { surrenderResource, type SurrenderRecord } from './surrender-resource';

/**
 * The surrender an operator reviews, after the back office's checks (it exists, the operator may write in
 * its region), locked for the rest of the transaction and refused unless its state allows `action`: two
 * operators deciding at once take turns, and the second one is told what the first decided.
 */
export async function lockSurrenderForReview(trx: Transaction<Database>, actor: Actor, id: string, action: Extract<SurrenderAction, 'approve' | 'reject'>) {
  const record = (await loadForWrite(trx, actor, surrenderResource, id)) as SurrenderRecord;
  const row = await lockForAction(trx, 'surrenders', surrenderLifecycle, record.id, action);
  return { record, row };
}
