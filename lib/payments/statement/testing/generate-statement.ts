import iconv from 'iconv-lite';
import type { Kysely } from 'kysely';
import type { DemoFixture } from '@/testing/demo-fixture';
import type { Database } from '@/db/database';
import type { Actor } from '@/lib/auth/actor';
import { orderOnSection } from '@/lib/orders/testing/test-orders';
import { listOpenSections } from '@/lib/sections/list-open-sections';

const HEADER = '交易流水号,交易时间,金额（元）,付款人名称,付款人账号,付款人类型,附言';

export interface PayableOrder {
  remarkCode: string;
  premiumFen: number;
  payerName: string;
  payerAccount: string;
}

/** For tests and the benchmark: an order awaiting payment on every open section of the region, for each bidder. */
export async function payableOrders(f: DemoFixture, regionId: string, bidders: Actor[] = [f.actors.bidder, f.actors.otherBidder]): Promise<PayableOrder[]> {
  const orders: PayableOrder[] = [];
  for (const bidder of bidders) {
    const enterprise = await f.db.selectFrom('enterprises').selectAll().where('id', '=', bidder.enterpriseId!).executeTakeFirstOrThrow();
    const open = (await listOpenSections(f.db, bidder, { page: 1, pageSize: 100 })).rows;
    for (const section of open) {
      if (section.myOrderId) continue;
      const project = await f.db.selectFrom('projects').select('region_id').where('code', '=', section.projectCode).executeTakeFirstOrThrow();
      if (project.region_id !== regionId) continue;
      const order = await orderOnSection(f, section.sectionId, bidder);
      orders.push({ remarkCode: order.remarkCode, premiumFen: order.premiumFen, payerName: enterprise.name, payerAccount: enterprise.basic_account_number });
    }
  }
  return orders;
}

export interface StatementPlan {
  lines: number;
  /** Transaction ids are `${prefix}-<n>`, so each run of a benchmark is new to the database. */
  prefix: string;
  orders: PayableOrder[];
  /** Every `matchEvery`-th line names an order: its first such line insures it, the later ones pay it twice. */
  matchEvery: number;
  /** Every `notifiedEvery`-th line the bank has already notified (see recordNotified). */
  notifiedEvery: number;
  encoding?: 'utf-8' | 'gb18030';
}

export interface GeneratedStatement {
  bytes: Uint8Array;
  notifiedIds: string[];
  expected: { lines: number; issued: number; duplicate: number; alreadyImported: number; unmatched: number };
}

const yuan = (fen: number) => `${Math.trunc(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;
const pad = (n: number, width: number) => String(n).padStart(width, '0');

/**
 * For tests and the benchmark: a statement of `lines` transfers. Most name no order (the remark holds no
 * remark code), so the figures are the import's own and not the policy PDF's (~100 ms per insured
 * order); a few hundred name an order, and some the bank notified before.
 */
export function generateStatement(plan: StatementPlan): GeneratedStatement {
  const rows: string[] = [HEADER];
  const notifiedIds: string[] = [];
  const paid = new Set<number>();
  const expected = { lines: plan.lines, issued: 0, duplicate: 0, alreadyImported: 0, unmatched: 0 };
  for (let i = 0; i < plan.lines; i++) {
    const id = `${plan.prefix}-${pad(i, 6)}`;
    const time = `2026-11-${pad(1 + (i % 23), 2)} ${pad(8 + (i % 10), 2)}:${pad(i % 60, 2)}:${pad((i * 7) % 60, 2)}`;
    if (plan.orders.length && i % plan.matchEvery === plan.matchEvery - 1) {
      const k = Math.floor(i / plan.matchEvery) % plan.orders.length;
      const order = plan.orders[k]!;
      if (paid.has(k)) expected.duplicate++;
      else {
        paid.add(k);
        expected.issued++;
      }
      rows.push(`${id},${time},${yuan(order.premiumFen)},${order.payerName},${order.payerAccount},企业,"投标保证保险, 附言 ${order.remarkCode}"`);
      continue;
    }
    if (i % plan.notifiedEvery === 3) {
      notifiedIds.push(id);
      expected.alreadyImported++;
    } else {
      expected.unmatched++;
    }
    // Digits only in the remark: never a run of eight remark-code characters. Now and then quotes,
    // braces and a backslash, which array parameters must carry as they are.
    const personal = i % 3 === 0;
    const remark = i % 1000 === 500 ? `"货款 ""加急"", {备注} \\ 第${i}号"` : `货款 第${i}号`;
    rows.push(
      `${id},${time},"${(1 + (i % 5000)).toLocaleString('en-US')}.${pad(i % 100, 2)}",${personal ? `付款人${i % 997}` : `新疆第${i % 89}建设有限公司`},` +
        `62220202${pad(i, 11)},${personal ? '个人' : '企业'},${remark}`,
    );
  }
  const text = `${rows.join('\r\n')}\r\n`;
  const bytes = plan.encoding === 'gb18030' ? new Uint8Array(iconv.encode(text, 'gb18030')) : new TextEncoder().encode(`\uFEFF${text}`);
  return { bytes, notifiedIds, expected };
}

/** For tests and the benchmark: the bank's notifications of these transactions arrived before the statement. */
export async function recordNotified(db: Kysely<Database>, bankCode: string, ids: string[], at: Date): Promise<void> {
  for (let i = 0; i < ids.length; i += 1000) {
    await db
      .insertInto('bank_transfers')
      .values(
        ids.slice(i, i + 1000).map((id) => ({
          bank_code: bankCode, bank_txn_id: id, source: 'webhook' as const, amount_fen: 100, payer_name: '通知', payer_account: '6222020200000000000',
          payer_kind: 'personal' as const, remark: '货款', bank_time: at, received_at: at, status: 'unmatched' as const,
        })),
      )
      .execute();
  }
}
