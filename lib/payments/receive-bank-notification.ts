import type { Kysely } from 'kysely';
import type { Database, TransferStatus } from '@/db/database';
import { DomainError } from '@/lib/errors/domain-error';
import { now } from '@/lib/time/clock';
import { parseInput } from '@/lib/validation/parse-input';
import { signedAtMs, verifyBankNotification } from './bank-signature';
import { asForegroundWork } from '@/lib/jobs/foreground-work';
import { nudgeBankNotificationProcessor } from './bank-notifications/bank-notification-processor';
import { transferNotificationSchema } from './transfer-notification';

export interface BankNotificationRequest {
  bankCode: string;
  secret: string | undefined;
  timestamp: string | null;
  signature: string | null;
  /** The raw body: the signature is over these exact bytes. */
  body: string;
}

/** What the bank is answered: its notification is stored, and what has become of it so far. */
export interface AcknowledgedNotification {
  notificationId: string;
  /** `received` until the processor has recorded the transfer; then the transfer's status. */
  status: 'received' | TransferStatus;
  transferId: string | null;
  orderId: string | null;
  /** True when this bank transaction had been received before: nothing was stored again. */
  replayed: boolean;
}

/** The route reads no more than this of a notification (lib/http/read-capped-body.ts). */
export const MAX_NOTIFICATION_BYTES = 64 * 1024;

/**
 * POST /api/bank/transfers: nothing in a notification is read before its signature and timestamp are
 * verified; a valid one is stored (once, whatever the retries) and acknowledged at once. Recording and
 * reconciling the transfer — matching the order, the payment-source rules, insuring — is the processor's
 * work (bank-notifications/), moments later, so a bank is never kept waiting behind a deadline rush.
 */
export async function receiveBankNotification(db: Kysely<Database>, request: BankNotificationRequest): Promise<AcknowledgedNotification> {
  // Counted as foreground work: the background loops step aside while banks wait (lib/jobs/foreground-work.ts).
  return asForegroundWork(async () => {
    if (Buffer.byteLength(request.body) > MAX_NOTIFICATION_BYTES) throw new DomainError('PAYLOAD_TOO_LARGE', '通知内容过大');
    const receivedAt = now();
    verifyBankNotification(request.secret, request, request.body, receivedAt);
    let parsed: unknown;
    try {
      parsed = JSON.parse(request.body);
    } catch {
      throw new DomainError('VALIDATION_FAILED', '通知内容不是合法的 JSON');
    }
    const notification = parseInput(transferNotificationSchema, parsed);
    const inserted = await db
      .insertInto('bank_notifications')
      .values({
        bank_code: request.bankCode,
        transaction_id: notification.transactionId,
        body: request.body,
        // verified above: both are present and well-formed
        signature: request.signature!,
        signed_at: new Date(signedAtMs(request.timestamp!)),
        received_at: receivedAt,
        status: 'pending',
        run_after: receivedAt,
      })
      .onConflict((oc) => oc.columns(['bank_code', 'transaction_id']).doNothing())
      .returning('id')
      .executeTakeFirst();
    if (inserted) {
      nudgeBankNotificationProcessor();
      return { notificationId: inserted.id, status: 'received', transferId: null, orderId: null, replayed: false };
    }
    const earlier = await db
      .selectFrom('bank_notifications as n')
      .leftJoin('bank_transfers as t', 't.id', 'n.transfer_id')
      .select(['n.id', 't.id as transferId', 't.status', 't.order_id as orderId'])
      .where('n.bank_code', '=', request.bankCode)
      .where('n.transaction_id', '=', notification.transactionId)
      .executeTakeFirstOrThrow();
    return { notificationId: earlier.id, status: earlier.status ?? 'received', transferId: earlier.transferId, orderId: earlier.orderId, replayed: true };
  });
}
