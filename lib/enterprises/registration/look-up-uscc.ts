import type { Kysely } from 'kysely';
import type { Database } from '@/db/database';
import { parseInput } from '@/lib/validation/parse-input';
import { enterpriseByUscc } from './register-enterprise';
import { holdBackFloods } from './registration-limits';
import { usccField } from './registration-schema';

export type UsccLookup = { registered: false } | { registered: true; enterpriseName: string };

/**
 * Whether an enterprise with this 统一社会信用代码 is on the platform already, so the registration page can
 * say before submitting that the registration will be a request to join it (and which enterprise). A
 * USCC and the enterprise's name are public record (the business licence); counted per address all the same.
 */
export async function lookUpUscc(db: Kysely<Database>, input: unknown, clientAddress: string): Promise<UsccLookup> {
  await holdBackFloods(db, 'lookupsPerHour', clientAddress);
  const uscc = parseInput(usccField, input);
  const enterprise = await enterpriseByUscc(db, uscc);
  return enterprise ? { registered: true, enterpriseName: enterprise.name } : { registered: false };
}
