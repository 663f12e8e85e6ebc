import type { Kysely, Transaction } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { SEEDED_AT } from '@/testing/demo-fixture';
import { testDatabaseKinds } from '@/testing/test-database';
import { useDemoFixture } from '@/testing/use-database';
import { useFixedClock } from '@/testing/use-fixed-clock';
import type { Database, PolicyDocumentJobStatus } from '@/db/database';
import { listRecords } from '@/lib/back-office/list-records';
import type { RetryQueueState } from '@/lib/back-office/retry-queue';
import { runCommand } from '@/lib/back-office/run-command';
import { expectRefusal } from '@/lib/errors/testing/expect-refusal';
import { refusalOf, TransitionRefused } from '@/lib/lifecycle/lifecycle';
import { everyStateAndAction, tableOf } from '@/lib/lifecycle/testing/lifecycle-table';
import { rolledBack } from '@/lib/lifecycle/testing/rolled-back';
import { transition } from '@/lib/lifecycle/transition';
import { payFromBasicAccount, unpaidOrder } from '@/lib/orders/testing/test-orders';
import { policyDocumentJobActions, policyDocumentJobLifecycle } from './policy-document-job-lifecycle';
import { policyDocumentJobResource } from './policy-document-job-resource';

const EXPECTED = {
  pending: { complete: 'done', recordFailure: '=', retryNow: '=' },
  done: {},
} as const;

describe('the policy document job lifecycle', () => {
  it('is done once; until then failures are written on it and it may be tried again at once', () => {
    expect(tableOf(policyDocumentJobLifecycle)).toEqual(EXPECTED);
    expect(refusalOf(policyDocumentJobLifecycle, 'retryNow', 'done').message).toBe('该保单已生成，无需重试');
  });
});

describe.each(testDatabaseKinds)('policy document jobs through the lifecycle kernel on %s', (kind) => {
  const f = useDemoFixture(kind);
  useFixedClock();
  /** The job of a policy just issued (not rendered: no renderer runs here). */
  let policyId: string;
  beforeAll(async () => {
    const order = await unpaidOrder(f, 'WLMQ-CG-2026-0342');
    await payFromBasicAccount(f, order);
    policyId = (await f.db.selectFrom('policies').select('id').where('order_id', '=', order.id).executeTakeFirstOrThrow()).id;
  });

  const read = (db: Kysely<Database> | Transaction<Database>) => db.selectFrom('policy_document_jobs').selectAll().where('policy_id', '=', policyId).executeTakeFirstOrThrow();

  it.each(everyStateAndAction(policyDocumentJobLifecycle))('from %s, %s goes where the table says or is refused and changes nothing', async (state, action) => {
    const expected = (EXPECTED[state] as Record<string, string | undefined>)[action];
    const outcome = await rolledBack(f.db, async (trx) => {
      await trx.updateTable('policy_document_jobs').set({ status: state }).where('policy_id', '=', policyId).execute();
      const before = await read(trx);
      try {
        const changed = await transition(trx, 'policy_document_jobs', policyDocumentJobLifecycle, {
          id: policyId,
          key: 'policy_id',
          action,
          set: { last_attempt_at: SEEDED_AT },
        });
        return { status: changed.status, from: changed.from_status, key: changed.policy_id };
      } catch (error) {
        return { error, unchanged: JSON.stringify(await read(trx)) === JSON.stringify(before) };
      }
    });
    if (expected === undefined) {
      expect(outcome).toMatchObject({ unchanged: true, error: { code: 'CONFLICT', current: state, action } });
      expect((outcome as { error: unknown }).error).toBeInstanceOf(TransitionRefused);
    } else {
      expect(outcome).toEqual({ status: expected === '=' ? state : expected, from: state, key: policyId });
    }
    expect(await read(f.db)).toMatchObject({ status: 'pending', last_attempt_at: null });
  });

  it('offers 立即重试 on a failing job to the region\'s operators and the platform only', () => {
    const { operator, otherOperator, compliance, platformAdmin, bidder } = f.actors;
    const offered = (status: PolicyDocumentJobStatus, state: RetryQueueState) =>
      [operator, otherOperator, compliance, platformAdmin, bidder].map((actor) => policyDocumentJobActions({ status, state, region_id: '650100' }, actor));
    expect(offered('pending', 'retrying')).toEqual([['retryNow'], [], [], ['retryNow'], []]);
    expect(offered('pending', 'pending')).toEqual([[], [], [], [], []]);
    expect(offered('done', 'done')).toEqual([[], [], [], [], []]);
  });

  it('lists a failing job with 立即重试 offered, and retries it by command', async () => {
    await f.db.updateTable('policy_document_jobs').set({ attempts: 1, last_error: '字体文件不存在', run_after: new Date(SEEDED_AT.getTime() + 60_000) }).where('policy_id', '=', policyId).execute();
    const page = { sort: { field: 'created_at', order: 'asc' as const }, offset: 0, limit: 50, filter: { id: [policyId] } };
    expect((await listRecords(f.db, f.actors.operator, policyDocumentJobResource, page)).rows).toMatchObject([{ id: policyId, state: 'retrying', allowed_actions: ['retryNow'] }]);

    expect((await expectRefusal(runCommand(f.db, f.actors.operator, policyDocumentJobResource, policyId, 'complete', { body: {} }))).code).toBe('NOT_FOUND');
    expect((await expectRefusal(runCommand(f.db, f.actors.compliance, policyDocumentJobResource, policyId, 'retryNow', { body: {} }))).code).toBe('READ_ONLY_ROLE');
    expect((await expectRefusal(runCommand(f.db, f.actors.otherOperator, policyDocumentJobResource, policyId, 'retryNow', { body: {} }))).status).toBe(403);
    for (const body of [[], 'x', 42, { reason: {} }]) {
      expect((await expectRefusal(runCommand(f.db, f.actors.operator, policyDocumentJobResource, policyId, 'retryNow', { body }))).code).toBe('VALIDATION_FAILED');
    }
    const retried = await runCommand(f.db, f.actors.operator, policyDocumentJobResource, policyId, 'retryNow', { body: {} });
    expect(retried).toMatchObject({ id: policyId, status: 'pending', run_after: SEEDED_AT, allowed_actions: ['retryNow'] });
    const audit = await f.db.selectFrom('audit_events').select(['action', 'reason']).where('entity_id', '=', policyId).execute();
    expect(audit).toEqual([{ action: 'policy_document_job.update', reason: null }]);

    await f.db.updateTable('policy_document_jobs').set({ status: 'done' }).where('policy_id', '=', policyId).execute();
    const refused = await expectRefusal(runCommand(f.db, f.actors.operator, policyDocumentJobResource, policyId, 'retryNow', { body: {} }));
    expect([refused.code, refused.message]).toEqual(['CONFLICT', '该保单已生成，无需重试']);
  });
});
