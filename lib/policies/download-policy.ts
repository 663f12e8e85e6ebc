import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '@/db/database';
import type { Actor } from '@/lib/auth/actor';
import { DomainError } from '@/lib/errors/domain-error';
import { selectOrdersWithProject } from '@/lib/orders/order-join';
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
 * download, and a surrendered policy is no longer handed out.
 */
export async function downloadPolicy(db: Kysely<Database>, actor: Actor, orderId: string): Promise<PolicyFile> {
  if (!z.uuid().safeParse(orderId).success) throw new DomainError('NOT_FOUND', '订单不存在');
  const row = await selectOrdersWithProject(db)
    .leftJoin('policies', 'policies.order_id', 'orders.id')
    .where('orders.id', '=', orderId)
    .select([
      'orders.enterprise_id', 'orders.status', 'orders.section_id', 'projects.bid_opening_at',
      'policies.policy_number', 'policies.sealed_document',
    ])
    .executeTakeFirst();
  if (!row) throw new DomainError('NOT_FOUND', '订单不存在');
  if (actor.role !== 'bidder' || actor.enterpriseId !== row.enterprise_id) {
    throw new DomainError('FORBIDDEN', '只有投保企业本身可以下载该保单');
  }
  if (!row.policy_number) throw new DomainError('NOT_FOUND', '该订单尚未出具保单');
  if (row.status === 'surrendered') throw new DomainError('CONFLICT', '该保单已退保失效，不再提供下载');
  if (!row.sealed_document) throw new DomainError('POLICY_DOCUMENT_PENDING', '保单生成中，请稍后再下载');

  if (now() < row.bid_opening_at) {
    return {
      fileName: `保单-${row.policy_number}.pdf.enc`,
      contentType: 'application/octet-stream',
      content: row.sealed_document,
      sealed: true,
    };
  }
  const pdf = unseal(await sectionKey(db, row.section_id), row.sealed_document, policySealContext(row.policy_number));
  return { fileName: `保单-${row.policy_number}.pdf`, contentType: 'application/pdf', content: pdf, sealed: false };
}
