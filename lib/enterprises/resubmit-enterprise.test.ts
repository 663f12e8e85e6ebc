import { describe, expect, it } from 'vitest';
import { testDatabaseKinds } from '@/testing/test-database';
import { useDemoFixture } from '@/testing/use-database';
import { useFixedClock } from '@/testing/use-fixed-clock';
import { getRecord } from '@/lib/back-office/get-record';
import { runCommand } from '@/lib/back-office/run-command';
import { expectRefusal } from '@/lib/errors/testing/expect-refusal';
import { unpaidOrder } from '@/lib/orders/testing/test-orders';
import { enterpriseResource } from './enterprise-resource';
import { getMyEnterpriseStanding } from './my-enterprise-standing';
import { resubmitEnterprise } from './resubmit-enterprise';
import { enterpriseWithBidder, freshUscc } from './testing/enterprise-with-bidder';

describe.each(testDatabaseKinds)('重新提交认证 on %s', (kind) => {
  const f = useDemoFixture(kind);
  useFixedClock();

  const auditedActions = async (entityId: string) =>
    (await f.db.selectFrom('audit_events').select(['action', 'actor_id']).where('entity_id', '=', entityId).orderBy('id').execute());

  it('walks a registration through rejection, correction, resubmission and approval, each step audited', async () => {
    const { enterpriseId, bidder, uscc } = await enterpriseWithBidder(f.db);
    await runCommand(f.db, f.actors.operator, enterpriseResource, enterpriseId, 'reject', { body: { reason: '企业名称与营业执照不一致' } });
    const rejected = await getMyEnterpriseStanding(f.db, bidder);
    expect(rejected).toMatchObject({ rejectionReason: '企业名称与营业执照不一致', allowedActions: ['resubmit'] });

    const corrected = { ...rejected.details, name: '新疆博格达测试建材有限责任公司', basicAccountNumber: '6217 0000 1111 2222' };
    await resubmitEnterprise(f.db, bidder, corrected);
    expect(await getMyEnterpriseStanding(f.db, bidder)).toMatchObject({
      statusLabel: '待认证审核', awaitingReview: true, rejectionReason: null, allowedActions: [],
      enterprise: { name: '新疆博格达测试建材有限责任公司', uscc, basic_account_number: '6217000011112222', review_reason: null, reviewed_by: null, reviewed_at: null },
    });
    const waiting = await getRecord(f.db, f.actors.operator, enterpriseResource, enterpriseId);
    expect(waiting).toMatchObject({ status: 'pending_review', allowed_actions: ['approve', 'reject', 'correctBasicAccount'] });
    const again = await expectRefusal(resubmitEnterprise(f.db, bidder, corrected));
    expect([again.code, again.message]).toEqual(['CONFLICT', '企业认证正在审核中']);

    await runCommand(f.db, f.actors.operator, enterpriseResource, enterpriseId, 'approve', { body: {} });
    expect((await getMyEnterpriseStanding(f.db, bidder)).allowedActions).toEqual(['applyForGuarantee']);
    expect(await unpaidOrder(f, 'WLMQ-CG-2026-0342', { bidder })).toMatchObject({ orderNumber: expect.stringMatching(/^BH/) });

    expect(await auditedActions(enterpriseId)).toEqual([
      { action: 'enterprise.reject', actor_id: f.actors.operator.userId },
      { action: 'enterprise.resubmit', actor_id: bidder.userId },
      { action: 'enterprise.approve', actor_id: f.actors.operator.userId },
    ]);
    const resubmission = await f.db.selectFrom('audit_events').selectAll().where('entity_id', '=', enterpriseId).where('action', '=', 'enterprise.resubmit').executeTakeFirstOrThrow();
    expect(resubmission).toMatchObject({ region_id: '650100', reason: '修改企业信息后重新提交认证（驳回原因：企业名称与营业执照不一致）' });
    expect(resubmission.before).toMatchObject({ status: 'rejected', review_reason: '企业名称与营业执照不一致' });
    expect(resubmission.after).toMatchObject({ status: 'pending_review', name: '新疆博格达测试建材有限责任公司', review_reason: null });
  });

  it('checks the corrected details as the application form does, field by field, and changes nothing on a refusal', async () => {
    const { enterpriseId, bidder } = await enterpriseWithBidder(f.db, { status: 'rejected', reviewReason: '信用代码有误' });
    const { details } = await getMyEnterpriseStanding(f.db, bidder);
    const refused = async (change: Record<string, unknown>) => (await expectRefusal(resubmitEnterprise(f.db, bidder, { ...details, ...change }))).fieldErrors;
    expect(await refused({ uscc: details.uscc.slice(0, 17) + (details.uscc[17] === '0' ? '1' : '0') })).toMatchObject({ uscc: expect.stringContaining('校验位') });
    expect(await refused({ contactPhone: '0991-1234567' })).toMatchObject({ contactPhone: '请输入 11 位中国大陆手机号' });
    expect(await refused({ email: 'bid@' })).toHaveProperty('email');
    expect(await refused({ basicAccountNumber: '12AB' })).toHaveProperty('basicAccountNumber');
    expect(await refused({ name: ' ' })).toHaveProperty('name');
    // The credit code of an enterprise already on the platform is someone else's.
    const taken = await expectRefusal(resubmitEnterprise(f.db, bidder, { ...details, uscc: '91650100712345678G' }));
    expect([taken.code, taken.fieldErrors?.uscc]).toEqual(['CONFLICT', '该统一社会信用代码已有企业注册']);
    expect(await getMyEnterpriseStanding(f.db, bidder)).toMatchObject({ rejectionReason: '信用代码有误', details });
    expect(await auditedActions(enterpriseId)).toEqual([]);
    // A lower-case code of its own is taken as the code.
    const own = freshUscc();
    await resubmitEnterprise(f.db, bidder, { ...details, uscc: own.toLowerCase() });
    expect((await getMyEnterpriseStanding(f.db, bidder)).enterprise.uscc).toBe(own);
  });

  it('is the enterprise\'s own bidders\' move only, and only after a rejection', async () => {
    const { bidder } = await enterpriseWithBidder(f.db, { status: 'rejected', reviewReason: '材料不全' });
    const { details } = await getMyEnterpriseStanding(f.db, bidder);
    for (const who of ['operator', 'compliance', 'platformAdmin'] as const) {
      expect((await expectRefusal(resubmitEnterprise(f.db, f.actors[who], details))).code).toBe('FORBIDDEN');
    }
    const verified = await expectRefusal(resubmitEnterprise(f.db, f.actors.bidder, { ...details, uscc: freshUscc() }));
    expect([verified.code, verified.message]).toEqual(['CONFLICT', '企业已通过认证，无需重新提交']);
  });
});
