import type { Transaction } from 'kysely';
import { z } from 'zod';
import type { Database } from '@/db/database';
import type { Actor } from '@/lib/auth/actor';
import { assertCanRead, requireWriter } from '@/lib/auth/authorize';
import { DomainError } from '@/lib/errors/domain-error';
import { assertCanTake } from '@/lib/lifecycle/lifecycle';
import { transferLifecycle, type TransferAction } from './transfer-lifecycle';

/**
 * The transfer an operator is about to settle by hand, locked for the rest of the transaction: of two
 * operators acting at once, the second finds it already settled and is told so, never settles it again.
 * Whether the reader may see it is said before what state it is in.
 */
export async function loadTransferForHandling(trx: Transaction<Database>, actor: Actor, transferId: string, action: TransferAction) {
  requireWriter(actor);
  if (!z.uuid().safeParse(transferId).success) throw new DomainError('NOT_FOUND', '转账记录不存在');
  const transfer = await trx.selectFrom('bank_transfers').selectAll().where('id', '=', transferId).forUpdate().executeTakeFirst();
  if (!transfer) throw new DomainError('NOT_FOUND', '转账记录不存在');
  assertCanRead(actor, transfer.region_id);
  assertCanTake(transferLifecycle, action, transfer.status);
  return transfer;
}
