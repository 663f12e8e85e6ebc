import { beforeAll, describe, expect, it } from 'vitest';
import type { DemoActors } from '@/testing/demo-fixture';
import { testDatabaseKinds } from '@/testing/test-database';
import { useDemoFixture } from '@/testing/use-database';
import { useFixedClock } from '@/testing/use-fixed-clock';
import { createRecord } from '@/lib/back-office/create-record';
import { deleteRecord } from '@/lib/back-office/delete-record';
import { getRecord } from '@/lib/back-office/get-record';
import type { ListParams } from '@/lib/back-office/list-params';
import { listRecords } from '@/lib/back-office/list-records';
import { backOfficeResource } from '@/lib/back-office/resource-registry';
import { runCommand } from '@/lib/back-office/run-command';
import { updateRecord } from '@/lib/back-office/update-record';
import { DomainError } from '@/lib/errors/domain-error';
import { expectRefusal } from '@/lib/errors/testing/expect-refusal';
import { getMyOrder } from '@/lib/orders/get-my-order';
import { prepareApplication } from '@/lib/orders/prepare-application';
import { payFromBasicAccount, unpaidOrder } from '@/lib/orders/testing/test-orders';
import { listOpenSections } from '@/lib/sections/list-open-sections';
import { getEnterpriseProfile } from './get-enterprise-profile';
import { enterpriseResource, type EnterpriseDetail, type EnterpriseRecord } from './enterprise-resource';
import { enterpriseWithBidder } from './testing/enterprise-with-bidder';

const page = (filter: Record<string, unknown> = {}): ListParams => ({ sort: { field: 'created_at', order: 'asc' }, offset: 0, limit: 100, filter });

type Who = keyof DemoActors;
const EVERYONE: Who[] = ['bidder', 'otherBidder', 'operator', 'valuesOperator', 'otherOperator', 'compliance', 'platformAdmin'];

/** 'ok', or the code of the refusal: one row per role, the enterprise being 乌鲁木齐市's unless said. */
type Expected = Record<Who, 'ok' | DomainError['code']>;
const writers = (ok: 'ok' | DomainError['code'] = 'ok'): Expected => ({
  bidder: 'FORBIDDEN', otherBidder: 'FORBIDDEN', operator: ok, valuesOperator: ok, otherOperator: ok === 'ok' ? 'OTHER_REGION' : ok,
  compliance: 'READ_ONLY_ROLE', platformAdmin: ok,
});

const MATRIX: Record<string, Expected> = {
  'read one of its region': { ...writers(), otherOperator: 'OTHER_REGION', compliance: 'ok' },
  'read one of no region': { ...writers(), operator: 'NOT_FOUND', valuesOperator: 'NOT_FOUND', otherOperator: 'NOT_FOUND', compliance: 'ok' },
  approve: writers(),
  reject: writers(),
  correctBasicAccount: writers(),
  'correctBasicAccount of no region': { ...writers(), operator: 'NOT_FOUND', valuesOperator: 'NOT_FOUND', otherOperator: 'NOT_FOUND' },
  create: writers('METHOD_NOT_ALLOWED'),
  update: writers('METHOD_NOT_ALLOWED'),
  delete: writers('METHOD_NOT_ALLOWED'),
};

const ACCOUNT = { basic_account_bank: '中国银行乌鲁木齐新华北路支行', basic_account_name: '更正后的账户名', basic_account_number: '107200000001' };

describe.each(testDatabaseKinds)('投保企业 in the back office on %s', (kind) => {
  const f = useDemoFixture(kind);
  useFixedClock();
  let platformOwn: string;
  beforeAll(async () => {
    platformOwn = (await enterpriseWithBidder(f.db, { status: 'verified', regionId: null })).enterpriseId;
  });

  const audits = (entityId: string) =>
    f.db.selectFrom('audit_events').select(['action', 'actor_id', 'region_id', 'reason', 'before', 'after']).where('entity_id', '=', entityId).orderBy('id').execute();

  /** One operation on a fresh enterprise: 待认证审核 in 乌鲁木齐市, or the platform's own one of no region. */
  async function attempt(operation: string, who: Who): Promise<'ok' | DomainError['code']> {
    const actor = f.actors[who];
    const id = operation.endsWith('of no region') ? platformOwn : (await enterpriseWithBidder(f.db)).enterpriseId;
    const command = (name: string, body: unknown) => runCommand(f.db, actor, enterpriseResource, id, name, { body });
    const run: Record<string, () => Promise<unknown>> = {
      'read one of its region': () => getRecord(f.db, actor, enterpriseResource, id),
      'read one of no region': () => getRecord(f.db, actor, enterpriseResource, id),
      approve: () => command('approve', {}),
      reject: () => command('reject', { reason: '营业执照与企业名称不一致' }),
      correctBasicAccount: () => command('correctBasicAccount', { ...ACCOUNT, reason: '企业提供了开户许可证' }),
      'correctBasicAccount of no region': () => command('correctBasicAccount', { ...ACCOUNT, basic_account_number: `1072${Date.now()}`, reason: '企业提供了开户许可证' }),
      create: () => createRecord(f.db, actor, enterpriseResource, { name: '新建企业' }),
      update: () => updateRecord(f.db, actor, enterpriseResource, id, { name: '改名' }),
      delete: () => deleteRecord(f.db, actor, enterpriseResource, id),
    };
    return run[operation]!().then(
      () => 'ok' as const,
      (error: unknown) => {
        if (error instanceof DomainError) return error.code;
        throw error;
      },
    );
  }

  it('is registered as the back office\'s 投保企业', () => {
    expect(backOfficeResource('enterprises')).toBe(enterpriseResource);
  });

  it.each(Object.keys(MATRIX))('authorizes %s for every role as the matrix says', async (operation) => {
    const outcomes = Object.fromEntries(await Promise.all(EVERYONE.map(async (who) => [who, await attempt(operation, who)] as const)));
    expect(outcomes).toEqual(MATRIX[operation]);
  });

  it('lists only the operator\'s region for operators, every enterprise for compliance and the platform, none for bidders', async () => {
    const regionsOf = async (who: Who) => new Set((await listRecords(f.db, f.actors[who], enterpriseResource, page())).rows.map((r) => r.region_id));
    expect(await regionsOf('operator')).toEqual(new Set(['650100']));
    expect(await regionsOf('otherOperator')).toEqual(new Set(['650200']));
    expect(await regionsOf('compliance')).toEqual(new Set(['650100', '650200', null]));
    expect(await regionsOf('platformAdmin')).toEqual(new Set(['650100', '650200', null]));
    for (const who of ['bidder', 'otherBidder'] as const) {
      expect((await expectRefusal(listRecords(f.db, f.actors[who], enterpriseResource, page()))).code).toBe('FORBIDDEN');
    }
    // Asking for another region by filter or by id does not widen an operator's scope.
    const kunlun = (await listRecords(f.db, f.actors.otherOperator, enterpriseResource, page())).rows.map((r) => r.id);
    expect((await listRecords(f.db, f.actors.operator, enterpriseResource, page({ region_id: '650200' }))).total).toBe(0);
    expect((await listRecords(f.db, f.actors.operator, enterpriseResource, page({ id: [...kunlun, platformOwn] }))).total).toBe(0);
  });

  it('filters by status and region and searches the name and the credit code', async () => {
    const pending = await enterpriseWithBidder(f.db);
    const list = (who: Who, filter: Record<string, unknown>) => listRecords(f.db, f.actors[who], enterpriseResource, page(filter));
    const ids = async (who: Who, filter: Record<string, unknown>) => (await list(who, filter)).rows.map((r) => r.id);
    expect(await ids('operator', { status: 'pending_review' })).toContain(pending.enterpriseId);
    expect(await ids('operator', { status: 'verified' })).not.toContain(pending.enterpriseId);
    expect(await ids('operator', { q: pending.uscc })).toEqual([pending.enterpriseId]);
    expect(await ids('operator', { q: pending.name.slice(-6) })).toEqual([pending.enterpriseId]);
    expect((await list('platformAdmin', { q: '昆仑路桥' })).rows).toMatchObject([{ name: '新疆昆仑路桥有限公司', region_name: '克拉玛依市', status: 'verified' }]);
    expect((await list('platformAdmin', { region_id: '650200' })).rows.every((r) => r.region_id === '650200')).toBe(true);
    expect((await expectRefusal(list('operator', { status: 'approved' }))).code).toBe('VALIDATION_FAILED');
  });

  it('shows an enterprise with its people, its orders the reader may see, and what the reader may do', async () => {
    const tianshan = f.actors.bidder.enterpriseId!;
    await f.db.updateTable('users').set({ last_signed_in_at: '2026-11-23T08:00:00Z' }).where('id', '=', f.actors.bidder.userId).execute();
    const here = await unpaidOrder(f, 'WLMQ-CG-2026-0342');
    const there = await unpaidOrder(f, 'KLMY-JS-2026-0052');
    const detail = (await getRecord(f.db, f.actors.operator, enterpriseResource, tianshan)) as EnterpriseDetail & { allowed_actions: string[] };
    expect(detail).toMatchObject({
      name: '新疆天山建设工程有限公司', region_name: '乌鲁木齐市', status: 'verified', registered_by_name: '李明',
      basic_account_number: '3002012309024567812', allowed_actions: ['correctBasicAccount'],
    });
    expect(detail.users).toEqual([
      { id: f.actors.bidder.userId, display_name: '李明', phone: '13900000001', active: true, last_signed_in_at: new Date('2026-11-23T08:00:00Z') },
    ]);
    // An order belongs to its project's region: 乌鲁木齐市's operator does not see the one in 克拉玛依市.
    expect(detail.orders).toEqual([
      expect.objectContaining({ order_number: here.orderNumber, status: 'pending_payment', status_label: '待支付', premium_fen: here.premiumFen, section_name: '包1：天山区、沙依巴克区' }),
    ]);
    expect(detail.orders_total).toBe(1);
    const whole = (await getRecord(f.db, f.actors.compliance, enterpriseResource, tianshan)) as EnterpriseDetail & { allowed_actions: string[] };
    expect(whole.orders.map((o) => o.order_number).sort()).toEqual([here.orderNumber, there.orderNumber].sort());
    expect(whole.allowed_actions).toEqual([]);
    // 克拉玛依市's operator sees neither the enterprise nor, through it, its orders.
    expect((await expectRefusal(getRecord(f.db, f.actors.otherOperator, enterpriseResource, tianshan))).code).toBe('OTHER_REGION');
  });

  it('approves a registration once, records who and when, and audits it', async () => {
    const { enterpriseId } = await enterpriseWithBidder(f.db);
    const approved = (await runCommand(f.db, f.actors.operator, enterpriseResource, enterpriseId, 'approve', { body: { reason: '材料齐全' } })) as EnterpriseRecord & { allowed_actions: string[] };
    expect(approved).toMatchObject({ status: 'verified', reviewer_name: f.actors.operator.name, review_reason: null, allowed_actions: ['correctBasicAccount'] });
    expect(approved.reviewed_at).toEqual(new Date('2026-11-24T02:00:00Z'));
    const again = await expectRefusal(runCommand(f.db, f.actors.platformAdmin, enterpriseResource, enterpriseId, 'reject', { body: { reason: '重复审核' } }));
    expect([again.code, again.message]).toEqual(['CONFLICT', '该企业认证已审核，不能重复审核']);
    const events = await audits(enterpriseId);
    expect(events).toMatchObject([{ action: 'enterprise.approve', actor_id: f.actors.operator.userId, region_id: '650100', reason: '材料齐全' }]);
    expect(events[0]!.before).toMatchObject({ status: 'pending_review', reviewed_by: null });
    expect(events[0]!.after).toMatchObject({ status: 'verified', reviewed_by: f.actors.operator.userId });
  });

  it('rejects only with a reason, which the enterprise reads, and audits it', async () => {
    const { enterpriseId, bidder } = await enterpriseWithBidder(f.db);
    const reject = (body: unknown) => runCommand(f.db, f.actors.valuesOperator, enterpriseResource, enterpriseId, 'reject', { body });
    for (const body of [{}, { reason: '' }, { reason: ' 差 ' }, { reason: 42 }, { reason: '长'.repeat(501) }, null]) {
      expect((await expectRefusal(reject(body))).code).toBe('VALIDATION_FAILED');
    }
    expect(await audits(enterpriseId)).toEqual([]);
    const rejected = await reject({ reason: '基本户账号与开户许可证不一致' });
    expect(rejected).toMatchObject({ status: 'rejected', review_reason: '基本户账号与开户许可证不一致', reviewer_name: f.actors.valuesOperator.name });
    expect((await getEnterpriseProfile(f.db, bidder, enterpriseId)).review_reason).toBe('基本户账号与开户许可证不一致');
    expect(await audits(enterpriseId)).toMatchObject([{ action: 'enterprise.reject', reason: '基本户账号与开户许可证不一致', after: { status: 'rejected' } }]);
    const again = await expectRefusal(runCommand(f.db, f.actors.operator, enterpriseResource, enterpriseId, 'approve', { body: {} }));
    expect(again.code).toBe('CONFLICT');
  });

  it('refuses a command it does not have, and a malformed id, before anything else', async () => {
    const { enterpriseId } = await enterpriseWithBidder(f.db);
    expect((await expectRefusal(runCommand(f.db, f.actors.operator, enterpriseResource, enterpriseId, 'resubmit', { body: {} }))).code).toBe('NOT_FOUND');
    expect((await expectRefusal(runCommand(f.db, f.actors.operator, enterpriseResource, 'abc', 'approve', { body: {} }))).code).toBe('VALIDATION_FAILED');
    expect((await expectRefusal(runCommand(f.db, f.actors.compliance, enterpriseResource, 'abc', 'approve', { body: {} }))).code).toBe('READ_ONLY_ROLE');
    expect((await expectRefusal(getRecord(f.db, f.actors.operator, enterpriseResource, '00000000-0000-4000-8000-000000000000'))).code).toBe('NOT_FOUND');
  });

  describe('修正基本户', () => {
    it('requires a reason and a change, and records the account before and after', async () => {
      const kunlun = f.actors.otherBidder.enterpriseId!;
      const correct = (body: unknown) => runCommand(f.db, f.actors.otherOperator, enterpriseResource, kunlun, 'correctBasicAccount', { body });
      const before = await getEnterpriseProfile(f.db, f.actors.otherBidder, kunlun);
      expect((await expectRefusal(correct(ACCOUNT))).fieldErrors?.reason).toBe('请填写修正原因');
      expect((await expectRefusal(correct({ ...ACCOUNT, reason: ' ' }))).fieldErrors?.reason).toContain('修正原因');
      expect((await expectRefusal(correct({ ...ACCOUNT, basic_account_number: '1234', reason: '开户许可证' }))).fieldErrors?.basic_account_number).toBe('基本户账号应为 8 至 32 位数字');
      const unchanged = await expectRefusal(
        correct({ basic_account_bank: before.basic_account_bank, basic_account_name: before.basic_account_name, basic_account_number: before.basic_account_number, reason: '核对无误' }),
      );
      expect([unchanged.code, unchanged.message]).toEqual(['VALIDATION_FAILED', '基本户信息没有变化，无需修正']);
      expect(await audits(kunlun)).toEqual([]);

      const corrected = await correct({ ...ACCOUNT, basic_account_number: '1072 0000 0001', reason: '企业提供了新的开户许可证' });
      expect(corrected).toMatchObject({ ...ACCOUNT, status: 'verified', allowed_actions: ['correctBasicAccount'] });
      expect(await audits(kunlun)).toEqual([
        {
          action: 'enterprise.correct_basic_account', actor_id: f.actors.otherOperator.userId, region_id: '650200', reason: '企业提供了新的开户许可证',
          before: { basic_account_bank: before.basic_account_bank, basic_account_name: before.basic_account_name, basic_account_number: before.basic_account_number },
          after: ACCOUNT,
        },
      ]);
      // Whoever reads the account next reads the corrected one: nothing kept the old one.
      expect(await getEnterpriseProfile(f.db, f.actors.otherBidder, kunlun)).toMatchObject(ACCOUNT);
    });

    it('holds from the next request on: the application form and the payment check read the corrected account', async () => {
      const { enterpriseId, bidder } = await enterpriseWithBidder(f.db, { status: 'verified' });
      const order = await unpaidOrder(f, 'WLMQ-JS-2026-0158', { bidder });
      await runCommand(f.db, f.actors.operator, enterpriseResource, enterpriseId, 'correctBasicAccount', { body: { ...ACCOUNT, reason: '开户许可证更正' } });
      const { sectionId, productId } = await f.db.selectFrom('orders').select(['section_id as sectionId', 'product_id as productId']).where('id', '=', order.id).executeTakeFirstOrThrow();
      const other = (await listOpenSections(f.db, bidder, { page: 1, pageSize: 50 })).rows.find((s) => s.projectCode === 'WLMQ-JS-2026-0158' && s.sectionId !== sectionId)!;
      expect((await prepareApplication(f.db, bidder, other.sectionId, productId)).prefill).toMatchObject({ basicAccount: { number: ACCOUNT.basic_account_number } });
      // A construction project's premium must come from the basic account: from the corrected one it does.
      expect(await payFromBasicAccount(f, order, bidder)).toMatchObject({ status: 'matched' });
      expect((await getMyOrder(f.db, bidder, order.id)).status).toBe('issued');
    });

    it('is refused to compliance before its input is looked at, and changes nothing', async () => {
      const tianshan = f.actors.bidder.enterpriseId!;
      const error = await expectRefusal(runCommand(f.db, f.actors.compliance, enterpriseResource, tianshan, 'correctBasicAccount', { body: {} }));
      expect(error.code).toBe('READ_ONLY_ROLE');
      expect((await getEnterpriseProfile(f.db, f.actors.bidder, tianshan)).basic_account_number).toBe('3002012309024567812');
    });
  });
});
