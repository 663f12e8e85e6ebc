import type { Kysely } from 'kysely';
import type { Database, OrderStatus } from '@/db/database';
import type { Actor } from '@/lib/auth/actor';
import { assertCanTake } from '@/lib/lifecycle/lifecycle';
import { orderLifecycle } from '@/lib/orders/order-lifecycle';
import { DomainError } from '@/lib/errors/domain-error';
import { loadMyOrder } from '@/lib/orders/load-my-order';
import { now } from '@/lib/time/clock';
import { policySealContext } from './issue-policy';
import { unseal } from './policy-crypto';
import { sectionKey } from './section-key';

export interface PolicyFile {
  fileName: string;
  contentType: string;
  content: Uint8Array;
  /** True before bid opening: the file is the sealed envelope, not the PDF. */
  sealed: boolean;
}

/**
 * 【下载保单】: before bid opening the sealed policy (AES-256-GCM envelope) and nothing else; from the
 * opening time on, the PDF unsealed with the section's key. Only the applicant enterprise's users may
 * download (to anyone else the order does not exist), and a surrendered policy is no longer handed out.
 */
export async function downloadPolicy(db: Kysely<Database>, actor: Actor, orderId: string): Promise<PolicyFile> {
  // Another enterprise, the back office and a missing order hear the same "not found" (load-my-order.ts).
  return policyFileOf(db, await loadMyOrder(db, actor, orderId));
}

/**
 * The policy file of an order whoever may have it (its enterprise's 【下载保单】, its trading platform's
 * document query): the same rule for both — sealed before bid opening, the PDF from then on.
 */
export async function policyFileOf(db: Kysely<Database>, order: { id: string; section_id: string; status: OrderStatus }): Promise<PolicyFile> {
  const [project, policy] = await Promise.all([
    db.selectFrom('sections').innerJoin('projects', 'projects.id', 'sections.project_id').where('sections.id', '=', order.section_id)
      .select('projects.bid_opening_at').executeTakeFirstOrThrow(),
    db.selectFrom('policies').where('order_id', '=', order.id).select(['policy_number', 'sealed_document']).executeTakeFirst(),
  ]);
  if (!policy) throw new DomainError('NOT_FOUND', '该订单尚未出具保单');
  assertCanTake(orderLifecycle, 'downloadPolicy', order.status);
  if (!policy.sealed_document) throw new DomainError('POLICY_DOCUMENT_PENDING', '保单生成中，请稍后再下载');

  if (now() < project.bid_opening_at) {
    return {
      fileName: `保单-${policy.policy_number}.pdf.enc`,
      contentType: 'application/octet-stream',
      content: policy.sealed_document,
      sealed: true,
    };
  }
  const pdf = unseal(await sectionKey(db, order.section_id), policy.sealed_document, policySealContext(policy.policy_number));
  return { fileName: `保单-${policy.policy_number}.pdf`, contentType: 'application/pdf', content: pdf, sealed: false };
}
