import type { Kysely } from 'kysely';
import type { Database } from '@/db/database';
import { policySealContext } from '@/lib/policies/issue-policy';
import { unseal } from '@/lib/policies/policy-crypto';
import { sectionKey } from '@/lib/policies/section-key';
import type { AttachmentRef } from '@/lib/outbox/outbox-payloads';
import { DeliveryFailure } from '@/lib/outbox/deliverer';
import { now } from '@/lib/time/clock';

export interface MailAttachment {
  fileName: string;
  contentType: string;
  content: Buffer;
}

/** Reads the attachments a mail names, at the moment it is sent (they are referenced, not copied, in the outbox). */
export function loadMailAttachments(db: Kysely<Database>, refs: readonly AttachmentRef[]): Promise<MailAttachment[]> {
  return Promise.all(refs.map((ref) => (ref.kind === 'policy' ? policyAttachment(db, ref) : documentAttachment(db, ref))));
}

/**
 * The issued policy as 【下载保单】 hands it out: the sealed envelope before bid opening, the PDF from then on.
 * The rule is checked again here, at sending: a bid opening moved later after the mail was written must not
 * let the PDF out early.
 */
async function policyAttachment(db: Kysely<Database>, ref: Extract<AttachmentRef, { kind: 'policy' }>): Promise<MailAttachment> {
  const policy = await db
    .selectFrom('policies')
    .innerJoin('orders', 'orders.id', 'policies.order_id')
    .innerJoin('sections', 'sections.id', 'orders.section_id')
    .innerJoin('projects', 'projects.id', 'sections.project_id')
    .select(['policies.policy_number', 'policies.sealed_document', 'orders.section_id', 'projects.bid_opening_at'])
    .where('policies.id', '=', ref.policyId)
    .executeTakeFirst();
  if (!policy?.sealed_document) throw new DeliveryFailure('保单文件尚未生成，稍后重试');
  if (ref.form === 'pdf' && now() >= policy.bid_opening_at) {
    const pdf = unseal(await sectionKey(db, policy.section_id), policy.sealed_document, policySealContext(policy.policy_number));
    return { fileName: `保单-${policy.policy_number}.pdf`, contentType: 'application/pdf', content: Buffer.from(pdf) };
  }
  return { fileName: `保单-${policy.policy_number}.pdf.enc`, contentType: 'application/octet-stream', content: Buffer.from(policy.sealed_document) };
}

async function documentAttachment(db: Kysely<Database>, ref: Extract<AttachmentRef, { kind: 'document' }>): Promise<MailAttachment> {
  const document = await db.selectFrom('documents').select(['content_type', 'content']).where('id', '=', ref.documentId).executeTakeFirst();
  if (!document) throw new DeliveryFailure(`附件 ${ref.fileName} 不存在`);
  return { fileName: ref.fileName, contentType: document.content_type, content: Buffer.from(document.content) };
}
