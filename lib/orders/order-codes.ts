import { randomInt } from 'node:crypto';
import { beijingParts } from '@/lib/time/format';

// No 0/O, 1/I/L, 2/Z, 5/S, 8/B: a remark is copied by hand into a bank's transfer form.
const REMARK_ALPHABET = '34679ACDEFGHJKMNPQRTUVWXY';
const REMARK_LENGTH = 8;

/** 银行附言 code: 8 characters from 25, about 1.5×10^11 codes; uniqueness is enforced by the database. */
export function newRemarkCode(): string {
  let code = '';
  for (let i = 0; i < REMARK_LENGTH; i++) code += REMARK_ALPHABET[randomInt(REMARK_ALPHABET.length)];
  return code;
}

/** Order number: BH + Beijing date + 8 random digits, e.g. BH2026112412345678. */
export function newOrderNumber(at: Date): string {
  const { year, month, day } = beijingParts(at);
  return `BH${year}${month}${day}${String(randomInt(100_000_000)).padStart(8, '0')}`;
}
