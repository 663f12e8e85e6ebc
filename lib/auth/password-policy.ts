import { DomainError } from '@/lib/errors/domain-error';

export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 128;

const CLASSES = [/[a-zA-Z]/, /\d/, /[^a-zA-Z\d]/];

/**
 * Why a password someone chooses is too weak, or null: at least 10 characters, at most 128, and not all
 * of one class (only digits, only letters, only symbols) — a phone number or a birthday is not a password.
 */
export function passwordWeakness(password: string): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) return `密码至少 ${MIN_PASSWORD_LENGTH} 位`;
  if (password.length > MAX_PASSWORD_LENGTH) return `密码最多 ${MAX_PASSWORD_LENGTH} 位`;
  if (/\s/.test(password)) return '密码不能包含空格';
  if (CLASSES.filter((c) => c.test(password)).length < 2) return '密码须包含字母、数字、符号中的至少两类';
  return null;
}

/** passwordWeakness as a refusal: WEAK_PASSWORD (422) with the reason, on the field `field`. */
export function assertStrongPassword(password: string, field = 'password'): void {
  const weakness = passwordWeakness(password);
  if (weakness) throw new DomainError('WEAK_PASSWORD', weakness, { [field]: weakness });
}
