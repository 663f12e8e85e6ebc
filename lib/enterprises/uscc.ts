import { isValidUscc, usccCheckCharacter } from '@/forms/formats/uscc';

/**
 * 统一社会信用代码 (GB 32100-2015) for registration. The check itself is forms/formats/uscc.ts, shared with
 * the application forms in the browser; this module adds what a person typing the code needs to be told,
 * and a generator of valid codes for tests and fixtures.
 */
export const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
export const USCC_LENGTH = 18;

export { isValidUscc, usccCheckCharacter };

/** As people type it: spaces dropped, letters upper-cased (the code has no lower case). */
export function normalizeUscc(raw: string): string {
  return raw.replace(/\s+/g, '').toUpperCase();
}

/** Why the (normalized) code is not a 统一社会信用代码, in Chinese, or null when it is one. */
export function usccProblem(code: string): string | null {
  if (code.length !== USCC_LENGTH) return `统一社会信用代码应为 ${USCC_LENGTH} 位（当前 ${[...code].length} 位）`;
  const stranger = [...code].find((c) => !USCC_ALPHABET.includes(c));
  if (stranger !== undefined) return `统一社会信用代码只能包含数字和除 I、O、Z、S、V 以外的大写字母（“${stranger}”无效）`;
  if (!isValidUscc(code)) return '统一社会信用代码校验位不正确，请核对后重新输入';
  return null;
}

/** The 18-character code whose first 17 characters are `first17`: its check character appended. */
export function withCheckCharacter(first17: string): string {
  const check = usccCheckCharacter(first17);
  if (check === null) throw new Error(`not the first 17 characters of a USCC: ${JSON.stringify(first17)}`);
  return first17 + check;
}
