import { randomInt } from 'node:crypto';
import { beijingParts } from '@/lib/time/format';

// The same hand-copyable alphabet as the bank remark: the code is typed in from a printed policy.
const CODE_ALPHABET = '34679ACDEFGHJKMNPQRTUVWXY';
const CODE_LENGTH = 10;

/** Policy number: BD + Beijing date + 8 random digits; uniqueness is enforced by the database. */
export function newPolicyNumber(at: Date): string {
  const { year, month, day } = beijingParts(at);
  return `BD${year}${month}${day}${String(randomInt(100_000_000)).padStart(8, '0')}`;
}

/**
 * 验证码: 10 characters of 25 (about 9.5×10^13). Together with the rate limit on /verify, guessing the
 * code of a known policy number is out of reach.
 */
export function newVerificationCode(): string {
  let code = '';
  for (let i = 0; i < CODE_LENGTH; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return code;
}
