import { createHmac, timingSafeEqual } from 'node:crypto';
import { DomainError } from '@/lib/errors/domain-error';

/** Notifications older (or further in the future) than this are refused, so a captured one cannot be replayed later. */
export const MAX_CLOCK_SKEW_MS = 5 * 60 * 1000;

/** HMAC-SHA256, hex, over `timestamp.body`: the signature the bank sends in X-Bank-Signature. */
export function signBankNotification(secret: string, timestamp: string, body: string): string {
  return createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
}

/**
 * Checks a bank notification's timestamp and signature before anything in it is trusted. The caller
 * learns only "refused": which part failed is not said to a sender that may be forging.
 */
export function verifyBankNotification(
  secret: string | undefined,
  headers: { timestamp: string | null; signature: string | null },
  body: string,
  now: Date,
): void {
  // A function, not an error made up front: capturing a stack on every notification is a cost in a rush.
  const refused = () => new DomainError('BAD_SIGNATURE', '银行通知签名无效或已过期');
  if (!secret || !headers.timestamp || !headers.signature || !/^\d{10,13}$/.test(headers.timestamp)) throw refused();
  if (Math.abs(now.getTime() - signedAtMs(headers.timestamp)) > MAX_CLOCK_SKEW_MS) throw refused();
  const expected = Buffer.from(signBankNotification(secret, headers.timestamp, body), 'hex');
  const given = Buffer.from(headers.signature, 'hex');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw refused();
}

/** X-Bank-Timestamp in ms: banks send seconds (10 digits) or milliseconds (13). */
export function signedAtMs(timestamp: string): number {
  return timestamp.length === 13 ? Number(timestamp) : Number(timestamp) * 1000;
}
