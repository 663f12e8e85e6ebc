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

/**
 * The banks this installation knows, as the lower-case codes they report with: every `BANK_SECRET_<CODE>`
 * set, and `demo` wherever bankSecret would give it one (outside a production PostgreSQL deployment).
 */
export function configuredBankCodes(): string[] {
  const codes = new Set<string>();
  for (const [name, value] of Object.entries(process.env)) {
    const code = /^BANK_SECRET_([A-Z][A-Z0-9_]{1,19})$/.exec(name)?.[1];
    if (code && value) codes.add(code.toLowerCase().replaceAll('_', '-'));
  }
  if (!(process.env.DATABASE_URL && process.env.NODE_ENV === 'production')) codes.add('demo');
  return [...codes].sort();
}
