import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { DemoActors } from '@/testing/demo-fixture';
import { testDatabaseKinds } from '@/testing/test-database';
import { useDemoFixture } from '@/testing/use-database';
import { useFixedClock } from '@/testing/use-fixed-clock';
import { verifyAuditChain } from '@/lib/audit/verify-audit-chain';
import type { Actor } from '@/lib/auth/actor';
import { authenticate } from '@/lib/auth/authenticate';
import { loadActor } from '@/lib/auth/load-actor';
import { freshAddress } from '@/lib/auth/mobile-codes/testing/sent-codes';
import { expectRefusal } from '@/lib/errors/testing/expect-refusal';
import { refusalOf, TransitionRefused } from '@/lib/lifecycle/lifecycle';
import { everyStateAndAction, tableOf } from '@/lib/lifecycle/testing/lifecycle-table';
import { rolledBack } from '@/lib/lifecycle/testing/rolled-back';
import { transition } from '@/lib/lifecycle/transition';
import { demoEnterprises } from '@/lib/platform/demo-data';
import { joinRequestLifecycle } from '../join-request-lifecycle';
import { requestRegistrationCode } from '../registration/request-registration-code';
import { registerWithCode, TEST_PASSWORD } from '../registration/testing/registrations';
import { approveJoinRequest } from './approve-join-request';
import { listEnterpriseMembers } from './list-enterprise-members';
import { rejectJoinRequest } from './reject-join-request';

const EXPECTED = {
  pending: { approve: 'approved', reject: 'rejected' },
  approved: {},
  rejected: {},
} as const;

describe('the join-request lifecycle', () => {
  it('is decided once: approved or rejected', () => {
    expect(tableOf(joinRequestLifecycle)).toEqual(EXPECTED);
    expect(refusalOf(joinRequestLifecycle, 'approve', 'rejected').message).toBe('该加入申请已处理');
  });
});

const TIANSHAN = demoEnterprises[0];
const PAGE = { page: 1, pageSize: 20 };

describe.each(testDatabaseKinds)('joining an enterprise on %s', (kind) => {
  const f = useDemoFixture(kind);
  const clock = useFixedClock();
  beforeAll(() => {
    vi.spyOn(console, 'info').mockImplementation(() => {});
  });

  /** Someone registers with 天山's USCC: a pending request, decided by 李明 (the demo bidder, its first user). */
  async function joinRequest(personName = '王芳') {
    const { values, outcome } = await registerWithCode(f.db, { uscc: TIANSHAN.uscc, personName });
    if (outcome.kind !== 'join_requested') throw new Error('expected a join request');
    return { id: outcome.requestId, phone: values.phone };
  }
  const read = (id: string) => f.db.selectFrom('enterprise_join_requests').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const auditCount = async () => Number((await f.db.selectFrom('audit_events').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

  it.each(everyStateAndAction(joinRequestLifecycle))('from %s, %s goes where the table says or is refused and changes nothing', async (state, action) => {
    const { id } = await joinRequest();
    const expected = (EXPECTED[state] as Record<string, string | undefined>)[action];
    const outcome = await rolledBack(f.db, async (trx) => {
      await trx.updateTable('enterprise_join_requests').set({ status: state }).where('id', '=', id).execute();
      const before = await trx.selectFrom('enterprise_join_requests').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
      try {
        const changed = await transition(trx, 'enterprise_join_requests', joinRequestLifecycle, { id, action, set: { decided_by: f.actors.bidder.userId } });
        return { status: changed.status, from: changed.from_status };
      } catch (error) {
        const after = await trx.selectFrom('enterprise_join_requests').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
        return { error, unchanged: JSON.stringify(after) === JSON.stringify(before) };
      }
    });
    if (expected === undefined) {
      expect(outcome).toMatchObject({ unchanged: true, error: { code: 'CONFLICT', current: state, action } });
      expect((outcome as { error: unknown }).error).toBeInstanceOf(TransitionRefused);
    } else {
      expect(outcome).toEqual({ status: expected, from: state });
    }
    expect((await read(id)).status).toBe('pending');
  });

  it('is approved by the enterprise\'s first user: the person becomes its bidder, with the password they chose, audited', async () => {
    const { id, phone } = await joinRequest('王芳');
    const { userId } = await approveJoinRequest(f.db, f.actors.bidder, id);
    expect(await read(id)).toMatchObject({ status: 'approved', decided_by: f.actors.bidder.userId, user_id: userId });
    const user = await f.db.selectFrom('users').selectAll().where('id', '=', userId).executeTakeFirstOrThrow();
    expect(user).toMatchObject({ phone, display_name: '王芳', role: 'bidder', enterprise_id: f.actors.bidder.enterpriseId, must_change_password: false });
    expect(user.password_hash).toBe((await read(id)).password_hash);
    expect(await authenticate(f.db, { phone, password: TEST_PASSWORD }, freshAddress())).toMatchObject({ userId, enterpriseId: f.actors.bidder.enterpriseId });
    const event = await f.db.selectFrom('audit_events').selectAll().orderBy('id', 'desc').limit(1).executeTakeFirstOrThrow();
    expect(event).toMatchObject({ action: 'enterprise_join_request.approve', entity_id: id, actor_id: f.actors.bidder.userId, region_id: '650100' });
    expect(event.after).toMatchObject({ status: 'approved', user_id: userId, phone });
    expect((await verifyAuditChain(f.db)).ok).toBe(true);
    // Decided once.
    const twice = await expectRefusal(approveJoinRequest(f.db, f.actors.bidder, id));
    expect([twice.code, twice.message]).toEqual(['CONFLICT', '该加入申请已处理']);
  });

  it('is rejected with a reason the log keeps; without one it is refused and nothing changes', async () => {
    const { id, phone } = await joinRequest();
    const audits = await auditCount();
    for (const reason of [undefined, '', '   ', 'x'.repeat(201), 'bad\ud800']) {
      const refused = await expectRefusal(rejectJoinRequest(f.db, f.actors.bidder, id, { reason }));
      expect(refused.code).toBe('VALIDATION_FAILED');
      expect(refused.fieldErrors?.reason).toBeDefined();
    }
    expect(await auditCount()).toBe(audits);
    expect((await read(id)).status).toBe('pending');

    await rejectJoinRequest(f.db, f.actors.bidder, id, { reason: '  本公司无此员工  ' });
    expect(await read(id)).toMatchObject({ status: 'rejected', decision_reason: '本公司无此员工', user_id: null, decided_by: f.actors.bidder.userId });
    const event = await f.db.selectFrom('audit_events').selectAll().orderBy('id', 'desc').limit(1).executeTakeFirstOrThrow();
    expect(event).toMatchObject({ action: 'enterprise_join_request.reject', entity_id: id, reason: '本公司无此员工' });
    expect(await f.db.selectFrom('users').select('id').where('phone', '=', phone).executeTakeFirst()).toBeUndefined();
    // The person may register again, e.g. with corrected details.
    clock.advance(60_000);
    await requestRegistrationCode(f.db, { phone }, freshAddress());
  });

  it('is decided only by the first user: another member is FORBIDDEN, anyone else is told it does not exist', async () => {
    const member = await (async () => {
      const { id } = await joinRequest('成员甲');
      const { userId } = await approveJoinRequest(f.db, f.actors.bidder, id);
      return (await loadActor(f.db, { userId }))!;
    })();
    const { id } = await joinRequest('王五');
    const before = await read(id);
    const audits = await auditCount();
    const outsiders: (keyof DemoActors)[] = ['otherBidder', 'operator', 'otherOperator', 'compliance', 'platformAdmin'];
    const cases: [string, Actor, string][] = [['member', member, 'FORBIDDEN'], ...outsiders.map((who): [string, Actor, string] => [who, f.actors[who], 'NOT_FOUND'])];
    for (const [who, actor, code] of cases) {
      const approve = await expectRefusal(approveJoinRequest(f.db, actor, id));
      const reject = await expectRefusal(rejectJoinRequest(f.db, actor, id, { reason: '越权' }));
      expect([who, approve.code, reject.code]).toEqual([who, code, code]);
    }
    // An outsider's invalid reason still gets the refusal of who they are, not a validation message.
    expect((await expectRefusal(rejectJoinRequest(f.db, f.actors.otherBidder, id, {}))).code).toBe('NOT_FOUND');
    expect((await expectRefusal(approveJoinRequest(f.db, member, id))).message).toBe('只有企业管理员（企业首位注册用户）可以审批加入申请');
    expect(await read(id)).toEqual(before);
    expect(await auditCount()).toBe(audits);
  });

  it('answers an id that is not one with 422, and one that does not exist with NOT_FOUND', async () => {
    expect((await expectRefusal(approveJoinRequest(f.db, f.actors.bidder, 'abc'))).status).toBe(422);
    expect((await expectRefusal(approveJoinRequest(f.db, f.actors.bidder, '00000000-0000-4000-8000-000000000000'))).code).toBe('NOT_FOUND');
  });

  it('takes two decisions at once one after the other: one wins, the other is told', async () => {
    const { id } = await joinRequest();
    const outcomes = await Promise.allSettled([approveJoinRequest(f.db, f.actors.bidder, id), rejectJoinRequest(f.db, f.actors.bidder, id, { reason: '重复' })]);
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    const loser = outcomes.find((o) => o.status === 'rejected') as PromiseRejectedResult;
    expect(loser.reason).toMatchObject({ code: 'CONFLICT' });
  });

  it('refuses to approve a number that has meanwhile become another account', async () => {
    const { id, phone } = await joinRequest();
    const elsewhere = await registerWithCode(f.db);
    await f.db.updateTable('users').set({ phone }).where('phone', '=', elsewhere.values.phone).execute();
    const refused = await expectRefusal(approveJoinRequest(f.db, f.actors.bidder, id));
    expect([refused.code, refused.message]).toEqual(['CONFLICT', `手机号 ${phone} 已注册为其他账号，无法加入本企业；请拒绝此申请`]);
    expect((await read(id)).status).toBe('pending');
  });

  it('shows the members to every member, and the requests to the first user only', async () => {
    const { id: pendingId } = await joinRequest('待审批人');
    const forAdmin = await listEnterpriseMembers(f.db, f.actors.bidder, PAGE);
    expect(forAdmin).toMatchObject({ administrator: true, enterprise: { name: TIANSHAN.name, status: 'verified' } });
    expect(forAdmin.members[0]).toMatchObject({ displayName: '李明', administrator: true });
    expect(forAdmin.pendingRequests.map((r) => r.id)).toContain(pendingId);

    const { id } = await joinRequest('成员乙');
    const { userId } = await approveJoinRequest(f.db, f.actors.bidder, id);
    const member = (await loadActor(f.db, { userId }))!;
    const forMember = await listEnterpriseMembers(f.db, member, PAGE);
    expect(forMember).toMatchObject({ administrator: false, pendingRequests: [], decidedRequests: [] });
    expect(forMember.members.map((m) => m.displayName)).toEqual(expect.arrayContaining(['李明', '成员乙']));
    expect(forMember.membersTotal).toBe(forAdmin.membersTotal + 1);

    // Another enterprise sees only its own people; the back office has no such page.
    const kunlun = await listEnterpriseMembers(f.db, f.actors.otherBidder, PAGE);
    expect(kunlun.members.map((m) => m.displayName)).toEqual(['陈静']);
    expect(kunlun.pendingRequests).toEqual([]);
    expect((await expectRefusal(listEnterpriseMembers(f.db, f.actors.operator, PAGE))).code).toBe('NOT_FOUND');
  });
});
