import type { Kysely, Transaction } from 'kysely';
import type { Database } from '@/db/database';

/**
 * The transfer that paid for an order: matched to it and not being given back already (a duplicate or a
 * transfer that arrived after a cancellation has its own refund). The earliest, should an operator ever
 * match a second one by hand.
 */
export function findPayingTransfer(db: Kysely<Database> | Transaction<Database>, orderId: string) {
  return db
    .selectFrom('bank_transfers')
    .where('bank_transfers.order_id', '=', orderId)
    .where('bank_transfers.status', '=', 'matched')
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('refunds').select('refunds.id').whereRef('refunds.transfer_id', '=', 'bank_transfers.id'))),
    )
    .select(['bank_transfers.id', 'bank_transfers.payer_kind', 'bank_transfers.payer_account', 'bank_transfers.payer_name', 'bank_transfers.amount_fen'])
    .orderBy('bank_transfers.received_at')
    .orderBy('bank_transfers.id')
    .limit(1)
    .executeTakeFirst();
}

/**
 * 网银支付 in the surrender rules: the premium did not come from the enterprise's own basic account (a
 * personal account, or another account, through online banking). Only then can the refund not simply go
 * back to the basic account, so the bidder must name the account it goes to. An order with no paying
 * transfer on record counts as such too: there is no account to send the money back to.
 */
export function paidByOnlineBanking(
  transfer: { payer_kind: 'enterprise' | 'personal'; payer_account: string } | undefined,
  basicAccountNumber: string,
): boolean {
  return !transfer || !(transfer.payer_kind === 'enterprise' && transfer.payer_account === basicAccountNumber);
}
