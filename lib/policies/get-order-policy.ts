import type { Kysely } from 'kysely';
import type { Database } from '@/db/database';

/** The policy of an order the caller may already see (the order detail page), or undefined. */
export function getOrderPolicy(db: Kysely<Database>, orderId: string) {
  return db
    .selectFrom('policies')
    .where('order_id', '=', orderId)
    .select(['policy_number as policyNumber', 'verification_code as verificationCode', 'issued_at as issuedAt', 'period_start as periodStart', 'period_end as periodEnd'])
    .executeTakeFirst();
}
