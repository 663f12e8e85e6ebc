import type { Kysely } from 'kysely';
import type { Database } from '@/db/database';

/**
 * The policy of an order the caller may already see (the order detail page), or undefined.
 * `documentReady` is false while its document is still being rendered (document-jobs/).
 */
export async function getOrderPolicy(db: Kysely<Database>, orderId: string) {
  const row = await db
    .selectFrom('policies')
    .where('order_id', '=', orderId)
    .select(['policy_number as policyNumber', 'verification_code as verificationCode', 'issued_at as issuedAt', 'period_start as periodStart', 'period_end as periodEnd', 'document_ready_at'])
    .executeTakeFirst();
  if (!row) return undefined;
  const { document_ready_at: readyAt, ...policy } = row;
  return { ...policy, documentReady: readyAt !== null };
}
