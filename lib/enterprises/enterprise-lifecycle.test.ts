import type { Kysely, Transaction } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database, EnterpriseStatus } from '@/db/database';
import { testDatabaseKinds } from '@/testing/test-database';
import { useDemoFixture } from '@/testing/use-database';
import { useFixedClock } from '@/testing/use-fixed-clock';
import { expectRefusal } from '@/lib/errors/testing/expect-refusal';
import { TransitionRefused } from '@/lib/lifecycle/lifecycle';
import { everyStateAndAction, tableOf } from '@/lib/lifecycle/testing/lifecycle-table';
import { rolledBack } from '@/lib/lifecycle/testing/rolled-back';
import { transition } from '@/lib/lifecycle/transition';
import { enterpriseLifecycle, enterpriseReviewActions, type EnterpriseAction } from './enterprise-lifecycle';
import { enterpriseActions } from './enterprise-resource';
import { myEnterpriseActions } from './my-enterprise-standing';
import { enterpriseWithBidder } from './testing/enterprise-with-bidder';

const EXPECTED = {
  pending_review: { approve: 'verified', reject: 'rejected' },
  verified: {},
  rejected: { resubmit: 'pending_review' },
} as const;

describe('the enterprise review lifecycle (企业认证审核)', () => {
  it('has exactly these states and edges, starting 待认证审核', () => {
    expect(tableOf(enterpriseLifecycle)).toEqual(EXPECTED);
    expect(enterpriseLifecycle.initial).toEqual(['pending_review']);
  });
});

describe.each(testDatabaseKinds)('enterprise review transitions on %s', (kind) => {
  const f = useDemoFixture(kind);
  useFixedClock();
  let enterpriseId: string;
  beforeAll(async () => {
    enterpriseId = (await enterpriseWithBidder(f.db)).enterpriseId;
  });
  const rowOf = (db: Kysely<Database>, id: string) => db.selectFrom('enterprises').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const table = tableOf(enterpriseLifecycle);

  it.each(everyStateAndAction(enterpriseLifecycle))('from %s, %s follows the table or is refused and changes nothing', async (state, action) => {
    const expected = table[state][action];
    const outcome = await rolledBack(f.db, async (trx) => {
      await transitionTo(trx, enterpriseId, state);
      const before = await rowOf(trx, enterpriseId);
      const result = await transition(trx, 'enterprises', enterpriseLifecycle, { id: enterpriseId, action }).catch((error: unknown) => error);
      return { before, result, after: await rowOf(trx, enterpriseId) };
    });
    if (expected) {
      expect(outcome.result).toMatchObject({ id: enterpriseId, from_status: state, status: expected });
      expect(outcome.after).toEqual({ ...outcome.before, status: expected });
    } else {
      expect(outcome.result).toBeInstanceOf(TransitionRefused);
      expect(outcome.result).toMatchObject({ code: 'CONFLICT', current: state, action });
      expect(outcome.after).toEqual(outcome.before);
    }
    // Rolled back: the enterprise waits for review as it was created.
    expect((await rowOf(f.db, enterpriseId)).status).toBe('pending_review');
  });

  it('says why a review or a resubmission is refused', async () => {
    const refusal = (action: EnterpriseAction, state: EnterpriseStatus) =>
      rolledBack(f.db, async (trx) => {
        await transitionTo(trx, enterpriseId, state);
        return (await expectRefusal(transition(trx, 'enterprises', enterpriseLifecycle, { id: enterpriseId, action }))).message;
      });
    expect(await refusal('approve', 'verified')).toBe('该企业认证已审核，不能重复审核');
    expect(await refusal('reject', 'rejected')).toBe('该企业认证已审核，不能重复审核');
    expect(await refusal('resubmit', 'verified')).toBe('企业已通过认证，无需重新提交');
    expect(await refusal('resubmit', 'pending_review')).toBe('企业认证正在审核中');
  });

  it('offers the review to whoever may write in the enterprise\'s region, the resubmission and the application to its bidders', () => {
    const { operator, otherOperator, valuesOperator, compliance, platformAdmin, bidder } = f.actors;
    const readers = { operator, otherOperator, valuesOperator, compliance, platformAdmin, bidder };
    const offered = (status: EnterpriseStatus, region: string | null) =>
      Object.fromEntries(Object.entries(readers).map(([who, actor]) => [who, enterpriseActions({ status, region_id: region }, actor)]));
    const review = ['approve', 'reject', 'correctBasicAccount'];
    expect(offered('pending_review', '650100')).toEqual({
      operator: review, otherOperator: [], valuesOperator: review, compliance: [], platformAdmin: review, bidder: [],
    });
    for (const status of ['verified', 'rejected'] as const) {
      expect(offered(status, '650100')).toEqual({
        operator: ['correctBasicAccount'], otherOperator: [], valuesOperator: ['correctBasicAccount'], compliance: [], platformAdmin: ['correctBasicAccount'], bidder: [],
      });
    }
    // An enterprise of no region is the platform's own.
    expect(offered('verified', null)).toEqual({ operator: [], otherOperator: [], valuesOperator: [], compliance: [], platformAdmin: ['correctBasicAccount'], bidder: [] });
    // The review never offers the bidder's own move.
    expect(enterpriseReviewActions({ status: 'rejected', region_id: '650100' }, platformAdmin)).toEqual([]);
    expect(myEnterpriseActions({ status: 'pending_review' })).toEqual([]);
    expect(myEnterpriseActions({ status: 'rejected' })).toEqual(['resubmit']);
    expect(myEnterpriseActions({ status: 'verified' })).toEqual(['applyForGuarantee']);
  });
});

/** Walks the enterprise from 待认证审核 to `state` through the lifecycle's own edges. */
async function transitionTo(trx: Transaction<Database>, id: string, state: EnterpriseStatus) {
  if (state === 'pending_review') return;
  const action = state === 'verified' ? 'approve' : 'reject';
  await transition(trx, 'enterprises', enterpriseLifecycle, { id, action });
}
