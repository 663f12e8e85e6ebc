import type { DemoFixture } from '../../testing/demo-fixture';
import { usccCheckCharacter } from '../../forms/formats/uscc';
import { hashPassword } from '../../lib/auth/password';
import { loadActor } from '../../lib/auth/load-actor';
import { orderOnSection } from '../../lib/orders/testing/test-orders';
import type { E2ETransfer } from '../bank';
import { forEachConcurrently } from './concurrently';

/** The demo project the rush bids on: a construction project open for ten days after seeding. */
const RUSH_PROJECT = 'WLMQ-JS-2026-0158';

export interface RushPayment {
  orderId: string;
  /** The premium transfer the bidder's bank will report for the order, from its basic account. */
  transfer: E2ETransfer;
  bankTime: Date;
}

/**
 * `count` bidders, each its own enterprise with a bidder account and an order awaiting payment on a
 * section of its own, as a deadline rush brings them. There is no account-creation use case yet, so the
 * enterprises and users are inserted as the demo seed does; the sections as bench/policy.ts does; the
 * orders go through the application use case, as the pages submit them.
 */
export async function createRushBidders(f: DemoFixture, count: number): Promise<RushPayment[]> {
  const passwordHash = await hashPassword(`rush-${Date.now()}`);
  const project = await f.db.selectFrom('projects').select('id').where('code', '=', RUSH_PROJECT).executeTakeFirstOrThrow();
  const indexes = Array.from({ length: count }, (_, i) => i);
  const enterprises = await f.db
    .insertInto('enterprises')
    .values(
      indexes.map((i) => {
        const name = `压测建设工程有限公司${i + 1}`;
        const first17 = `91650100${String(i).padStart(9, '0')}`;
        return {
          name,
          uscc: first17 + usccCheckCharacter(first17)!,
          legal_representative: '测试法人',
          contact_name: `投标联系人${i + 1}`,
          contact_phone: `137${String(i).padStart(8, '0')}`,
          email: `rush${i}@rush.example.cn`,
          basic_account_bank: '中国工商银行乌鲁木齐分行',
          basic_account_name: name,
          basic_account_number: `6222${String(i).padStart(15, '0')}`,
        };
      }),
    )
    .returning(['id', 'name', 'contact_phone', 'contact_name', 'basic_account_number'])
    .execute();
  await f.db
    .insertInto('users')
    .values(enterprises.map((e) => ({ phone: e.contact_phone, display_name: e.contact_name, password_hash: passwordHash, role: 'bidder' as const, enterprise_id: e.id })))
    .execute();
  const sections = await f.db
    .insertInto('sections')
    .values(indexes.map((i) => ({ project_id: project.id, code: `RUSH-${i + 1}`, name: `压测标段 ${i + 1}`, deposit_fen: 5_000_000 })))
    .returning('id')
    .execute();

  const payments: RushPayment[] = new Array(count);
  await forEachConcurrently(indexes, 4, async (i) => {
    const enterprise = enterprises[i]!;
    const bidder = await loadActor(f.db, { phone: enterprise.contact_phone });
    const order = await orderOnSection(f, sections[i]!.id, bidder!);
    payments[i] = {
      orderId: order.id,
      transfer: {
        transactionId: `RUSH-${i + 1}-${order.remarkCode}`,
        amountFen: order.premiumFen,
        payerName: enterprise.name,
        payerAccount: enterprise.basic_account_number,
        payerKind: 'enterprise',
        remark: order.remarkCode,
      },
      bankTime: new Date(),
    };
  });
  return payments;
}
