import { secret } from './secrets';

/**
 * The HMAC secret agreed with each bank that notifies transfers, from `BANK_SECRET_<CODE>`
 * (e.g. BANK_SECRET_ICBC). The `demo` bank stands for the bank simulator used in development and tests
 * and gets a generated secret in the embedded mode. An unknown bank has no secret: all its
 * notifications are refused.
 */
export function bankSecret(bankCode: string): string | undefined {
  if (!/^[a-z][a-z0-9-]{1,19}$/.test(bankCode)) return undefined;
  const configured = process.env[`BANK_SECRET_${bankCode.toUpperCase().replaceAll('-', '_')}`];
  if (configured) return configured;
  // A production deployment on PostgreSQL knows only the banks it was given secrets for.
  const production = process.env.DATABASE_URL && process.env.NODE_ENV === 'production';
  return bankCode === 'demo' && !production ? secret('BANK_SECRET_DEMO') : undefined;
}
