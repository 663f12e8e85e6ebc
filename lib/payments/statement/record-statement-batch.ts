import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database, StatementLineOutcome } from '@/db/database';
import { DomainError } from '@/lib/errors/domain-error';
import { selectOrdersWithProject } from '@/lib/orders/order-join';
import { recordPlainTransfers } from '@/lib/payments/record-plain-transfers';
import { recordTransfer, type RecordedTransfer } from '@/lib/payments/record-transfer';
import { now } from '@/lib/time/clock';
import type { StatementLine } from './parse-statement';
import { statementLineOutcome } from './statement-line-outcome';

/** The lease a runner holds on its job, renewed by every batch it commits. */
export const STATEMENT_IMPORT_LEASE_MS = 5 * 60_000;

/** Thrown when another runner took the job over (this one stalled past its lease): stop, change nothing. */
export class StatementLeaseLost extends Error {}

export interface StatementBatch {
  importId: string;
  /** The runner's lease token. */
  owner: string;
  bankCode: string;
  regionId: string | null;
  /** How many lines of the file were recorded before this batch: the batch's first line is the next. */
  start: number;
  lines: StatementLine[];
}

/**
 * Records one batch of a statement's lines in one transaction with the job's progress, counts and each
 * line's outcome, so after a crash the job row says exactly which lines are recorded: none of a batch
 * or all of it. The job row is locked first and must still be this runner's at the expected position.
 * `beforeCommit` is for tests that fail a batch at its last moment.
 */
export async function recordStatementBatch(
  db: Kysely<Database>,
  batch: StatementBatch,
  beforeCommit?: (trx: Transaction<Database>) => Promise<void> | void,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const job = await trx
      .selectFrom('statement_imports')
      .select(['processed_lines', 'lease_owner', 'status'])
      .where('id', '=', batch.importId)
      .forUpdate()
      .executeTakeFirst();
    if (!job || job.status !== 'running' || job.lease_owner !== batch.owner || job.processed_lines !== batch.start) {
      throw new StatementLeaseLost(`statement import ${batch.importId} is no longer this runner's`);
    }

    // Lines already recorded and lines whose remark names nothing take a few statements for the whole
    // batch; the others go through recordTransfer one by one, in file order, as a notification would.
    const plain = await recordPlainTransfers(trx, batch.bankCode, 'statement', batch.lines.map((l) => l.transfer!), batch.regionId);
    const recorded: RecordedTransfer[] = [];
    for (const line of batch.lines) {
      const known = plain.get(line.transfer!.transactionId);
      if (known) {
        recorded.push(known);
        continue;
      }
      try {
        recorded.push(await recordTransfer(trx, batch.bankCode, 'statement', line.transfer!, { regionId: batch.regionId }));
      } catch (error) {
        throw new StatementLineFailed(line.line, error);
      }
    }

    const orderIds = [...new Set(recorded.flatMap((r) => (r.orderId ? [r.orderId] : [])))];
    const orders = orderIds.length
      ? await selectOrdersWithProject(trx)
          .select(['orders.id', 'orders.status', 'projects.region_id'])
          .where('orders.id', 'in', orderIds)
          .execute()
      : [];
    const byId = new Map(orders.map((o) => [o.id, o]));

    const counts: Record<StatementLineOutcome, number> = { issued: 0, review: 0, refunded: 0, duplicate: 0, unmatched: 0, already_imported: 0 };
    const rows = batch.lines.map((line, i) => {
      const result = recorded[i]!;
      const order = result.orderId ? byId.get(result.orderId) : undefined;
      const outcome = statementLineOutcome(result, order?.status);
      counts[outcome]++;
      return {
        line: line.line,
        bank_txn_id: line.transfer!.transactionId,
        amount_fen: line.transfer!.amountFen,
        payer_name: line.transfer!.payerName,
        remark: line.transfer!.remark,
        outcome,
        transfer_id: result.transferId,
        order_id: result.orderId,
        region_id: order?.region_id ?? batch.regionId,
      };
    });
    if (rows.length) {
      const column = <K extends keyof (typeof rows)[number]>(key: K) => rows.map((r) => r[key]);
      // One array per column: see recordPlainTransfers.
      await sql`
        insert into statement_import_lines (import_id, line, bank_txn_id, amount_fen, payer_name, remark, outcome, transfer_id, order_id, region_id)
        select ${batch.importId}::uuid, * from unnest(
          ${column('line')}::int[], ${column('bank_txn_id')}::text[], ${column('amount_fen')}::bigint[], ${column('payer_name')}::text[],
          ${column('remark')}::text[], ${column('outcome')}::text[], ${column('transfer_id')}::uuid[], ${column('order_id')}::uuid[],
          ${column('region_id')}::text[])
        on conflict (import_id, line) do nothing`.execute(trx);
    }

    const add = (column: string, n: number) => sql<number>`${sql.ref(column)} + ${n}`;
    const at = now();
    await trx
      .updateTable('statement_imports')
      .set({
        processed_lines: add('processed_lines', batch.lines.length),
        imported: add('imported', batch.lines.length - counts.already_imported),
        already_imported: add('already_imported', counts.already_imported),
        matched: add('matched', counts.issued + counts.refunded),
        unmatched: add('unmatched', counts.unmatched),
        duplicate: add('duplicate', counts.duplicate),
        review: add('review', counts.review),
        issued: add('issued', counts.issued),
        refunded: add('refunded', counts.refunded),
        lease_until: new Date(at.getTime() + STATEMENT_IMPORT_LEASE_MS),
        updated_at: at,
      })
      .where('id', '=', batch.importId)
      .execute();
    await beforeCommit?.(trx);
  });
}

/** A line that could not be recorded: its batch is undone, and the job's error names the line. */
export class StatementLineFailed extends Error {
  constructor(
    readonly line: number,
    cause: unknown,
  ) {
    super(`第 ${line} 行未能记录：${cause instanceof DomainError ? cause.message : '系统错误'}`, { cause });
  }
}
