import type { Kysely } from 'kysely';
import type { Database } from '@/db/database';
import { DomainError } from '@/lib/errors/domain-error';
import { isVerified } from './enterprise-lifecycle';

export const ENTERPRISE_NOT_VERIFIED_MESSAGE = '企业尚未通过认证审核，暂不能申请保函';
export const ENTERPRISE_PROFILE_INCOMPLETE_MESSAGE = '请先在【完善企业信息】（/account/enterprise）中填写企业基本户信息，再申请保函';

/**
 * The apply gate: only an enterprise that has passed 企业认证审核 applies for guarantees. Read once, without a
 * lock: a verified enterprise stays verified (its lifecycle has no way back), so the answer cannot go stale
 * in the caller's favour.
 */
export async function assertEnterpriseMayApply(db: Kysely<Database>, enterpriseId: string): Promise<void> {
  const enterprise = await db.selectFrom('enterprises').select(['status', 'basic_account_number']).where('id', '=', enterpriseId).executeTakeFirst();
  if (!enterprise || !isVerified(enterprise.status)) throw new DomainError('ENTERPRISE_NOT_VERIFIED', ENTERPRISE_NOT_VERIFIED_MESSAGE);
  // An enterprise a trading platform created is trusted without review, but its basic account is still
  // unknown: the payment-source rules and refunds need it, so it is completed first.
  if (!enterprise.basic_account_number) throw new DomainError('ENTERPRISE_PROFILE_INCOMPLETE', ENTERPRISE_PROFILE_INCOMPLETE_MESSAGE);
}
