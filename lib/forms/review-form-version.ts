import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '@/db/database';
import type { Actor } from '@/lib/auth/actor';
import { assertCanRead, assertCanWrite } from '@/lib/auth/authorize';
import { notFound } from '@/lib/errors/domain-error';
import { writeTransaction } from '@/lib/transactions/write-transaction';
import { parseInput } from '@/lib/validation/parse-input';
import { assertVersionCan } from '@/lib/versioning/document-version-lifecycle';
import { rejectVersion, recordReviewStep, reviewHistory, reviewInputSchema, submitInputSchema, submitVersion } from '@/lib/versioning/review-version';
import { assertNotAuthor } from '@/lib/versioning/version-authors';
import { findFormVersion } from './form-version-record';
import { assertCanEditForms, lockForm } from './form-version-resource';
import { publishFormDraft } from './publish-form-version';

/**
 * 提交审核 / 审核通过 / 驳回 of a form version (四眼原则), as for rule versions (lib/rules/review-rule-version.ts):
 * the author submits with a reason; another person who may edit that scope's forms approves — which
 * publishes it — or rejects it with a comment. Answers the version as it now is, with its review history.
 */
export async function reviewFormVersion(db: Kysely<Database>, actor: Actor, rawId: string, step: 'submit' | 'approve' | 'reject', input: unknown) {
  const id = parseInput(z.uuid({ error: '表单版本编号无效' }), rawId);
  const text = step === 'submit' ? parseInput(submitInputSchema, input).reason : parseInput(reviewInputSchema, input).comment;
  const version = await findFormVersion(db, id);
  if (!version) throw notFound('表单版本');
  assertCanRead(actor, version.region_id);
  assertCanEditForms(actor, version.region_id);
  assertCanWrite(actor, version.region_id);
  await writeTransaction(db, async (trx) => {
    await lockForm(trx, version.form_key, version.region_id);
    if (step === 'submit') return submitVersion(trx, actor, 'form_versions', version, text);
    if (step === 'reject') return rejectVersion(trx, actor, 'form_versions', version, text);
    const current = (await findFormVersion(trx, version.id))!;
    assertVersionCan('approve', current);
    await assertNotAuthor(trx, 'form_versions', version.id, actor);
    await publishFormDraft(trx, actor, current, current.submit_reason ?? text, 'approve', parseInput(reviewInputSchema, input).effective_at);
    await recordReviewStep(trx, 'form_versions', version.id, 'approve', actor, text);
  });
  const now = (await findFormVersion(db, version.id))!;
  return { ...now, review_history: await reviewHistory(db, 'form_versions', now.id) };
}
