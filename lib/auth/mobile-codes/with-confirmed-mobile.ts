import type { Kysely, Transaction } from 'kysely';
import type { Database, MobileCodePurpose } from '@/db/database';
import { DomainError } from '@/lib/errors/domain-error';
import { writeTransaction } from '@/lib/transactions/write-transaction';
import { now } from '@/lib/time/clock';
import { mobileCodeMatches } from './mobile-code-hash';
import { MOBILE_CODE_RULES as RULES } from './mobile-code-rules';

export interface MobileCodeClaim {
  phone: string;
  purpose: MobileCodePurpose;
  /** Six digits, as typed (already validated as such). */
  code: string;
}

/** On the form's code field. */
const refusal = (code: 'MOBILE_CODE_MISSING' | 'MOBILE_CODE_WRONG' | 'MOBILE_CODE_EXPIRED' | 'MOBILE_CODE_EXHAUSTED', message: string, field: string) =>
  new DomainError(code, message, { [field]: message });

/**
 * Runs `work` in one transaction with the number's latest code for the purpose, once the code given is that
 * code: still valid (10 minutes), not guessed wrong 5 times, not used. The code is used up in the same
 * transaction as `work`, so a code is good for one change, and if the change fails it stays usable.
 * A wrong code is counted (committed, although nothing else is done) and refused; the refusals have
 * distinct codes: MOBILE_CODE_MISSING, MOBILE_CODE_WRONG, MOBILE_CODE_EXPIRED, MOBILE_CODE_EXHAUSTED.
 * The row is locked, so two tries at once are counted one after the other.
 */
export async function withConfirmedMobile<T>(
  db: Kysely<Database>,
  claim: MobileCodeClaim,
  work: (trx: Transaction<Database>) => Promise<T>,
  field = 'code',
): Promise<T> {
  const outcome = await writeTransaction(db, async (trx): Promise<{ refused: DomainError } | { value: T }> => {
    const latest = await trx
      .selectFrom('mobile_codes')
      .selectAll()
      .where('phone', '=', claim.phone)
      .where('purpose', '=', claim.purpose)
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(1)
      .forUpdate()
      .executeTakeFirst();
    if (!latest) return { refused: refusal('MOBILE_CODE_MISSING', '请先获取短信验证码', field) };
    if (latest.consumed_at) return { refused: refusal('MOBILE_CODE_MISSING', '该验证码已使用，请重新获取', field) };
    if (latest.attempts >= RULES.maxWrongAttempts) return { refused: refusal('MOBILE_CODE_EXHAUSTED', '验证码错误次数过多，已失效，请重新获取', field) };
    const at = now();
    if (latest.expires_at.getTime() <= at.getTime()) {
      return { refused: refusal('MOBILE_CODE_EXPIRED', `验证码已过期（有效期 ${RULES.validForMinutes} 分钟），请重新获取`, field) };
    }
    if (!mobileCodeMatches(latest.code_hash, claim.phone, claim.purpose, claim.code)) {
      const attempts = latest.attempts + 1;
      await trx.updateTable('mobile_codes').set({ attempts }).where('id', '=', latest.id).execute();
      const left = RULES.maxWrongAttempts - attempts;
      return { refused: refusal('MOBILE_CODE_WRONG', left > 0 ? `验证码错误，还可尝试 ${left} 次` : '验证码错误，该验证码已失效，请重新获取', field) };
    }
    await trx.updateTable('mobile_codes').set({ consumed_at: at }).where('id', '=', latest.id).execute();
    return { value: await work(trx) };
  });
  if ('refused' in outcome) throw outcome.refused;
  return outcome.value;
}
