import type { Kysely, Transaction } from 'kysely';
import type { Database, OrderStatus, TransferStatus } from '@/db/database';
import { selectOrdersWithProject } from '@/lib/orders/order-join';
import { remarkCandidates } from '@/lib/payments/find-remark-code';
import type { StatementLine } from './parse-statement';

export interface StatementLineMatch {
  /** The transfer this bank already reported with the same transaction id, by webhook or an earlier statement. */
  existing: { source: 'webhook' | 'statement'; status: TransferStatus } | null;
  /** The order the remark names, as recordTransfer will find it. */
  order: { orderNumber: string; status: OrderStatus; regionId: string } | null;
}

/** For each valid line, read in a few queries: was it recorded already, and which order does its remark name. */
export async function findStatementMatches(
  db: Kysely<Database> | Transaction<Database>,
  bankCode: string,
  lines: readonly StatementLine[],
): Promise<Map<number, StatementLineMatch>> {
  const valid = lines.filter((l) => l.transfer);
  const ids = valid.map((l) => l.transfer!.transactionId);
  const codes = [...new Set(valid.flatMap((l) => remarkCandidates(l.transfer!.remark)))];
  const [existing, orders] = await Promise.all([
    ids.length
      ? db.selectFrom('bank_transfers').select(['bank_txn_id', 'source', 'status']).where('bank_code', '=', bankCode).where('bank_txn_id', 'in', ids).execute()
      : [],
    codes.length
      ? selectOrdersWithProject(db)
          .select(['orders.remark_code', 'orders.order_number', 'orders.status', 'projects.region_id'])
          .where('orders.remark_code', 'in', codes)
          .execute()
      : [],
  ]);
  const byTxn = new Map(existing.map((t) => [t.bank_txn_id, { source: t.source, status: t.status }]));
  const byCode = new Map(orders.map((o) => [o.remark_code, { orderNumber: o.order_number, status: o.status, regionId: o.region_id }]));
  return new Map(
    valid.map((l) => {
      const code = remarkCandidates(l.transfer!.remark).find((c) => byCode.has(c));
      return [l.line, { existing: byTxn.get(l.transfer!.transactionId) ?? null, order: code ? byCode.get(code)! : null }];
    }),
  );
}
