import type { Transaction } from 'kysely';
import { z } from 'zod';
import type { Database } from '@/db/database';
import { now } from '@/lib/time/clock';
import type { PolicyDocument } from '../policy-document';

/** The policy as issued, as the job row keeps it (jsonb: dates become ISO strings and come back here). */
const storedDocumentSchema = z.object({
  policyNumber: z.string(),
  verificationCode: z.string(),
  verifyUrl: z.string(),
  issuedAt: z.coerce.date(),
  periodStart: z.coerce.date(),
  periodEnd: z.coerce.date(),
  insured: z.string(),
  applicant: z.object({ name: z.string(), uscc: z.string() }),
  project: z.object({ name: z.string(), code: z.string() }),
  sectionName: z.string(),
  guaranteeAmountFen: z.number().int(),
  premiumFen: z.number().int(),
  insurerName: z.string(),
  productName: z.string(),
  orderNumber: z.string(),
}) satisfies z.ZodType<PolicyDocument, unknown>;

export function readStoredPolicyDocument(stored: unknown): PolicyDocument {
  return storedDocumentSchema.parse(typeof stored === 'string' ? JSON.parse(stored) : stored);
}

/**
 * Writes the job that renders and seals a policy's document, in the transaction that issues the policy:
 * it exists exactly when the order is insured, and a crash before the commit leaves neither.
 */
export async function enqueuePolicyDocument(trx: Transaction<Database>, policyId: string, document: PolicyDocument): Promise<void> {
  const at = now();
  await trx
    .insertInto('policy_document_jobs')
    .values({ policy_id: policyId, document: JSON.stringify(document), status: 'pending', run_after: at, created_at: at })
    .execute();
}
