import type { Transaction } from 'kysely';
import type { Database } from '@/db/database';
import { publicBaseUrl } from '@/lib/config/runtime-config';
import { selectOrdersWithParties } from '@/lib/orders/order-join';
import { now } from '@/lib/time/clock';
import { enqueuePolicyDocument } from './document-jobs/policy-document-job';
import { nudgePolicyDocumentRenderer } from './document-jobs/policy-document-renderer';
import { newPolicyNumber, newVerificationCode } from './policy-codes';
import type { PolicyDocument } from './policy-document';

/**
 * The cover lasts through the bid validity period, which tender documents commonly set at 90 days
 * after bid opening; the period is printed on the policy, the insurer's own terms govern.
 */
const COVER_DAYS_AFTER_OPENING = 90;

export function verifyUrl(policyNumber: string): string {
  return `${publicBaseUrl()}/verify?number=${encodeURIComponent(policyNumber)}`;
}

/**
 * Issues the policy of an order that has just become 投保成功, in the caller's transaction: numbers it
 * (so /verify answers at once) and writes the job that renders the PDF and seals it with the section's
 * key (document-jobs/), off the request: a bank notification is acknowledged in milliseconds, not after
 * a render. The plaintext PDF is not kept anywhere: until bid opening nobody — the bidder included — can
 * read the policy; after opening the server unseals it.
 */
export async function issuePolicy(trx: Transaction<Database>, orderId: string): Promise<{ policyNumber: string }> {
  const order = await selectOrdersWithParties(trx)
    .innerJoin('products', 'products.id', 'orders.product_id')
    .innerJoin('insurers', 'insurers.id', 'products.insurer_id')
    .where('orders.id', '=', orderId)
    .select([
      'orders.order_number', 'orders.deposit_fen', 'orders.premium_fen', 'enterprises.name as applicantName',
      'enterprises.uscc', 'projects.name as projectName', 'projects.code as projectCode', 'projects.tenderer',
      'projects.bid_opening_at', 'sections.name as sectionName', 'insurers.name as insurerName', 'products.name as productName',
    ])
    .executeTakeFirstOrThrow();
  const issuedAt = now();
  const policyNumber = newPolicyNumber(issuedAt);
  const document: PolicyDocument = {
    policyNumber,
    verificationCode: newVerificationCode(),
    verifyUrl: verifyUrl(policyNumber),
    issuedAt,
    periodStart: issuedAt,
    periodEnd: new Date(order.bid_opening_at.getTime() + COVER_DAYS_AFTER_OPENING * 24 * 60 * 60 * 1000),
    insured: order.tenderer,
    applicant: { name: order.applicantName, uscc: order.uscc },
    project: { name: order.projectName, code: order.projectCode },
    sectionName: order.sectionName,
    guaranteeAmountFen: order.deposit_fen,
    premiumFen: order.premium_fen,
    insurerName: order.insurerName,
    productName: order.productName,
    orderNumber: order.order_number,
  };
  const policy = await trx
    .insertInto('policies')
    .values({
      order_id: orderId,
      policy_number: policyNumber,
      verification_code: document.verificationCode,
      issued_at: issuedAt,
      period_start: document.periodStart,
      period_end: document.periodEnd,
      sealed_document: null,
      document_ready_at: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await enqueuePolicyDocument(trx, policy.id, document);
  nudgePolicyDocumentRenderer();
  return { policyNumber };
}

/** What a sealed policy is bound to: it opens only as the policy it was issued as. */
export const policySealContext = (policyNumber: string) => `policy:${policyNumber}`;
