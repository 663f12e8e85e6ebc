import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import type { MobileCodePurpose } from '@/db/database';
import { secret } from '@/lib/config/secrets';

let key: Buffer | undefined;

/**
 * A keyed hash (HMAC-SHA256) of the code with its number and purpose, under a key derived from the
 * session secret: a million codes are too few for a plain hash to hide anything, so someone who reads the
 * database without the server's secret learns nothing from it.
 */
export function mobileCodeHash(phone: string, purpose: MobileCodePurpose, code: string): string {
  key ??= Buffer.from(hkdfSync('sha256', secret('NEXTAUTH_SECRET'), Buffer.alloc(0), 'bid-guarantee mobile codes', 32));
  return createHmac('sha256', key).update(`${purpose}\u0000${phone}\u0000${code}`).digest('base64url');
}

export function mobileCodeMatches(stored: string, phone: string, purpose: MobileCodePurpose, code: string): boolean {
  const expected = Buffer.from(stored);
  const actual = Buffer.from(mobileCodeHash(phone, purpose, code));
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}
