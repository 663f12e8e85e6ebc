import { sql, type Transaction } from 'kysely';
import type { Database } from '@/db/database';
import { remarkCandidates } from './find-remark-code';
import { newTransferRow, type RecordedTransfer } from './record-transfer';
import type { TransferNotification } from './transfer-notification';

/**
 * recordTransfer's answer for many transfers at once where no order is involved, in a few statements
 * instead of one or two per transfer: those this bank already reported (replayed, as recorded), and new
 * ones whose remark holds no remark code at all (recorded unmatched in one insert, which is all
 * recordTransfer would do with them). The rest — new transfers whose remark may name an order, and any
 * reported by another way between the lookup and the insert — are left out of the answer for the caller
 * to record one by one with recordTransfer, so matching and reconciliation stay in one place. Transaction
 * ids must be distinct. Runs in the caller's transaction.
 */
export async function recordPlainTransfers(
  trx: Transaction<Database>,
  bankCode: string,
  source: 'webhook' | 'statement',
  notifications: readonly TransferNotification[],
  regionId: string | null,
): Promise<Map<string, RecordedTransfer>> {
  const answers = new Map<string, RecordedTransfer>();
  if (!notifications.length) return answers;
  const existing = await trx
    .selectFrom('bank_transfers')
    .select(['id', 'bank_txn_id', 'status', 'order_id'])
    .where('bank_code', '=', bankCode)
    .where(sql<boolean>`bank_txn_id = any(${notifications.map((n) => n.transactionId)}::text[])`)
    .execute();
  for (const t of existing) answers.set(t.bank_txn_id, { transferId: t.id, status: t.status, orderId: t.order_id, replayed: true });

  const plain = notifications.filter((n) => !answers.has(n.transactionId) && remarkCandidates(n.remark).length === 0);
  if (plain.length) {
    const rows = plain.map((n) => newTransferRow(bankCode, source, n, regionId));
    const column = <K extends keyof (typeof rows)[number]>(key: K) => rows.map((r) => r[key]);
    // One array per column (unnest) instead of a parameter per value: PGlite parses 500 rows' worth of
    // parameters about three times slower than ten arrays. Instants go as ISO text for both drivers.
    const inserted = await sql<{ id: string; bank_txn_id: string }>`
      insert into bank_transfers
        (bank_code, bank_txn_id, source, amount_fen, payer_name, payer_account, payer_kind, remark, bank_time, received_at, status, region_id)
      select * from unnest(
        ${column('bank_code')}::text[], ${column('bank_txn_id')}::text[], ${column('source')}::text[], ${column('amount_fen')}::bigint[],
        ${column('payer_name')}::text[], ${column('payer_account')}::text[], ${column('payer_kind')}::text[], ${column('remark')}::text[],
        ${rows.map((r) => r.bank_time.toISOString())}::timestamptz[], ${rows.map((r) => r.received_at.toISOString())}::timestamptz[],
        ${column('status')}::text[], ${column('region_id')}::text[])
      on conflict (bank_code, bank_txn_id) do nothing
      returning id, bank_txn_id`.execute(trx);
    for (const t of inserted.rows) answers.set(t.bank_txn_id, { transferId: t.id, status: 'unmatched', orderId: null, replayed: false });
  }
  return answers;
}
