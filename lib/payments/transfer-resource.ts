import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database, TransferStatus } from '@/db/database';
import type { Actor } from '@/lib/auth/actor';
import type { ResourceCommand, ResourceDefinition } from '@/lib/back-office/resource-definition';
import { declaredList } from '@/lib/back-office/declared-list';
import { matchTransferByHand } from './match-transfer-by-hand';
import { returnTransfer } from './return-transfer';
import { reviewTransfer } from './review-transfer';
import { transferActions, transferLifecycle } from './transfer-lifecycle';

function selectTransfers(db: Parameters<ResourceDefinition['findById']>[0]) {
  return db
    .selectFrom('bank_transfers')
    .leftJoin('orders', 'orders.id', 'bank_transfers.order_id')
    .leftJoin('users', 'users.id', 'bank_transfers.handled_by')
    .select([
      'bank_transfers.id', 'bank_transfers.bank_code', 'bank_transfers.bank_txn_id', 'bank_transfers.source',
      'bank_transfers.amount_fen', 'bank_transfers.payer_name', 'bank_transfers.payer_account', 'bank_transfers.payer_kind',
      'bank_transfers.remark', 'bank_transfers.bank_time', 'bank_transfers.received_at', 'bank_transfers.status',
      'bank_transfers.order_id', 'orders.order_number', 'orders.status as order_status', 'bank_transfers.region_id',
      'bank_transfers.decision_id', 'bank_transfers.handled_at', 'users.display_name as handled_by_name', 'bank_transfers.handling_note',
    ]);
}

const STATUSES: readonly TransferStatus[] = transferLifecycle.stateNames;

type TransferUseCase = (db: Kysely<Database>, actor: Actor, id: string, body: unknown) => Promise<unknown>;

/** A command of the transfer lifecycle: its use case, then the transfer as it now is (read after the commit). */
const command = (useCase: TransferUseCase): ResourceCommand<TransferRecord> => ({
  async run(db, actor, id, { body }) {
    await useCase(db, actor, id, body);
    return (await selectTransfers(db).where('bank_transfers.id', '=', id).executeTakeFirst())!;
  },
});

/** 审核通过 and 审核不通过 are one use case with the decision the command names. */
const review = (decision: 'approve' | 'reject'): TransferUseCase => (db, actor, id, body) =>
  reviewTransfer(db, actor, id, { ...(typeof body === 'object' && body !== null ? body : {}), decision });

/**
 * 银行转账: every transfer reported by a bank or a statement. Operators see their region's and the ones
 * no region has claimed yet (the unmatched queue); the actions on them (match, return, approve, reject)
 * are commands of the transfer lifecycle (transfer-lifecycle.ts), each a use case of its own.
 */
export const transferResource: ResourceDefinition<TransferRecord> = {
  name: 'transfers',
  entityType: 'bank_transfer',
  label: '银行转账',
  idSchema: z.uuid({ error: '转账编号无效' }),
  defaultSort: 'received_at',

  list: declaredList({
    from: selectTransfers,
    id: 'bank_transfers.id',
    region: { column: 'bank_transfers.region_id', orPlatform: true },
    filters: { status: { column: 'bank_transfers.status', values: STATUSES } },
    search: ['bank_transfers.payer_name', 'bank_transfers.payer_account', 'bank_transfers.remark', 'bank_transfers.bank_txn_id', 'orders.order_number'],
    sortable: {
      id: 'bank_transfers.id',
      received_at: 'bank_transfers.received_at',
      bank_time: 'bank_transfers.bank_time',
      amount_fen: 'bank_transfers.amount_fen',
    },
  }),

  findById: (db, id) => selectTransfers(db).where('bank_transfers.id', '=', String(id)).executeTakeFirst(),

  allowedActions: (record, actor) => transferActions(record, actor),

  commands: {
    match: command(matchTransferByHand),
    return: command(returnTransfer),
    approve: command(review('approve')),
    reject: command(review('reject')),
  },
};

/** A transfer as the back office lists it: what `selectTransfers` reads. */
export type TransferRecord = Awaited<ReturnType<ReturnType<typeof selectTransfers>['executeTakeFirstOrThrow']>>;
