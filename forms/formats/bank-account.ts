/**
 * 银行账号 as people write it: 8 to 32 digits. Mainland corporate accounts vary in length by bank (e.g.
 * 19 at ICBC, 20 at CCB, 12 at BOC), so only the shape is checked; spaces must be removed before saving.
 */
export function isBankAccount(value: string): boolean {
  return /^\d{8,32}$/.test(value);
}
