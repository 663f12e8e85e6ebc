import type { Transaction } from 'kysely';
import { z } from 'zod';
import type { Database, TransferStatus } from '@/db/database';
import type { Actor } from '@/lib/auth/actor';
import { assertCanRead, requireWriter } from '@/lib/auth/authorize';
import { DomainError } from '@/lib/errors/domain-error';

const STATUS_TEXT: Record<TransferStatus, string> = {
  matched: '已匹配订单',
  unmatched: '待匹配',
  duplicate: '重复支付',
  returned: '已退回',
  review: '待人工审核',
};

/**
 * The transfer an operator is about to settle by hand, locked for the rest of the transaction: of two
 * operators acting at once, the second finds it already settled and is told so, never settles it again.
 */
export async function loadTransferForHandling(trx: Transaction<Database>, actor: Actor, transferId: string, expected: TransferStatus) {
  requireWriter(actor);
  if (!z.uuid().safeParse(transferId).success) throw new DomainError('NOT_FOUND', '转账记录不存在');
  const transfer = await trx.selectFrom('bank_transfers').selectAll().where('id', '=', transferId).forUpdate().executeTakeFirst();
  if (!transfer) throw new DomainError('NOT_FOUND', '转账记录不存在');
  assertCanRead(actor, transfer.region_id);
  if (transfer.status !== expected) {
    throw new DomainError('CONFLICT', `该转账当前为「${STATUS_TEXT[transfer.status]}」，可能已由其他管理员处理，请刷新后查看`);
  }
  return transfer;
}

export { STATUS_TEXT as TRANSFER_STATUS_LABELS };
