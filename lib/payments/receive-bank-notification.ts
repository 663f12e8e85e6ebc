import type { Kysely } from 'kysely';
import type { Database } from '@/db/database';
import { DomainError } from '@/lib/errors/domain-error';
import { now } from '@/lib/time/clock';
import { parseInput } from '@/lib/validation/parse-input';
import { verifyBankNotification } from './bank-signature';
import { recordTransfer, type RecordedTransfer } from './record-transfer';
import { transferNotificationSchema } from './transfer-notification';

export interface BankNotificationRequest {
  bankCode: string;
  secret: string | undefined;
  timestamp: string | null;
  signature: string | null;
  /** The raw body: the signature is over these exact bytes. */
  body: string;
}

/** The route reads no more than this of a notification (lib/http/read-capped-body.ts). */
export const MAX_NOTIFICATION_BYTES = 64 * 1024;

/**
 * POST /api/bank/transfers: nothing in a notification is read before its signature and timestamp are
 * verified; then the transfer is recorded (once, whatever the retries) and reconciled.
 */
export async function receiveBankNotification(db: Kysely<Database>, request: BankNotificationRequest): Promise<RecordedTransfer> {
  if (Buffer.byteLength(request.body) > MAX_NOTIFICATION_BYTES) throw new DomainError('PAYLOAD_TOO_LARGE', '通知内容过大');
  verifyBankNotification(request.secret, request, request.body, now());
  let parsed: unknown;
  try {
    parsed = JSON.parse(request.body);
  } catch {
    throw new DomainError('VALIDATION_FAILED', '通知内容不是合法的 JSON');
  }
  return recordTransfer(db, request.bankCode, 'webhook', parseInput(transferNotificationSchema, parsed));
}
