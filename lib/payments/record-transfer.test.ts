import { describe, expect, it } from 'vitest';
import { SEEDED_AT } from '@/testing/demo-fixture';
import { useDemoFixture } from '@/testing/use-database';
import { useFixedClock } from '@/testing/use-fixed-clock';
import { testDatabaseKinds } from '@/testing/test-database';
import { getMyOrder } from '@/lib/orders/get-my-order';
import { unpaidOrder } from '@/lib/orders/testing/test-orders';
import { recordTransfer } from './record-transfer';
import type { TransferNotification } from './transfer-notification';

const BASIC_ACCOUNT = '3002012309024567812'; // 新疆天山建设工程有限公司's registered basic account

describe.each(testDatabaseKinds)('bank transfers on %s', (kind) => {
  const f = useDemoFixture(kind);
  // Tue 2026-11-24 10:00 Beijing.
  useFixedClock();
  let txn = 0;

  /** A fresh order of the first enterprise on an open section of the given project. */
  const orderFor = (projectCode: string, sectionName?: string) => unpaidOrder(f, projectCode, { sectionName });

  const transfer = (over: Partial<TransferNotification>): TransferNotification => ({
    transactionId: `TXN-${kind}-${++txn}`,
    amountFen: 0,
    payerName: '新疆天山建设工程有限公司',
    payerAccount: BASIC_ACCOUNT,
    payerKind: 'enterprise',
    remark: '',
    bankTime: SEEDED_AT,
    ...over,
  });

  const refundsOf = (orderId: string) => f.db.selectFrom('refunds').selectAll().where('order_id', '=', orderId).execute();

  it('insures a construction order paid from the basic account with the remark and the exact premium', async () => {
    const order = await orderFor('WLMQ-JS-2026-0158', '施工一标段');
    const result = await recordTransfer(f.db, 'demo', 'webhook', transfer({ amountFen: order.premiumFen, remark: `投标保证保险 ${order.remarkCode}` }));
    expect(result).toMatchObject({ status: 'matched', orderId: order.id, replayed: false });
    const detail = await getMyOrder(f.db, f.actors.bidder, order.id);
    expect(detail.status).toBe('issued');
    expect(detail.events.map((e) => e.toStatus)).toEqual(['pending_payment', 'payment_review', 'issued']);
    expect(await refundsOf(order.id)).toEqual([]);
  });

  it('cancels a construction order paid from another account and refunds within five working days', async () => {
    const order = await orderFor('WLMQ-JS-2026-0158', '施工二标段');
    const result = await recordTransfer(f.db, 'demo', 'webhook', transfer({ amountFen: order.premiumFen, remark: order.remarkCode, payerAccount: '6222020200112233445', payerKind: 'personal', payerName: '李明' }));
    const detail = await getMyOrder(f.db, f.actors.bidder, order.id);
    expect(detail.status).toBe('cancelled');
    expect(detail.events.at(-1)?.reason).toBe('支付审核未通过：建设工程类项目须从企业基本户转账支付');
    // Tue 2026-11-24 + 5 working days = Tue 2026-12-01.
    expect(await refundsOf(order.id)).toMatchObject([{ amount_fen: order.premiumFen, status: 'pending', due_date: '2026-12-01' }]);
    const decision = await f.db.selectFrom('rule_decisions').selectAll().where('subject_type', '=', 'bank_transfer').where('subject_id', '=', result.transferId).executeTakeFirstOrThrow();
    expect(decision.outcome).toEqual({ accepted: false, reason: 'not_basic_account' });
  });

  it('insures a procurement order paid from a personal account', async () => {
    const order = await orderFor('WLMQ-CG-2026-0342');
    // Typed after other text, as bank forms often get it: still this order's remark.
    await recordTransfer(f.db, 'demo', 'webhook', transfer({ amountFen: order.premiumFen, remark: `PAY ${order.remarkCode.toLowerCase()}`, payerAccount: '6222020200112233445', payerKind: 'personal', payerName: '李明' }));
    expect((await getMyOrder(f.db, f.actors.bidder, order.id)).status).toBe('issued');
  });

  it('cancels and refunds a transfer of the wrong amount', async () => {
    const order = await orderFor('WLMQ-CG-2026-0342');
    await recordTransfer(f.db, 'demo', 'webhook', transfer({ amountFen: order.premiumFen - 1, remark: order.remarkCode }));
    expect((await getMyOrder(f.db, f.actors.bidder, order.id)).status).toBe('cancelled');
    expect(await refundsOf(order.id)).toMatchObject([{ amount_fen: order.premiumFen - 1 }]);
  });

  it('leaves a transfer whose remark names no order unmatched, changing no order', async () => {
    const result = await recordTransfer(f.db, 'demo', 'webhook', transfer({ amountFen: 120_000, remark: '保费 WRONG123' }));
    expect(result).toMatchObject({ status: 'unmatched', orderId: null });
  });

  it('refunds a second payment of an issued order as a duplicate', async () => {
    const [issued] = await f.db.selectFrom('orders').select(['id', 'remark_code', 'premium_fen']).where('status', '=', 'issued').orderBy('created_at').execute();
    const result = await recordTransfer(f.db, 'demo', 'webhook', transfer({ amountFen: issued!.premium_fen, remark: issued!.remark_code }));
    expect(result.status).toBe('duplicate');
    expect((await getMyOrder(f.db, f.actors.bidder, issued!.id)).status).toBe('issued');
    expect(await refundsOf(issued!.id)).toMatchObject([{ amount_fen: issued!.premium_fen, reason: '重复支付，退还多付的保费' }]);
  });

  it('records the same notification sent 20 times at once as one transfer', async () => {
    const order = await orderFor('KLMY-JS-2026-0052', '施工一标段');
    const once = transfer({ amountFen: order.premiumFen, remark: order.remarkCode });
    const results = await Promise.all(Array.from({ length: 20 }, () => recordTransfer(f.db, 'demo', 'webhook', once)));
    expect(new Set(results.map((r) => r.transferId)).size).toBe(1);
    expect(results.filter((r) => !r.replayed)).toHaveLength(1);
    const rows = await f.db.selectFrom('bank_transfers').select('id').where('bank_txn_id', '=', once.transactionId).execute();
    expect(rows).toHaveLength(1);
    const detail = await getMyOrder(f.db, f.actors.bidder, order.id);
    expect(detail.status).toBe('issued');
    expect(detail.events.filter((e) => e.toStatus === 'issued')).toHaveLength(1);
  });
});
