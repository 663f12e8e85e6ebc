import { createHmac, timingSafeEqual } from 'node:crypto';
import type { PlatformSigningAlgorithm } from '@/db/database';

/**
 * `X-Signature`: lowercase hex HMAC over `${timestamp}.${nonce}.${rawBody}` with the platform's secret. The
 * body as bytes is signed as it came, not as text decoded from them: decoding drops a leading BOM and
 * replaces bytes that are not UTF-8, and a signature over that would not be over what was sent.
 */
export function platformSignature(algorithm: PlatformSigningAlgorithm, secret: string, timestamp: string, nonce: string, rawBody: string | Uint8Array): string {
  return createHmac(algorithm, secret).update(`${timestamp}.${nonce}.`).update(rawBody).digest('hex');
}

/** Compares in constant time, so the answer's timing tells nothing about how much of a forgery was right. */
export function sameHex(expected: string, given: string): boolean {
  if (!/^[0-9a-f]+$/.test(given) || given.length !== expected.length) return false;
  return timingSafeEqual(Buffer.from(expected, 'hex'), Buffer.from(given, 'hex'));
}
