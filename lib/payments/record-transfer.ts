import type { Kysely, Transaction } from 'kysely';
import type { Database, TransferStatus } from '@/db/database';
import { now } from '@/lib/time/clock';
import { writeTransaction } from '@/lib/transactions/write-transaction';
import { remarkCandidates } from './find-remark-code';
import { RECONCILED_COLUMNS, reconcileTransfer } from './reconcile-transfer';
import type { TransferNotification } from './transfer-notification';

export interface RecordedTransfer {
  transferId: string;
  status: TransferStatus;
  orderId: string | null;
  /** True when this exact report had already been recorded: nothing was done again. */
  replayed: boolean;
}

/** The row a newly reported transfer starts as: unmatched until its remark is matched to an order. */
export function newTransferRow(bankCode: string, source: 'webhook' | 'statement', notification: TransferNotification, regionId: string | null) {
  return {
    bank_code: bankCode,
    bank_txn_id: notification.transactionId,
    source,
    amount_fen: notification.amountFen,
    payer_name: notification.payerName,
    payer_account: notification.payerAccount,
    payer_kind: notification.payerKind,
    remark: notification.remark,
    bank_time: notification.bankTime,
    received_at: now(),
    status: 'unmatched' as const,
    region_id: regionId,
  };
}

/**
 * A transfer reported by a bank, recorded once however often it is reported, and reconciled in the same
 * transaction: matched to its order by remark code; the payment-source rules then accept it (the order is
 * insured) or reject it (the order is cancelled and the premium refunded within five working days); a
 * transfer for an order already paid is a duplicate whose amount is refunded. A transfer whose remark
 * names no order waits in the operators' unmatched queue.
 */
export async function recordTransfer(
  db: Kysely<Database> | Transaction<Database>,
  bankCode: string,
  source: 'webhook' | 'statement',
  notification: TransferNotification,
  options: { regionId?: string | null } = {},
): Promise<RecordedTransfer> {
  // A statement import records each batch of its lines in one transaction of its own: it passes that transaction.
  return writeTransaction(db, async (trx) => {
    const inserted = await trx
      .insertInto('bank_transfers')
      .values(newTransferRow(bankCode, source, notification, options.regionId ?? null))
      .onConflict((oc) => oc.columns(['bank_code', 'bank_txn_id']).doNothing())
      .returning(RECONCILED_COLUMNS)
      .executeTakeFirst();
    if (!inserted) {
      const existing = await trx
        .selectFrom('bank_transfers')
        .select(['id', 'status', 'order_id'])
        .where('bank_code', '=', bankCode)
        .where('bank_txn_id', '=', notification.transactionId)
        .executeTakeFirstOrThrow();
      return { transferId: existing.id, status: existing.status, orderId: existing.order_id, replayed: true };
    }
    const candidates = remarkCandidates(notification.remark);
    const order = candidates.length
      ? await trx.selectFrom('orders').select('id').where('remark_code', 'in', candidates).executeTakeFirst()
      : undefined;
    if (!order) return { transferId: inserted.id, status: 'unmatched', orderId: null, replayed: false };
    const status = await reconcileTransfer(trx, inserted.id, order.id, inserted);
    return { transferId: inserted.id, status, orderId: order.id, replayed: false };
  });
}
