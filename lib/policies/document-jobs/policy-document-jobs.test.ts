import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { SEEDED_AT } from '@/testing/demo-fixture';
import { useDemoFixture } from '@/testing/use-database';
import { useFixedClock } from '@/testing/use-fixed-clock';
import { testDatabaseKinds } from '@/testing/test-database';
import type { Actor } from '@/lib/auth/actor';
import { expectRefusal } from '@/lib/errors/testing/expect-refusal';
import { orderOnSection, payFromBasicAccount } from '@/lib/orders/testing/test-orders';
import { downloadPolicy } from '../download-policy';
import { policyDocumentStatus } from '../policy-document-status';
import { verifyPolicy } from '../verify-policy';
import { listRecords } from '@/lib/back-office/list-records';
import { runCommand } from '@/lib/back-office/run-command';
import { claimPolicyDocumentJobs } from './claim-policy-document-jobs';
import { policyDocumentJobResource, type PolicyDocumentJobRecord } from './policy-document-job-resource';
import { readStoredPolicyDocument } from './policy-document-job';
import { renderDuePolicyDocuments, retryDelayMs } from './render-due-policy-documents';

describe.each(testDatabaseKinds)('policy documents rendered by a job, on %s', (kind) => {
  const f = useDemoFixture(kind);
  const clock = useFixedClock();
  let sections: string[];
  beforeAll(async () => {
    const project = await f.db.selectFrom('projects').select('id').where('code', '=', 'WLMQ-CG-2026-0342').executeTakeFirstOrThrow();
    const rows = Array.from({ length: 8 }, (_, i) => ({ project_id: project.id, code: `JOB-${i}`, name: `保单任务标段 ${i}`, deposit_fen: 5_000_000 }));
    sections = (await f.db.insertInto('sections').values(rows).returning('id').execute()).map((s) => s.id);
  });
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  /** An order paid now: insured, its document not rendered yet. */
  async function paidOrder() {
    const order = await orderOnSection(f, sections.shift()!);
    await payFromBasicAccount(f, order);
    const policy = await f.db.selectFrom('policies').selectAll().where('order_id', '=', order.id).executeTakeFirstOrThrow();
    return { order, policy };
  }
  const job = (policyId: string) => f.db.selectFrom('policy_document_jobs').selectAll().where('policy_id', '=', policyId).executeTakeFirstOrThrow();
  const drain = async () => {
    while ((await renderDuePolicyDocuments(f.db)).claimed > 0);
  };

  it('insures and numbers the order with the payment; the document follows from its job, and the download waits for it', async () => {
    await drain();
    const { order, policy } = await paidOrder();
    const status = await f.db.selectFrom('orders').select('status').where('id', '=', order.id).executeTakeFirstOrThrow();
    expect(status.status).toBe('issued');
    expect(policy.sealed_document).toBeNull();
    expect(policy.document_ready_at).toBeNull();
    expect(await verifyPolicy(f.db, '198.51.100.7', { policyNumber: policy.policy_number, verificationCode: policy.verification_code })).toMatchObject({ found: true, valid: true });
    const pending = await expectRefusal(downloadPolicy(f.db, f.actors.bidder, order.id));
    expect([pending.code, pending.status, pending.message]).toEqual(['POLICY_DOCUMENT_PENDING', 409, '保单生成中，请稍后再下载']);
    expect(await job(policy.id)).toMatchObject({ status: 'pending', attempts: 0 });
    expect(await policyDocumentStatus(f.db, f.actors.bidder, order.id)).toEqual({ issued: true, ready: false });
    for (const stranger of [f.actors.otherBidder, f.actors.operator]) {
      expect((await expectRefusal(policyDocumentStatus(f.db, stranger, order.id))).code).toBe('NOT_FOUND');
    }

    expect(await renderDuePolicyDocuments(f.db)).toEqual({ claimed: 1, rendered: 1, failed: 0 });
    expect(await policyDocumentStatus(f.db, f.actors.bidder, order.id)).toEqual({ issued: true, ready: true });
    const file = await downloadPolicy(f.db, f.actors.bidder, order.id);
    expect(file.sealed).toBe(true);
    expect(Buffer.from(file.content).subarray(0, 4).toString()).toBe('BGP1');
    expect(await job(policy.id)).toMatchObject({ status: 'done', attempts: 1, locked_until: null, last_error: null });
    const stored = await f.db.selectFrom('policies').select('document_ready_at').where('id', '=', policy.id).executeTakeFirstOrThrow();
    expect(stored.document_ready_at).toEqual(SEEDED_AT);
    // Nothing is left to do: a further round takes nothing and changes nothing.
    expect(await renderDuePolicyDocuments(f.db)).toEqual({ claimed: 0, rendered: 0, failed: 0 });
  });

  it('keeps the policy as issued: a later change to the enterprise does not reach a document rendered afterwards', async () => {
    const { policy } = await paidOrder();
    const enterprise = await f.db.selectFrom('enterprises').select(['id', 'name']).where('id', '=', f.actors.bidder.enterpriseId!).executeTakeFirstOrThrow();
    await f.db.updateTable('enterprises').set({ name: '改名后的企业有限公司' }).where('id', '=', enterprise.id).execute();
    try {
      const { document } = await job(policy.id);
      expect(readStoredPolicyDocument(document)).toMatchObject({ applicant: { name: enterprise.name }, policyNumber: policy.policy_number, issuedAt: SEEDED_AT });
    } finally {
      await f.db.updateTable('enterprises').set({ name: enterprise.name }).where('id', '=', enterprise.id).execute();
    }
    await drain();
  });

  it('records a failed render on the job, tries again after the delay, and then stores the document', async () => {
    await drain();
    const { order, policy } = await paidOrder();
    // A real failure: the font the renderer needs is not where the configuration says.
    vi.stubEnv('POLICY_FONT_PATH', '/nonexistent/NotoSansCJK-Regular.ttc');
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      expect(await renderDuePolicyDocuments(f.db)).toEqual({ claimed: 1, rendered: 0, failed: 1 });
    } finally {
      errors.mockRestore();
    }
    const failed = await job(policy.id);
    expect(failed).toMatchObject({ status: 'pending', attempts: 1, locked_until: null });
    expect(failed.last_error).toContain('POLICY_FONT_PATH');
    expect(failed.run_after).toEqual(new Date(SEEDED_AT.getTime() + retryDelayMs(1)));
    expect((await expectRefusal(downloadPolicy(f.db, f.actors.bidder, order.id))).code).toBe('POLICY_DOCUMENT_PENDING');

    vi.unstubAllEnvs();
    // Not before its time…
    expect((await renderDuePolicyDocuments(f.db)).claimed).toBe(0);
    // …and then once.
    clock.advance(retryDelayMs(1));
    expect(await renderDuePolicyDocuments(f.db)).toEqual({ claimed: 1, rendered: 1, failed: 0 });
    expect(await job(policy.id)).toMatchObject({ status: 'done', attempts: 2, last_error: null });
    expect((await downloadPolicy(f.db, f.actors.bidder, order.id)).sealed).toBe(true);
  });

  it('takes up a job whose renderer died once its lease has run out, not before', async () => {
    await drain();
    const { policy } = await paidOrder();
    // A renderer takes the job and dies: it never reports back.
    expect((await claimPolicyDocumentJobs(f.db, 10, 60_000)).map((j) => j.policyId)).toEqual([policy.id]);
    expect(await renderDuePolicyDocuments(f.db)).toEqual({ claimed: 0, rendered: 0, failed: 0 });
    clock.advance(60_000);
    expect(await renderDuePolicyDocuments(f.db)).toEqual({ claimed: 1, rendered: 1, failed: 0 });
    expect(await job(policy.id)).toMatchObject({ status: 'done', attempts: 2 });
  });

  it('renders each document once when renderers run at the same time', async () => {
    await drain();
    const paid = [await paidOrder(), await paidOrder(), await paidOrder()];
    const rounds = await Promise.all([1, 2, 3].map(() => renderDuePolicyDocuments(f.db, { limit: 2 })));
    await drain();
    expect(rounds.reduce((sum, r) => sum + r.rendered, 0)).toBeLessThanOrEqual(3);
    for (const { policy } of paid) expect(await job(policy.id)).toMatchObject({ status: 'done', attempts: 1 });
    const ready = await f.db.selectFrom('policies').select('id').where('id', 'in', paid.map((p) => p.policy.id)).where('sealed_document', 'is not', null).execute();
    expect(ready).toHaveLength(3);
  });

  it('shows operators of the region a failing job and why, and lets them have it tried now', async () => {
    await drain();
    const { policy } = await paidOrder();
    vi.stubEnv('POLICY_FONT_PATH', '/nonexistent/NotoSansCJK-Regular.ttc');
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    await renderDuePolicyDocuments(f.db).finally(() => errors.mockRestore());
    vi.unstubAllEnvs();

    const page = { filter: { state: 'retrying' }, sort: { field: 'created_at', order: 'asc' as const }, limit: 25, offset: 0 };
    const listed = (await listRecords(f.db, f.actors.operator, policyDocumentJobResource, page)).rows as PolicyDocumentJobRecord[];
    expect(listed).toHaveLength(1);
    expect(listed[0]).toMatchObject({ id: policy.id, policy_number: policy.policy_number, state: 'retrying', attempts: 1 });
    expect(listed[0]!.last_error).toContain('POLICY_FONT_PATH');
    expect((await listRecords(f.db, f.actors.otherOperator, policyDocumentJobResource, page)).total).toBe(0);

    const retryNow = (actor: Actor) => runCommand(f.db, actor, policyDocumentJobResource, policy.id, 'retryNow', { body: {} });
    expect((await expectRefusal(retryNow(f.actors.compliance))).code).toBe('READ_ONLY_ROLE');
    const retried = (await retryNow(f.actors.operator)) as PolicyDocumentJobRecord;
    expect(retried.run_after).toEqual(SEEDED_AT);
    expect(await renderDuePolicyDocuments(f.db)).toEqual({ claimed: 1, rendered: 1, failed: 0 });
    expect((await expectRefusal(retryNow(f.actors.operator))).code).toBe('CONFLICT');
    const audit = await f.db.selectFrom('audit_events').select('entity_id').where('action', '=', 'policy_document_job.update').execute();
    expect(audit.map((a) => a.entity_id)).toEqual([policy.id]);
  });
});
